import { DomainError } from '@sws/kernel';
import { correctSession, logSession, voidSession } from '../worker-ledger/testing/supervision-fixtures';
import { Scenario } from '../worker-ledger/testing/scenario';
import {
  sessionsAround,
  SupervisorWorkload,
  supervisorWorkloadProjection,
  workloadIdsAround,
  workloadOf,
} from './supervisor-workload.projection';

/** Logs a session the way the app will: the overlap facts come from the workload read model. */
function logAsTheAppWould(scenario: Scenario, input: Parameters<typeof logSession>[1]) {
  const documents = scenario.fold(supervisorWorkloadProjection);
  const around = workloadIdsAround(input.supervisorId ?? 'sup-1', input.heldOn).map((id) => documents.get(id) ?? null);
  return logSession(scenario, input, sessionsAround(around, input.heldOn));
}

const month = (scenario: Scenario, id = 'sup-1:2026-03'): SupervisorWorkload => scenario.fold(supervisorWorkloadProjection).get(id)!;

describe('supervisor workload', () => {
  it('adds up a month’s sessions, hours, distinct supervisees and stations', () => {
    const scenario = new Scenario();
    logAsTheAppWould(scenario, { sessionId: 's-1', superviseeIds: ['w-1', 'w-2'], heldOn: '2026-03-02', durationMinutes: 90 });
    logAsTheAppWould(scenario, { sessionId: 's-2', superviseeIds: ['w-2'], heldOn: '2026-03-09', durationMinutes: 60 });
    logAsTheAppWould(scenario, { sessionId: 's-3', superviseeIds: ['w-4'], heldOn: '2026-03-20', durationMinutes: 45, stationId: 'st-1' });
    logAsTheAppWould(scenario, { sessionId: 's-4', superviseeIds: ['w-4'], heldOn: '2026-07-20', stationId: 'st-2' });
    expect(month(scenario)).toMatchObject({
      supervisorId: 'sup-1',
      month: '2026-03',
      sessionCount: 3,
      minutes: 195,
      hours: 3.25,
      superviseeIds: ['w-1', 'w-2', 'w-4'],
      stationIds: ['st-1'],
    });
    expect(month(scenario, 'sup-1:2026-07')).toMatchObject({ sessionCount: 1, stationIds: ['st-2'] });
  });

  it('keeps each supervisor apart', () => {
    const scenario = new Scenario();
    logAsTheAppWould(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-02' });
    logAsTheAppWould(scenario, { sessionId: 's-2', superviseeIds: ['w-2'], heldOn: '2026-03-02', supervisorId: 'sup-2' });
    expect(month(scenario).sessionCount).toBe(1);
    expect(month(scenario, 'sup-2:2026-03').sessionCount).toBe(1);
  });

  describe('as the source of the overlap facts', () => {
    it('lets the app refuse an overlapping session', () => {
      const scenario = new Scenario();
      logAsTheAppWould(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-02', startTime: '09:00', durationMinutes: 60 });
      expect(() => logAsTheAppWould(scenario, { sessionId: 's-2', superviseeIds: ['w-2'], heldOn: '2026-03-02', startTime: '09:59' })).toThrow(DomainError);
      expect(() => logAsTheAppWould(scenario, { sessionId: 's-3', superviseeIds: ['w-2'], heldOn: '2026-03-02', startTime: '10:00' })).not.toThrow();
    });

    it('finds a session of the last evening of the month running into the next', () => {
      const scenario = new Scenario();
      // Logged the next evening: a session is logged once it is over.
      logAsTheAppWould(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-31', startTime: '23:00', durationMinutes: 120, loggedOn: '2026-04-01' });
      expect(workloadIdsAround('sup-1', '2026-04-01')).toEqual(['sup-1:2026-03', 'sup-1:2026-04']);
      expect(() => logAsTheAppWould(scenario, { sessionId: 's-2', superviseeIds: ['w-2'], heldOn: '2026-04-01', startTime: '00:30' })).toThrow(
        expect.objectContaining({ code: 'SESSION_OVERLAPS' }) as unknown as Error,
      );
    });
  });

  it('moves a session corrected into another month', () => {
    const scenario = new Scenario();
    logAsTheAppWould(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-31', durationMinutes: 90 });
    correctSession(scenario, 's-1', { heldOn: '2026-04-01' }, '2026-03-31', '2026-04-02');
    expect(month(scenario)).toMatchObject({ sessionCount: 0, minutes: 0, superviseeIds: [] });
    expect(month(scenario, 'sup-1:2026-04')).toMatchObject({ sessionCount: 1, minutes: 90, month: '2026-04' });
  });

  it('follows a corrected duration within the month', () => {
    const scenario = new Scenario();
    logAsTheAppWould(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-10', durationMinutes: 90 });
    correctSession(scenario, 's-1', { durationMinutes: 30 }, '2026-03-10');
    expect(month(scenario)).toMatchObject({ sessionCount: 1, minutes: 30 });
    expect(month(scenario).sessions[0].eventIds).toEqual(['e-0', 'e-1']);
  });

  it('removes a voided session', () => {
    const scenario = new Scenario();
    logAsTheAppWould(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-10', durationMinutes: 90 });
    voidSession(scenario, 's-1');
    expect(month(scenario)).toMatchObject({ sessionCount: 0, minutes: 0 });
  });

  it('reads a missing month, or a document of another month, as an empty month', () => {
    expect(workloadOf(null, 'sup-1', '2026-05')).toMatchObject({ supervisorId: 'sup-1', month: '2026-05', sessionCount: 0 });
    const scenario = new Scenario();
    logAsTheAppWould(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-03-10' });
    expect(workloadOf(month(scenario), 'sup-1', '2026-04').sessionCount).toBe(0);
    expect(workloadOf(month(scenario), 'sup-1', '2026-03').sessionCount).toBe(1);
  });
});
