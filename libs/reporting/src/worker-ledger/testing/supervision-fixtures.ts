import { CalendarDate, CommandMetadata } from '@sws/kernel';
import { DEFAULT_REQUIREMENTS, StationAssignment } from '@sws/stations-contracts';
import { SessionDetails, supervisionSession, supervisionStreams, TimedSession } from '@sws/supervision';
import { training, TrainingKind, trainingStreams } from '@sws/training';
import { ContractTerms } from '../requirement';
import { Scenario } from './scenario';

/** Command metadata at 20:00 China time on a day: a session is logged on the day it was held unless said otherwise. */
export const on = (date: CalendarDate): CommandMetadata => ({
  now: `${date}T20:00:00+08:00`,
  actor: { userId: 'u-1', role: 'supervisor', orgId: null },
});

export const contractC1: ContractTerms = {
  id: 'c-1',
  term: { start: '2026-01-01', end: '2026-12-31' },
  terminated: null,
  requirements: DEFAULT_REQUIREMENTS,
};

const placed = (socialWorkerId: string, stationId: string, from: CalendarDate, until: CalendarDate | null = null): StationAssignment => ({
  socialWorkerId,
  stationId,
  contractId: 'c-1',
  post: 'resident',
  from,
  until,
  departureReason: until === null ? null : '调岗',
  eventIds: [],
});

/** w-1..w-3 at st-1 all year; w-4 at st-1 until 1 July, then at st-2; w-5 there since December 2025. */
export const PLACEMENTS: readonly StationAssignment[] = [
  placed('w-1', 'st-1', '2026-01-01'),
  placed('w-2', 'st-1', '2026-01-01'),
  placed('w-3', 'st-1', '2026-01-01'),
  placed('w-4', 'st-1', '2026-01-01', '2026-07-01'),
  placed('w-4', 'st-2', '2026-07-01'),
  placed('w-5', 'st-1', '2025-12-01'),
];

function assignmentsOn(workerIds: readonly string[], date: CalendarDate, placements: readonly StationAssignment[]) {
  return Object.fromEntries(
    workerIds.map((id) => {
      const a = placements.find((p) => p.socialWorkerId === id && p.from <= date && (p.until === null || date < p.until));
      return [id, a ? { stationId: a.stationId, contractId: a.contractId } : null];
    }),
  );
}

type SessionInput = Partial<SessionDetails> & { sessionId: string; superviseeIds: readonly string[]; heldOn: CalendarDate };

export function logSession(
  scenario: Scenario,
  input: SessionInput & { supervisorId?: string; loggedOn?: CalendarDate },
  supervisorSessions: readonly TimedSession[] = [],
) {
  const { sessionId, supervisorId = 'sup-1', loggedOn = input.heldOn, ...rest } = input;
  const details: SessionDetails = {
    contractId: 'c-1',
    stationId: 'st-1',
    startTime: '09:00',
    durationMinutes: 60,
    format: rest.superviseeIds.length === 1 ? 'individual' : 'group',
    functions: ['educational'],
    topics: [],
    summary: '',
    followUps: [],
    ...rest,
  };
  return scenario.execute(supervisionStreams.supervisionSession(sessionId), supervisionSession, {
    type: 'LogSupervisionSession',
    data: { sessionId, supervisorId, ...details },
    metadata: on(loggedOn),
    facts: {
      supervisor: { supervisorId },
      assignments: assignmentsOn(details.superviseeIds, details.heldOn, PLACEMENTS),
      supervisorSessions,
    },
  });
}

export function attest(scenario: Scenario, sessionId: string, socialWorkerId: string, date: CalendarDate = '2026-12-31') {
  return scenario.execute(supervisionStreams.supervisionSession(sessionId), supervisionSession, {
    type: 'AttestSupervisionSession',
    data: { sessionId, socialWorkerId },
    metadata: on(date),
  });
}

export function correctSession(scenario: Scenario, sessionId: string, changes: Partial<SessionDetails>, heldOn: CalendarDate, date: CalendarDate = '2026-12-31') {
  const superviseeIds = changes.superviseeIds ?? ['w-1', 'w-2', 'w-3', 'w-4', 'w-5'];
  return scenario.execute(supervisionStreams.supervisionSession(sessionId), supervisionSession, {
    type: 'CorrectSupervisionSession',
    data: { sessionId, reason: '更正', changes },
    metadata: on(date),
    facts: { assignments: assignmentsOn(superviseeIds, changes.heldOn ?? heldOn, PLACEMENTS), supervisorSessions: [] },
  });
}

export function voidSession(scenario: Scenario, sessionId: string, date: CalendarDate = '2026-12-31') {
  return scenario.execute(supervisionStreams.supervisionSession(sessionId), supervisionSession, {
    type: 'VoidSupervisionSession',
    data: { sessionId, reason: '重复登记' },
    metadata: on(date),
  });
}

export function trainWorkers(
  scenario: Scenario,
  trainingId: string,
  input: { kind: TrainingKind; heldOn: CalendarDate; hours: number; socialWorkerIds: readonly string[]; hoursCredited?: number },
) {
  const stream = trainingStreams.training(trainingId);
  scenario.execute(stream, training, {
    type: 'RecordTraining',
    data: { trainingId, title: `培训 ${trainingId}`, kind: input.kind, provider: '市社工协会', heldOn: input.heldOn, hours: input.hours, organizerOrgId: 'org-op', contractId: 'c-1' },
    metadata: on(input.heldOn),
    facts: { contract: { contractId: 'c-1' } },
  });
  return scenario.execute(stream, training, {
    type: 'RecordTrainingAttendance',
    data: { trainingId, socialWorkerIds: input.socialWorkerIds, hoursCredited: input.hoursCredited ?? input.hours },
    metadata: on(input.heldOn),
    facts: { registeredSocialWorkerIds: input.socialWorkerIds },
  });
}
