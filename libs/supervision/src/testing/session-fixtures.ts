import { CommandMetadata } from '@sws/kernel';
import {
  CorrectSupervisionSession,
  LogSupervisionSession,
  SessionDetails,
  SessionFacts,
  SessionSnapshot,
  SupervisionSessionAttested,
  SupervisionSessionLogged,
} from '../supervision-session/session';

/** Shared by the session specs. "Today" in China is 2026-04-15. */
export const metadata: CommandMetadata = {
  now: '2026-04-15T10:00:00+08:00',
  actor: { userId: 'u-sup', role: 'supervisor', orgId: null },
};

export const details: SessionDetails = {
  contractId: 'c-1',
  stationId: 'st-1',
  superviseeIds: ['w-1', 'w-2', 'w-3'],
  heldOn: '2026-04-10',
  startTime: '14:00',
  durationMinutes: 120,
  format: 'group',
  functions: ['educational', 'supportive'],
  topics: ['个案记录规范'],
  summary: '讨论了三个个案的跟进',
  followUps: ['下月复盘'],
};

const atStation = { stationId: 'st-1', contractId: 'c-1' };

export const facts: SessionFacts = {
  assignments: { 'w-1': atStation, 'w-2': atStation, 'w-3': atStation, 'w-4': atStation },
  supervisorSessions: [],
};

export const snapshot = (overrides: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  supervisorId: 'sup-1',
  ...details,
  loggedOn: '2026-04-15',
  late: false,
  ...overrides,
});

export const log = (
  overrides: Partial<SessionDetails> = {},
  factOverrides: Partial<LogSupervisionSession['facts']> = {},
  now = metadata.now,
): LogSupervisionSession => ({
  type: 'LogSupervisionSession',
  data: { sessionId: 's-1', supervisorId: 'sup-1', ...details, ...overrides },
  metadata: { ...metadata, now },
  facts: { ...facts, supervisor: { supervisorId: 'sup-1' }, ...factOverrides },
});

export const logged = (overrides: Partial<SessionSnapshot> = {}): SupervisionSessionLogged => {
  const data = { sessionId: 's-1', ...snapshot(overrides) };
  return { type: 'SupervisionSessionLogged', data, occurredAt: data.heldOn };
};

export const attested = (socialWorkerId: string, heldOn = details.heldOn): SupervisionSessionAttested => ({
  type: 'SupervisionSessionAttested',
  data: { sessionId: 's-1', supervisorId: 'sup-1', socialWorkerId, heldOn },
  occurredAt: heldOn,
});

export const correct = (
  changes: CorrectSupervisionSession['data']['changes'],
  reason = '时长记录有误',
  factOverrides: Partial<SessionFacts> = {},
): CorrectSupervisionSession => ({
  type: 'CorrectSupervisionSession',
  data: { sessionId: 's-1', reason, changes },
  metadata,
  facts: { ...facts, ...factOverrides },
});
