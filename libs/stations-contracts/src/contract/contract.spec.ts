import { deciderSpecification } from '../../../kernel/src/testing';
import { CommandMetadata, EventTypeRegistry } from '@sws/kernel';
import { stationsContractsEventTypes } from '../event-types';
import {
  AmendContract,
  AwardContract,
  contract,
  ContractAwarded,
  ContractEvent,
  ContractTerminated,
  DEFAULT_REQUIREMENTS,
  lastDay,
  StationCommitment,
  TerminateContract,
} from './contract';

const spec = deciderSpecification(contract);

const metadata: CommandMetadata = {
  now: '2026-03-31T09:00:00+08:00',
  actor: { userId: 'u-buyer', role: 'procurement', orgId: 'org-bureau' },
};

const term = { start: '2026-01-01', end: '2026-12-31' };
const budget = {
  totalCny: 300000,
  sources: [
    { kind: 'fiscal' as const, amountCny: 250000 },
    { kind: 'welfare_lottery' as const, amountCny: 50000 },
  ],
};

type AwardData = AwardContract['data'];
type AwardFacts = AwardContract['facts'];

const awardData: AwardData = {
  contractId: 'c-1',
  purchaserOrgId: 'org-bureau',
  operatorOrgId: 'org-operator',
  stationIds: ['st-1', 'st-2'],
  term,
  budget,
};

const awardFacts: AwardFacts = {
  purchaserKind: 'purchaser',
  operatorKind: 'operator',
  stationStatus: { 'st-1': 'open', 'st-2': 'open' },
  commitments: [],
};

const award = (data: Partial<AwardData> = {}, facts: Partial<AwardFacts> = {}): AwardContract => ({
  type: 'AwardContract',
  data: { ...awardData, ...data },
  metadata,
  facts: { ...awardFacts, ...facts },
});

const awarded: ContractAwarded = {
  type: 'ContractAwarded',
  data: { ...awardData, requirements: DEFAULT_REQUIREMENTS },
  occurredAt: term.start,
};

const amend = (data: Partial<AmendContract['data']>, commitments: readonly StationCommitment[] = []): AmendContract => ({
  type: 'AmendContract',
  data: { contractId: 'c-1', reason: '补充协议', ...data },
  metadata,
  facts: { commitments },
});

const terminate = (effectiveOn: string): TerminateContract => ({
  type: 'TerminateContract',
  data: { contractId: 'c-1', reason: '评估不合格', effectiveOn },
  metadata,
});

const terminated = (effectiveOn: string): ContractTerminated => ({
  type: 'ContractTerminated',
  data: { contractId: 'c-1', reason: '评估不合格', effectiveOn, stationIds: awardData.stationIds },
  occurredAt: effectiveOn,
});

const commitment = (start: string, end: string, contractId = 'c-0', stationId = 'st-2'): StationCommitment => ({
  stationId,
  contractId,
  start,
  end,
});

/** The requirements an award records. */
const requirementsOf = (command: AwardContract) => {
  const [event] = contract.decide(command, contract.initialState());
  return (event as ContractAwarded).data.requirements;
};

describe('contract', () => {
  describe('when awarded', () => {
    it('records the award with default requirements, taking effect when the term starts', () => {
      spec.given([]).when(award()).then([awarded]);
    });

    it('refuses a second award of the same contract', () => {
      spec.given([awarded]).when(award()).thenFails('ALREADY_REGISTERED');
    });

    it('refuses a purchaser that is not a purchaser organization', () => {
      spec.given([]).when(award({}, { purchaserKind: 'operator' })).thenFails('NOT_A_PURCHASER');
    });

    it('refuses an operator that is not an operator organization', () => {
      spec.given([]).when(award({}, { operatorKind: 'evaluator' })).thenFails('NOT_AN_OPERATOR');
    });

    it('refuses a purchaser that is not registered', () => {
      spec.given([]).when(award({}, { purchaserKind: null })).thenFails('ORGANIZATION_NOT_FOUND');
    });

    it('refuses an operator that is not registered', () => {
      spec.given([]).when(award({}, { operatorKind: null })).thenFails('ORGANIZATION_NOT_FOUND');
    });

    it('refuses a station that is not registered', () => {
      spec.given([]).when(award({}, { stationStatus: { 'st-1': 'open', 'st-2': 'unknown' } })).thenFails('STATION_NOT_FOUND');
    });

    it('refuses a station the facts do not mention', () => {
      spec.given([]).when(award({}, { stationStatus: { 'st-1': 'open' } })).thenFails('STATION_NOT_FOUND');
    });

    it('refuses a closed station', () => {
      spec.given([]).when(award({}, { stationStatus: { 'st-1': 'open', 'st-2': 'closed' } })).thenFails('STATION_CLOSED');
    });

    it('refuses a term that ends before it starts', () => {
      spec.given([]).when(award({ term: { start: '2026-01-01', end: '2025-12-31' } })).thenFails('TERM_ENDS_BEFORE_START');
    });

    it('refuses a term that ends the day it starts', () => {
      spec.given([]).when(award({ term: { start: '2026-01-01', end: '2026-01-01' } })).thenFails('TERM_ENDS_BEFORE_START');
    });

    it('accepts a term that runs into the future', () => {
      const future = { start: '2026-07-01', end: '2027-06-30' };
      spec
        .given([])
        .when(award({ term: future }))
        .then([{ ...awarded, data: { ...awarded.data, term: future }, occurredAt: '2026-07-01' }]);
    });

    describe('with funding', () => {
      it('refuses sources that do not add up to the total', () => {
        const short = { totalCny: 300000, sources: [{ kind: 'fiscal' as const, amountCny: 299999.99 }] };
        spec.given([]).when(award({ budget: short })).thenFails('FUNDING_MISMATCH');
      });

      it('refuses sources that exceed the total', () => {
        const over = { ...budget, sources: [...budget.sources, { kind: 'charity' as const, amountCny: 0.01 }] };
        spec.given([]).when(award({ budget: over })).thenFails('FUNDING_MISMATCH');
      });

      it('compares sums to the fen, so 0.1 + 0.2 makes 0.3', () => {
        expect(0.1 + 0.2).not.toBe(0.3);
        const fen = {
          totalCny: 0.3,
          sources: [
            { kind: 'fiscal' as const, amountCny: 0.1 },
            { kind: 'charity' as const, amountCny: 0.2 },
          ],
        };
        spec
          .given([])
          .when(award({ budget: fen }))
          .thenProduces((events) => expect(events).toEqual([expect.objectContaining({ type: 'ContractAwarded' })]));
      });

      it('rounds the total to the fen as well: 0.50 + 0.07 makes 0.57', () => {
        expect(0.57 * 100).not.toBe(57);
        const fen = {
          totalCny: 0.57,
          sources: [
            { kind: 'fiscal' as const, amountCny: 0.5 },
            { kind: 'charity' as const, amountCny: 0.07 },
          ],
        };
        spec
          .given([])
          .when(award({ budget: fen }))
          .thenProduces((events) => expect(events).toEqual([expect.objectContaining({ type: 'ContractAwarded' })]));
      });
    });

    describe('with stations held by other contracts', () => {
      it('refuses a station another contract holds over an overlapping period', () => {
        spec
          .given([])
          .when(award({}, { commitments: [commitment('2025-07-01', '2026-06-30')] }))
          .thenFails('STATION_ALREADY_CONTRACTED');
      });

      it('refuses an overlap of a single day at either end', () => {
        spec.given([]).when(award({}, { commitments: [commitment('2025-01-01', '2026-01-01')] })).thenFails('STATION_ALREADY_CONTRACTED');
        spec.given([]).when(award({}, { commitments: [commitment('2026-12-31', '2027-12-31')] })).thenFails('STATION_ALREADY_CONTRACTED');
      });

      it('ignores a contract terminated on its first day, which holds no day', () => {
        // Terminated effective 2026-01-01: its last day is 2025-12-31, before its start.
        spec.given([]).when(award({}, { commitments: [commitment('2026-01-01', '2025-12-31')] })).then([awarded]);
      });

      it('refuses another contract held entirely inside the term', () => {
        spec.given([]).when(award({}, { commitments: [commitment('2026-03-01', '2026-04-30')] })).thenFails('STATION_ALREADY_CONTRACTED');
      });

      it('accepts a predecessor that ends the day before the term starts and a successor that starts the day after it ends', () => {
        const commitments = [commitment('2025-01-01', '2025-12-31'), commitment('2027-01-01', '2027-12-31', 'c-2')];
        spec.given([]).when(award({ predecessorContractId: 'c-0' }, { commitments })).then([
          { ...awarded, data: { ...awarded.data, predecessorContractId: 'c-0' } },
        ]);
      });

      it('ignores overlapping commitments of stations outside the contract', () => {
        spec.given([]).when(award({}, { commitments: [commitment('2026-01-01', '2026-12-31', 'c-0', 'st-9')] })).then([awarded]);
      });

      it("ignores the contract's own commitment", () => {
        spec.given([]).when(award({}, { commitments: [commitment('2026-01-01', '2026-12-31', 'c-1')] })).then([awarded]);
      });
    });

    describe('with requirements', () => {
      it('fills in the SPEC defaults: 2 workers per station, 24 supervision and 40 training hours', () => {
        expect(requirementsOf(award())).toMatchObject({
          minWorkersPerStation: 2,
          supervisionHoursPerWorkerYear: 24,
          trainingHoursPerWorkerYear: 40,
        });
      });

      it('keeps the values given and fills in only the rest', () => {
        const requirements = requirementsOf(
          award({ requirements: { minWorkersPerStation: 3, trainingHoursPerWorkerYear: undefined, serviceTargets: { cases: 50 } } }),
        );
        expect(requirements).toEqual({
          ...DEFAULT_REQUIREMENTS,
          minWorkersPerStation: 3,
          trainingHoursPerWorkerYear: 40,
          serviceTargets: { ...DEFAULT_REQUIREMENTS.serviceTargets, cases: 50 },
        });
      });

      it('keeps a given zero rather than replacing it with the default', () => {
        expect(requirementsOf(award({ requirements: { supervisionHoursPerWorkerYear: 0 } }))).toMatchObject({
          supervisionHoursPerWorkerYear: 0,
        });
      });
    });
  });

  describe('when amended', () => {
    it('refuses an amendment that changes nothing', () => {
      spec.given([awarded]).when(amend({})).thenFails('NOTHING_TO_AMEND');
    });

    it('refuses an amendment that restates the current term end, budget and requirements', () => {
      const restated = { termEnd: term.end, budget: { sources: budget.sources, totalCny: budget.totalCny }, requirements: {} };
      spec.given([awarded]).when(amend(restated)).thenFails('NOTHING_TO_AMEND');
    });

    it('records only what an amendment changes', () => {
      spec
        .given([awarded])
        .when(amend({ termEnd: term.end, requirements: { trainingHoursPerWorkerYear: 48 } }))
        .thenProduces((events) =>
          expect(events[0].data).toMatchObject({ changes: { requirements: { trainingHoursPerWorkerYear: 48 } } }),
        );
      spec
        .given([awarded])
        .when(amend({ termEnd: term.end, requirements: { trainingHoursPerWorkerYear: 48 } }))
        .thenProduces((events) => expect(Object.keys((events[0].data as { changes: object }).changes)).toEqual(['requirements']));
    });

    it('refuses to amend a terminated contract', () => {
      spec.given([awarded, terminated('2026-07-01')]).when(amend({ termEnd: '2027-06-30' })).thenFails('CONTRACT_TERMINATED');
    });

    it('refuses to amend a contract that does not exist', () => {
      spec.given([]).when(amend({ termEnd: '2027-06-30' })).thenFails('CONTRACT_NOT_FOUND');
    });

    it('extends the term from its original start', () => {
      spec
        .given([awarded])
        .when(amend({ termEnd: '2027-06-30' }))
        .then([
          {
            type: 'ContractAmended',
            data: {
              contractId: 'c-1',
              changes: { term: { start: '2026-01-01', end: '2027-06-30' } },
              reason: '补充协议',
              stationIds: ['st-1', 'st-2'],
              effectiveOn: '2026-03-31',
            },
            occurredAt: '2026-03-31',
          },
        ]);
    });

    it('refuses an extension into a period another contract holds a station', () => {
      spec
        .given([awarded])
        .when(amend({ termEnd: '2027-06-30' }, [commitment('2027-01-01', '2027-12-31', 'c-2')]))
        .thenFails('STATION_ALREADY_CONTRACTED');
    });

    it("accepts an extension up to the day before the next contract starts, ignoring the contract's own commitment", () => {
      const commitments = [commitment('2027-04-01', '2028-03-31', 'c-2'), commitment('2026-01-01', '2026-12-31', 'c-1', 'st-1')];
      spec
        .given([awarded])
        .when(amend({ termEnd: '2027-03-31' }, commitments))
        .thenProduces((events) =>
          expect(events).toEqual([
            expect.objectContaining({ type: 'ContractAmended', data: expect.objectContaining({ changes: { term: { start: '2026-01-01', end: '2027-03-31' } } }) }),
          ]),
        );
    });

    it('refuses a term end before the start', () => {
      spec.given([awarded]).when(amend({ termEnd: '2025-12-31' })).thenFails('TERM_ENDS_BEFORE_START');
    });

    it('refuses a budget whose sources do not add up', () => {
      spec.given([awarded]).when(amend({ budget: { totalCny: 1, sources: [] } })).thenFails('FUNDING_MISMATCH');
    });

    it('merges new requirements over the previous ones, not over the defaults', () => {
      const raised: ContractAwarded = {
        ...awarded,
        data: { ...awarded.data, requirements: { ...DEFAULT_REQUIREMENTS, minWorkersPerStation: 4, serviceTargets: { cases: 30, groups: 8, communityActivities: 12 } } },
      };
      spec
        .given([raised])
        .when(amend({ requirements: { trainingHoursPerWorkerYear: 60, serviceTargets: { groups: 10 } } }))
        .thenProduces(([event]) => {
          expect(event.type).toBe('ContractAmended');
          if (event.type !== 'ContractAmended') return;
          expect(event.data.changes).toEqual({
            requirements: {
              ...DEFAULT_REQUIREMENTS,
              minWorkersPerStation: 4,
              trainingHoursPerWorkerYear: 60,
              serviceTargets: { cases: 30, groups: 10, communityActivities: 12 },
            },
          });
        });
    });

    it('lets a termination fall inside the amended term, beyond the awarded one', () => {
      const amended = contract.decide(amend({ termEnd: '2027-06-30' }), [awarded].reduce(contract.evolve, contract.initialState()));
      spec
        .given([awarded, ...amended])
        .when(terminate('2027-03-01'))
        .thenProduces((events) => expect(events).toEqual([terminated('2027-03-01')]));
    });
  });

  describe('when an amendment takes effect on a date', () => {
    const raise = (effectiveOn?: string) => amend({ requirements: { minWorkersPerStation: 3 }, ...(effectiveOn ? { effectiveOn } : {}) });
    const effectiveOf = (command: AmendContract, past: readonly ContractEvent[] = [awarded]) => {
      let effectiveOn: unknown;
      spec.given(past).when(command).thenProduces(([event]) => {
        effectiveOn = (event.data as { effectiveOn: string }).effectiveOn;
        expect(event.occurredAt).toBe(effectiveOn);
      });
      return effectiveOn;
    };

    it('takes effect on the day it is recorded (China time) unless it names a day', () => {
      expect(effectiveOf(raise())).toBe('2026-03-31');
      expect(effectiveOf({ ...raise(), metadata: { ...metadata, now: '2026-03-31T17:30:00Z' } })).toBe('2026-04-01');
    });

    it('may be backfilled: a day in the past inside the term, its business time', () => {
      expect(effectiveOf(raise('2026-02-01'))).toBe('2026-02-01');
      expect(effectiveOf(raise('2026-01-01'))).toBe('2026-01-01');
    });

    it('refuses a day outside the term, or after today', () => {
      spec.given([awarded]).when(raise('2025-12-31')).thenFails('OUTSIDE_CONTRACT_TERM');
      spec.given([awarded]).when(raise('2026-04-01')).thenFails('DATE_IN_FUTURE');
    });

    it('lies inside the term as amended: a shortened term must not end before the amendment takes effect', () => {
      spec.given([awarded]).when(amend({ termEnd: '2026-02-28', effectiveOn: '2026-03-01' })).thenFails('OUTSIDE_CONTRACT_TERM');
      expect(effectiveOf(amend({ termEnd: '2026-02-28', effectiveOn: '2026-02-15' }))).toBe('2026-02-15');
    });

    it('takes effect on its first day for a contract that has not started, and no later', () => {
      const upcoming: ContractAwarded = { ...awarded, data: { ...awarded.data, term: { start: '2026-07-01', end: '2027-06-30' } } };
      expect(effectiveOf(raise(), [upcoming])).toBe('2026-07-01');
      spec.given([upcoming]).when(raise('2026-07-02')).thenFails('DATE_IN_FUTURE');
    });

    it('refuses a day before the previous amendment took effect, so each holds until the next', () => {
      const first = contract.decide(raise('2026-03-01'), [awarded].reduce(contract.evolve, contract.initialState()));
      const lower = amend({ requirements: { minWorkersPerStation: 2 }, effectiveOn: '2026-02-01' });
      spec.given([awarded, ...first]).when(lower).thenFails('EFFECTIVE_BEFORE_PREVIOUS');
      expect(effectiveOf({ ...lower, data: { ...lower.data, effectiveOn: '2026-03-01' } }, [awarded, ...first])).toBe('2026-03-01');
    });

    it('reads an amendment stored at schema version 1 as taking effect on the day it was recorded, China time', () => {
      const registry = new EventTypeRegistry(stationsContractsEventTypes);
      const stored = { contractId: 'c-1', changes: { requirements: DEFAULT_REQUIREMENTS }, reason: '旧版补充协议', stationIds: ['st-1'] };
      const recordedAt = '2026-10-14T18:30:00.000Z';
      const meta = { eventId: 'e-1', actor: metadata.actor, occurredAt: recordedAt, recordedAt, correlationId: 'c', causationId: null };
      expect(registry.currentVersion('ContractAmended')).toBe(2);
      expect(registry.upcast('ContractAmended', 1, stored, meta)).toEqual({ ...stored, effectiveOn: '2026-10-15' });
    });
  });

  describe('when terminated', () => {
    it('records the termination with the stations it releases, taking effect on the day it names', () => {
      spec.given([awarded]).when(terminate('2026-07-01')).then([terminated('2026-07-01')]);
    });

    it('accepts a termination on the first and on the last day of the term', () => {
      spec.given([awarded]).when(terminate('2026-01-01')).then([terminated('2026-01-01')]);
      spec.given([awarded]).when(terminate('2026-12-31')).then([terminated('2026-12-31')]);
    });

    it('refuses a termination before the term starts', () => {
      spec.given([awarded]).when(terminate('2025-12-31')).thenFails('OUTSIDE_CONTRACT_TERM');
    });

    it('refuses a termination after the term ends', () => {
      spec.given([awarded]).when(terminate('2027-01-01')).thenFails('OUTSIDE_CONTRACT_TERM');
    });

    it('refuses a second termination', () => {
      spec.given([awarded, terminated('2026-07-01')]).when(terminate('2026-06-01')).thenFails('CONTRACT_TERMINATED');
    });

    it('refuses to terminate a contract that does not exist', () => {
      spec.given([]).when(terminate('2026-07-01')).thenFails('CONTRACT_NOT_FOUND');
    });
  });

  describe('lastDay', () => {
    it("is the term's end while the contract runs", () => {
      expect(lastDay(term, null)).toBe('2026-12-31');
    });

    it('is the day before the termination took effect', () => {
      expect(lastDay(term, '2026-07-01')).toBe('2026-06-30');
      expect(lastDay(term, '2026-03-01')).toBe('2026-02-28');
    });

    it("is never later than the term's end", () => {
      expect(lastDay(term, '2027-03-01')).toBe('2026-12-31');
    });

    it('is the day before the start when termination took effect on the first day', () => {
      expect(lastDay(term, '2026-01-01')).toBe('2025-12-31');
    });
  });
});
