import { DomainError, DomainEvent } from '@sws/kernel';
import { deciderSpecification, intentOn, opened, reserve, reserved } from '../../../kernel/src/testing';
import { contractHold, stationCommitmentLedger, StationHold } from './station-commitment-ledger';

const spec = deciderSpecification(stationCommitmentLedger);

const year2026 = { recordStreamId: 'Contract-c-2026', value: contractHold('c-2026', { start: '2026-01-01', end: '2026-12-31' }) };
const closed = { recordStreamId: 'Station-s-1', value: { kind: 'closure', on: '2026-07-01' } as StationHold };
const award = (contractId: string, start: string, end: string, expected: 'no_stream' | number = 'no_stream') =>
  intentOn(stationCommitmentLedger, 's-1', { recordStreamId: `Contract-${contractId}`, value: contractHold(contractId, { start, end }) }, { expected });

describe('a station’s commitments (StationCommitment-<stationId>)', () => {
  it('takes a contract on a station no other contract holds on its days', () => {
    const next = award('c-2027', '2027-01-01', '2027-12-31');
    spec.given([opened(stationCommitmentLedger, [year2026])]).when(reserve(stationCommitmentLedger, 's-1', next)).then([reserved(stationCommitmentLedger, 's-1', next)]);
  });

  it('refuses a contract whose days another contract holds, naming it', () => {
    const rival = award('c-rival', '2026-06-01', '2027-05-31');
    spec.given([opened(stationCommitmentLedger, [year2026])]).when(reserve(stationCommitmentLedger, 's-1', rival)).thenFails('STATION_ALREADY_CONTRACTED');
    expect(() =>
      stationCommitmentLedger.decide(reserve(stationCommitmentLedger, 's-1', rival), stationCommitmentLedger.evolve(stationCommitmentLedger.initialState(), opened(stationCommitmentLedger, [year2026]))),
    ).toThrow(new DomainError('STATION_ALREADY_CONTRACTED', 'station s-1 is in contract c-2026 from 2026-01-01 to 2026-12-31'));
  });

  it('refuses a contract while another one’s award is still being written', () => {
    const first = award('c-first', '2026-01-01', '2026-12-31');
    spec.given([reserved(stationCommitmentLedger, 's-1', first)]).when(reserve(stationCommitmentLedger, 's-1', award('c-second', '2026-03-01', '2026-12-31'))).thenFails('STATION_ALREADY_CONTRACTED');
  });

  it('refuses a new award of a closed station, and still lets a contract it holds move its end', () => {
    spec.given([opened(stationCommitmentLedger, [closed])]).when(reserve(stationCommitmentLedger, 's-1', award('c-new', '2026-01-01', '2026-06-30'))).thenFails('STATION_CLOSED');
    const extended = award('c-2026', '2026-01-01', '2027-03-31', 4);
    spec.given([opened(stationCommitmentLedger, [year2026, closed])]).when(reserve(stationCommitmentLedger, 's-1', extended)).then([reserved(stationCommitmentLedger, 's-1', extended)]);
  });

  it('lets a station close whatever holds it', () => {
    const closure = intentOn(stationCommitmentLedger, 's-1', closed, { expected: 0 });
    spec.given([opened(stationCommitmentLedger, [year2026])]).when(reserve(stationCommitmentLedger, 's-1', closure)).then([reserved(stationCommitmentLedger, 's-1', closure)]);
  });

  describe('what a record holds, from its own stream', () => {
    const awarded: DomainEvent = {
      type: 'ContractAwarded',
      data: {
        contractId: 'c-2026',
        purchaserOrgId: 'p',
        operatorOrgId: 'o',
        stationIds: ['s-1', 's-2'],
        term: { start: '2026-01-01', end: '2026-12-31' },
        budget: { totalCny: 1, sources: [] },
        requirements: {},
      },
    };
    const terminated: DomainEvent = { type: 'ContractTerminated', data: { contractId: 'c-2026', reason: '违约', effectiveOn: '2026-07-01', stationIds: ['s-1', 's-2'] } };

    it('is a contract’s days up to the day before its termination', () => {
      expect(stationCommitmentLedger.rule.valueOf('s-1', 'Contract-c-2026', [awarded])).toEqual(contractHold('c-2026', { start: '2026-01-01', end: '2026-12-31' }));
      expect(stationCommitmentLedger.rule.valueOf('s-1', 'Contract-c-2026', [awarded, terminated])).toEqual(contractHold('c-2026', { start: '2026-01-01', end: '2026-06-30' }));
    });

    it('is nothing for a contract not awarded, or not holding the station', () => {
      expect(stationCommitmentLedger.rule.valueOf('s-1', 'Contract-c-2026', [])).toBeNull();
      expect(stationCommitmentLedger.rule.valueOf('s-9', 'Contract-c-2026', [awarded])).toBeNull();
    });

    it('is the station’s closure once it is closed', () => {
      const registered: DomainEvent = { type: 'StationRegistered', data: { stationId: 's-1' } };
      const closure: DomainEvent = { type: 'StationClosed', data: { stationId: 's-1', on: '2026-07-01', reason: '撤并' } };
      expect(stationCommitmentLedger.rule.valueOf('s-1', 'Station-s-1', [registered])).toBeNull();
      expect(stationCommitmentLedger.rule.valueOf('s-1', 'Station-s-1', [registered, closure])).toEqual(closed.value);
    });
  });
});
