import { ProjectedEvent } from '@sws/kernel';
import { training, trainingStreams } from '@sws/training';
import { sessionsOf, trainingCreditsOf } from './ledger-figures';
import { attest, correctSession, logSession, on, trainWorkers, voidSession } from './testing/supervision-fixtures';
import { Scenario } from './testing/scenario';
import { foldLedgers } from './testing/ledgers';
import { ledgerTrainingId, workerLedgerId, workerLedgerProjection } from './worker-ledger.projection';

const query = (socialWorkerId: string, year = 2026, asOf = '2026-12-31') => ({ socialWorkerId, year, asOf });
/** A fold "as of" a business date keeps the events that took effect by then (SPEC read model 4). */
const asOf = (date: string) => (event: ProjectedEvent) => event.metadata.occurredAt.slice(0, 10) <= date;

describe('worker ledger projection', () => {
  it('opens a document per supervisee and year', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1', 'w-2'], heldOn: '2026-03-10' });
    expect([...foldLedgers(scenario).keys()]).toEqual(['w-1:2026', 'w-2:2026']);
  });

  it('marks the attestation only for the worker who attested', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1', 'w-2'], heldOn: '2026-03-10' });
    attest(scenario, 's-1', 'w-2');
    const ledgers = foldLedgers(scenario);
    expect(sessionsOf(ledgers.get('w-1:2026')!, query('w-1'))[0]).toMatchObject({ attested: false, attestationEventId: null });
    expect(sessionsOf(ledgers.get('w-2:2026')!, query('w-2'))[0]).toMatchObject({ attested: true, attestationEventId: 'e-1' });
  });

  describe('when a correction removes a supervisee', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1', 'w-2', 'w-3'], heldOn: '2026-03-10' });
    attest(scenario, 's-1', 'w-1');
    attest(scenario, 's-1', 'w-3');
    correctSession(scenario, 's-1', { superviseeIds: ['w-1', 'w-2'] }, '2026-03-10');
    const ledgers = foldLedgers(scenario);

    it('takes the session out of the removed worker’s ledger', () => {
      expect(sessionsOf(ledgers.get('w-3:2026')!, query('w-3'))).toEqual([]);
    });

    it('keeps the attestation of a worker who stays, and the events behind the session', () => {
      expect(sessionsOf(ledgers.get('w-1:2026')!, query('w-1'))[0]).toMatchObject({ attested: true, attestationEventId: 'e-1', eventIds: ['e-0', 'e-3'] });
    });
  });

  it('moves a session corrected into another year to that year’s ledger', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-5'], heldOn: '2026-01-02', loggedOn: '2026-01-05' });
    correctSession(scenario, 's-1', { heldOn: '2025-12-31' }, '2026-01-02', '2026-01-05');
    const ledgers = foldLedgers(scenario);
    expect(sessionsOf(ledgers.get(workerLedgerId('w-5', 2026))!, query('w-5'))).toEqual([]);
    expect(sessionsOf(ledgers.get(workerLedgerId('w-5', 2025))!, query('w-5', 2025))).toEqual([expect.objectContaining({ heldOn: '2025-12-31' })]);
  });

  describe('folded as of a business date', () => {
    it('counts a late attestation as of the session’s date: as known now', () => {
      const scenario = new Scenario();
      logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-10' });
      attest(scenario, 's-1', 'w-1', '2026-05-01');
      const ledger = foldLedgers(scenario, asOf('2026-03-31')).get('w-1:2026')!;
      expect(sessionsOf(ledger, query('w-1', 2026, '2026-03-31'))[0].attested).toBe(true);
    });

    it('shows a session moved to an earlier date although its logging lies after that date', () => {
      const scenario = new Scenario();
      logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-20' });
      correctSession(scenario, 's-1', { heldOn: '2026-03-05' }, '2026-03-20', '2026-03-21');
      const ledger = foldLedgers(scenario, asOf('2026-03-10')).get('w-1:2026')!;
      expect(sessionsOf(ledger, query('w-1', 2026, '2026-03-10')).map((s) => s.heldOn)).toEqual(['2026-03-05']);
    });

    it('does not show a session moved after that date', () => {
      const scenario = new Scenario();
      logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-05' });
      correctSession(scenario, 's-1', { heldOn: '2026-03-20' }, '2026-03-05', '2026-03-21');
      const ledger = foldLedgers(scenario, asOf('2026-03-10')).get('w-1:2026')!;
      expect(sessionsOf(ledger, query('w-1', 2026, '2026-03-10'))).toEqual([]);
    });
  });

  it('removes a voided session from every supervisee’s ledger', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1', 'w-2'], heldOn: '2026-03-10' });
    voidSession(scenario, 's-1');
    const ledgers = foldLedgers(scenario);
    expect(ledgers.get('w-1:2026')!.sessions).toEqual([]);
    expect(ledgers.get('w-2:2026')!.sessions).toEqual([]);
  });

  it('keeps each training credit with the worker’s own effectiveness score', () => {
    const scenario = new Scenario();
    trainWorkers(scenario, 't-1', { kind: 'in_service', heldOn: '2026-04-10', hours: 3.5, socialWorkerIds: ['w-1', 'w-2'] });
    scenario.execute(trainingStreams.training('t-1'), training, {
      type: 'AssessTrainingEffectiveness',
      data: { trainingId: 't-1', socialWorkerId: 'w-2', score: 88, method: '前后测' },
      metadata: on('2026-04-20'),
    });
    const ledgers = foldLedgers(scenario);
    expect(trainingCreditsOf(ledgers.get('w-1:2026')!, query('w-1'))[0]).toMatchObject({ minutes: 210, effectiveness: null, eventIds: ['e-1'] });
    expect(trainingCreditsOf(ledgers.get('w-2:2026')!, query('w-2'))[0]).toMatchObject({
      minutes: 210,
      effectiveness: { score: 88, method: '前后测', eventId: 'e-2' },
      eventIds: ['e-1', 'e-2'],
    });
    // Each attendee's entry holds that worker's record, not the class list (rewritten once per attendee).
    const entry = scenario.fold(workerLedgerProjection).get(ledgerTrainingId('w-1', 2026, 't-1'))!;
    expect(JSON.stringify(entry)).not.toContain('w-2');
  });
});
