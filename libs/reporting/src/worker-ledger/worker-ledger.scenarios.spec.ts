import { DomainError } from '@sws/kernel';
import { ledgerFigures } from './ledger-figures';
import { PLACEMENTS, attest, contractC1, correctSession, logSession, voidSession } from './testing/supervision-fixtures';
import { Scenario } from './testing/scenario';
import { foldLedgers } from './testing/ledgers';
import { WorkerLedger, workerLedgerId } from './worker-ledger.projection';
import { workerLedgerView } from './worker-ledger-view';

/** Issue 4's "done when" cases, at domain level: commands through the deciders, then the ledger as read. */
const figuresFor = (scenario: Scenario, socialWorkerId: string, asOf = '2026-12-31') =>
  ledgerFigures(foldLedgers(scenario).get(workerLedgerId(socialWorkerId, 2026)) ?? null, {
    socialWorkerId,
    year: 2026,
    asOf,
    servicePeriods: PLACEMENTS,
    contracts: [contractC1],
  });

describe('worker ledger, issue 4', () => {
  describe('when a group session for three workers is attested by two', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1', 'w-2', 'w-3'], heldOn: '2026-03-10', durationMinutes: 90 });
    attest(scenario, 's-1', 'w-1');
    attest(scenario, 's-1', 'w-2');

    it('gives the hours to those two only', () => {
      expect(figuresFor(scenario, 'w-1').supervision.attested.minutes).toBe(90);
      expect(figuresFor(scenario, 'w-2').supervision.attested.minutes).toBe(90);
      expect(figuresFor(scenario, 'w-3').supervision.attested.minutes).toBe(0);
    });

    it('shows the third worker the hours as unattested', () => {
      expect(figuresFor(scenario, 'w-3').supervision.unattested).toMatchObject({ minutes: 90, sessions: 1 });
      expect(figuresFor(scenario, 'w-1').supervision.unattested.minutes).toBe(0);
    });

    it('names the events behind the attested hours: the logging and the worker’s own attestation', () => {
      expect(figuresFor(scenario, 'w-2').supervision.attested.eventIds).toEqual(['e-0', 'e-2']);
    });
  });

  describe('when a correction changes the duration', () => {
    const corrected = () => {
      const scenario = new Scenario();
      logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1', 'w-2'], heldOn: '2026-03-10', durationMinutes: 90 });
      attest(scenario, 's-1', 'w-1');
      attest(scenario, 's-1', 'w-2');
      correctSession(scenario, 's-1', { durationMinutes: 60 }, '2026-03-10');
      return scenario;
    };

    it('clears the attestations, and the ledger follows', () => {
      expect(figuresFor(corrected(), 'w-1').supervision.attested.minutes).toBe(0);
      expect(figuresFor(corrected(), 'w-1').supervision.unattested.minutes).toBe(60);
    });

    it('counts the corrected hours once the worker attests again', () => {
      const scenario = corrected();
      attest(scenario, 's-1', 'w-1');
      expect(figuresFor(scenario, 'w-1').supervision.attested).toMatchObject({ minutes: 60, sessions: 1, eventIds: ['e-0', 'e-3', 'e-4'] });
    });
  });

  it('refuses an overlapping session of the same supervisor', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-10', startTime: '09:00', durationMinutes: 60 });
    const earlier = { sessionId: 's-1', heldOn: '2026-03-10', startTime: '09:00', durationMinutes: 60 };
    expect(() => logSession(scenario, { sessionId: 's-2', superviseeIds: ['w-2'], heldOn: '2026-03-10', startTime: '09:30' }, [earlier])).toThrow(
      expect.objectContaining({ code: 'SESSION_OVERLAPS' }) as unknown as DomainError,
    );
  });

  it('takes the hours of a voided session away', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-10', durationMinutes: 90 });
    attest(scenario, 's-1', 'w-1');
    expect(figuresFor(scenario, 'w-1').supervision.attested.minutes).toBe(90);
    voidSession(scenario, 's-1');
    expect(figuresFor(scenario, 'w-1').supervision.attested.minutes).toBe(0);
    expect(figuresFor(scenario, 'w-1').supervision.unattested.minutes).toBe(0);
  });

  describe('with the yearly requirement of 24 hours', () => {
    /** Twenty-four monthly-ish sessions of an hour for a worker there all year, the last one `lastMinutes` long. */
    const year = (lastMinutes: number) => {
      const scenario = new Scenario();
      for (let i = 0; i < 24; i++) {
        const heldOn = `2026-${String(Math.floor(i / 2) + 1).padStart(2, '0')}-${i % 2 === 0 ? '05' : '20'}`;
        logSession(scenario, { sessionId: `s-${i}`, superviseeIds: ['w-1'], heldOn, durationMinutes: i === 23 ? lastMinutes : 60 });
        attest(scenario, `s-${i}`, 'w-1');
      }
      return figuresFor(scenario, 'w-1').compliance.supervision;
    };

    it('counts exactly 1440 attested minutes as met', () => {
      expect(year(60)).toMatchObject({ requiredMinutes: 1440, actualMinutes: 1440, met: true, shortfallMinutes: 0 });
    });

    it('does not count 1439 minutes as met', () => {
      expect(year(59)).toMatchObject({ requiredMinutes: 1440, actualMinutes: 1439, met: false, shortfallMinutes: 1 });
    });
  });

  describe('when a worker moved stations mid-year', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-4'], heldOn: '2026-03-10', stationId: 'st-1' });
    logSession(scenario, { sessionId: 's-2', superviseeIds: ['w-4'], heldOn: '2026-09-10', stationId: 'st-2' });
    attest(scenario, 's-1', 'w-4');
    attest(scenario, 's-2', 'w-4');
    const ledgers = foldLedgers(scenario);

    it('keeps one ledger for the year with both stations’ sessions', () => {
      const ledger: WorkerLedger = ledgers.get(workerLedgerId('w-4', 2026))!;
      expect(ledger.sessions.map((s) => [s.sessionId, s.stationId])).toEqual([
        ['s-1', 'st-1'],
        ['s-2', 'st-2'],
      ]);
      expect([...ledgers.keys()]).toEqual(['w-4:2026']);
    });

    it('shows both assignments, the station the worker is at now, and all the hours', () => {
      const view = workerLedgerView({
        socialWorkerId: 'w-4',
        year: 2026,
        asOf: '2026-12-31',
        ledger: ledgers.get('w-4:2026')!,
        worker: { id: 'w-4', name: '赵四', certification: 'assistant', certifications: [], assignments: PLACEMENTS.filter((p) => p.socialWorkerId === 'w-4') },
        contracts: [contractC1],
      });
      expect(view.assignments.map((a) => [a.stationId, a.from, a.until])).toEqual([
        ['st-1', '2026-01-01', '2026-07-01'],
        ['st-2', '2026-07-01', null],
      ]);
      expect(view.currentStation).toEqual({ stationId: 'st-2', contractId: 'c-1', from: '2026-07-01' });
      expect(view.sessions.map((s) => [s.stationId, s.attested])).toEqual([
        ['st-1', true],
        ['st-2', true],
      ]);
      expect(view.figures.supervision.attested.minutes).toBe(120);
      // Both periods under one contract add up to the whole year: the requirement stays 24 hours.
      expect(view.figures.compliance.supervision.requiredMinutes).toBe(1440);
    });
  });
});
