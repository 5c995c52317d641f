import { DEFAULT_REQUIREMENTS } from '@sws/stations-contracts';
import { assembleLedger, ledgerEntryIds } from './assemble-ledger';
import { ledgerFigures, yearCompliance } from './ledger-figures';
import { attest, contractC1, correctSession, logSession, PLACEMENTS, trainWorkers, voidSession } from './testing/supervision-fixtures';
import { Scenario } from './testing/scenario';
import { foldLedgers } from './testing/ledgers';
import { ledgerSessionId, ledgerTrainingId, workerLedgerProjection } from './worker-ledger.projection';
import { SESSION_SHARES, sessionShare, workerYearOf, workerYearPartIds, workerYearProjection, workerYearShareId } from './worker-year.projection';

describe('the index of a worker’s year', () => {
  const scenario = new Scenario();
  logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1', 'w-2'], heldOn: '2026-03-10', durationMinutes: 90 }); // e-0
  attest(scenario, 's-1', 'w-1'); // e-1
  logSession(scenario, { sessionId: 's-2', superviseeIds: ['w-1', 'w-2', 'w-3'], heldOn: '2026-02-01', durationMinutes: 60 }); // e-2
  attest(scenario, 's-2', 'w-3'); // e-3
  correctSession(scenario, 's-2', { superviseeIds: ['w-1', 'w-3'] }, '2026-02-01'); // e-4
  logSession(scenario, { sessionId: 's-3', superviseeIds: ['w-1'], heldOn: '2026-04-01' }); // e-5
  voidSession(scenario, 's-3'); // e-6
  trainWorkers(scenario, 't-1', { kind: 'in_service', heldOn: '2026-05-10', hours: 3.5, socialWorkerIds: ['w-1', 'w-2'] }); // e-7, e-8
  const parts = scenario.fold(workerYearProjection);
  const entries = scenario.fold(workerLedgerProjection);
  const years = { get: (id: string) => workerYearOf(id.split(':')[0], 2026, parts) ?? undefined };

  it('keeps a worker’s sessions in shares of their year, each session always in the one its id falls in, and their training records in one document per year', () => {
    const share = (sessionId: string) => workerYearShareId('w-1', 2026, sessionShare(sessionId));
    const expected = new Set(['w-1:2026', share('s-1'), share('s-2'), share('s-3')]);
    expect(new Set([...parts.keys()].filter((id) => id.startsWith('w-1:')))).toEqual(expected);
    expect(parts.get('w-1:2026')).toEqual({ sessions: [], trainings: [{ trainingId: 't-1', heldOn: '2026-05-10', hoursCredited: 3.5, eventId: 'e-8' }] });
    expect(parts.get(share('s-1'))!.sessions.map((s) => s.sessionId)).toContain('s-1');
    // s-3 was voided: no share holds it.
    expect([...parts.values()].flatMap((p) => p.sessions).some((s) => s.sessionId === 's-3')).toBe(false);
    expect(workerYearPartIds('w-1', 2026)).toEqual(['w-1:2026', ...Array.from({ length: SESSION_SHARES }, (_, n) => `w-1:2026/s${n}`)]);
    // Spread: a year of monthly sessions does not land in one share.
    expect(new Set(Array.from({ length: 12 }, (_, n) => sessionShare(`session-${n}`))).size).toBeGreaterThan(3);
  });

  it('keeps per session only what compliance counts, in ledger order, naming the supervisees only once a correction changed them', () => {
    expect(years.get('w-1:2026')).toEqual({
      sessions: [
        // w-1's index never saw w-3's attestation (e-3 went to w-3's): it stands on the correction that states it.
        { sessionId: 's-2', heldOn: '2026-02-01', startTime: '09:00', durationMinutes: 60, superviseeIds: ['w-1', 'w-3'], attestations: [{ socialWorkerId: 'w-3', eventId: 'e-4' }], eventIds: ['e-2', 'e-4'] },
        { sessionId: 's-1', heldOn: '2026-03-10', startTime: '09:00', durationMinutes: 90, attestations: [{ socialWorkerId: 'w-1', eventId: 'e-1' }], eventIds: ['e-0'] },
      ],
      trainings: [{ trainingId: 't-1', heldOn: '2026-05-10', hoursCredited: 3.5, eventId: 'e-8' }],
    });
    // The correction took w-2 off s-2: their index keeps it, naming who it now names.
    expect(years.get('w-2:2026')!.sessions.map((s) => [s.sessionId, s.superviseeIds ?? 'unchanged'])).toEqual([
      ['s-2', ['w-1', 'w-3']],
      ['s-1', 'unchanged'],
    ]);
  });

  it('keeps each session in one document for all its supervisees, each worker’s training records in one of their own, and deletes a voided session', () => {
    expect([...entries.keys()].sort()).toEqual([
      'session:s-1',
      'session:s-2',
      ledgerTrainingId('w-1', 2026, 't-1'),
      ledgerTrainingId('w-2', 2026, 't-1'),
    ]);
    expect(ledgerEntryIds('w-1', 2026, years.get('w-1:2026')!)).toEqual([
      ledgerSessionId('s-2'),
      ledgerSessionId('s-1'),
      ledgerTrainingId('w-1', 2026, 't-1'),
    ]);
    expect(entries.get(ledgerSessionId('s-1'))).toMatchObject({ sessionId: 's-1', superviseeIds: ['w-1', 'w-2'], summary: '', eventIds: ['e-0'] });
  });

  it.each(['w-1', 'w-2', 'w-3', 'w-4'])('gives %s the same compliance from the index as from the assembled ledger', (socialWorkerId) => {
    const input = { socialWorkerId, year: 2026, asOf: '2026-12-31', servicePeriods: PLACEMENTS.filter((p) => p.socialWorkerId === socialWorkerId), contracts: [contractC1] };
    const ledger = foldLedgers(scenario).get(`${socialWorkerId}:2026`) ?? null;
    expect(yearCompliance(years.get(`${socialWorkerId}:2026`) ?? null, input)).toEqual(ledgerFigures(ledger, input).compliance);
  });

  it('counts attested minutes and training credits from the index alone', () => {
    const input = { socialWorkerId: 'w-3', year: 2026, asOf: '2026-12-31', servicePeriods: PLACEMENTS.filter((p) => p.socialWorkerId === 'w-3'), contracts: [contractC1] };
    const compliance = yearCompliance(years.get('w-3:2026')!, input);
    expect(compliance.supervision).toMatchObject({ actualMinutes: 60, eventIds: ['e-2', 'e-4', 'e-3'], requiredMinutes: DEFAULT_REQUIREMENTS.supervisionHoursPerWorkerYear * 60 });
    expect(compliance.training).toMatchObject({ actualMinutes: 0, eventIds: [] });
  });

  it('keeps the whole history of a session a correction moved to another month', () => {
    const moved = new Scenario();
    logSession(moved, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-10', durationMinutes: 90 }); // e-0
    correctSession(moved, 's-1', { heldOn: '2026-05-12' }, '2026-03-10'); // e-1
    attest(moved, 's-1', 'w-1'); // e-2
    const folded = moved.fold(workerYearProjection);
    const year = workerYearOf('w-1', 2026, folded)!;
    expect(year.sessions).toMatchObject([{ sessionId: 's-1', heldOn: '2026-05-12', attestations: [{ socialWorkerId: 'w-1', eventId: 'e-2' }], eventIds: ['e-0', 'e-1'] }]);
    const input = { socialWorkerId: 'w-1', year: 2026, asOf: '2026-12-31', servicePeriods: PLACEMENTS.filter((p) => p.socialWorkerId === 'w-1'), contracts: [contractC1] };
    expect(yearCompliance(year, input).supervision).toMatchObject({ actualMinutes: 90, eventIds: ['e-0', 'e-1', 'e-2'] });
    expect(workerYearOf('w-2', 2026, folded)).toBeNull();
  });

  it('leaves out of the assembled ledger an entry its read model does not hold yet', () => {
    const partial = new Map([...entries].filter(([id]) => id !== ledgerSessionId('s-1')));
    expect(assembleLedger('w-1', 2026, years.get('w-1:2026')!, partial)!.sessions.map((s) => s.sessionId)).toEqual(['s-2']);
    expect(assembleLedger('w-1', 2026, null, entries)).toBeNull();
  });
});
