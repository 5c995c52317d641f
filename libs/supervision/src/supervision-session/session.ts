import { CalendarDate, Command, DomainEvent } from '@sws/kernel';
import { TimedSession } from './session-time';

export const SESSION_FORMATS = ['individual', 'group', 'on_site', 'remote'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const SUPERVISION_FUNCTIONS = ['administrative', 'educational', 'supportive'] as const;
export type SupervisionFunction = (typeof SUPERVISION_FUNCTIONS)[number];

/** What the supervisor states about a session, and may later correct. */
export interface SessionDetails {
  readonly contractId: string;
  readonly stationId: string;
  readonly superviseeIds: readonly string[];
  readonly heldOn: CalendarDate;
  /** 'HH:mm', China time. */
  readonly startTime: string;
  readonly durationMinutes: number;
  readonly format: SessionFormat;
  readonly functions: readonly SupervisionFunction[];
  readonly topics: readonly string[];
  readonly summary: string;
  readonly followUps: readonly string[];
}

export const SESSION_DETAIL_FIELDS = [
  'contractId',
  'stationId',
  'superviseeIds',
  'heldOn',
  'startTime',
  'durationMinutes',
  'format',
  'functions',
  'topics',
  'summary',
  'followUps',
] as const satisfies ReadonlyArray<keyof SessionDetails>;
export type SessionDetailField = (typeof SESSION_DETAIL_FIELDS)[number];

/** A session as a whole, as events carry it so that read models need nothing else. */
export interface SessionSnapshot extends SessionDetails {
  readonly supervisorId: string;
  /** The day it was first logged (China time): lateness is measured against it. */
  readonly loggedOn: CalendarDate;
  /** Logged more than 30 days after it was held. */
  readonly late: boolean;
}

export type SupervisionSessionLogged = DomainEvent<'SupervisionSessionLogged', SessionSnapshot & { sessionId: string }>;
export type SupervisionSessionAttested = DomainEvent<
  'SupervisionSessionAttested',
  { sessionId: string; supervisorId: string; socialWorkerId: string; heldOn: CalendarDate }
>;
export type SupervisionSessionCorrected = DomainEvent<
  'SupervisionSessionCorrected',
  {
    sessionId: string;
    supervisorId: string;
    reason: string;
    changedFields: readonly SessionDetailField[];
    before: SessionSnapshot;
    after: SessionSnapshot;
    /** Supervisees whose attestation the correction cleared: they attest again if they agree. */
    clearedAttestations: readonly string[];
    /** Supervisees whose attestation stands after the correction. */
    attestedBy: readonly string[];
  }
>;
export type SupervisionSessionVoided = DomainEvent<
  'SupervisionSessionVoided',
  { sessionId: string; supervisorId: string; reason: string; session: SessionSnapshot; attestedBy: readonly string[] }
>;
export type SupervisionSessionEvent =
  | SupervisionSessionLogged
  | SupervisionSessionAttested
  | SupervisionSessionCorrected
  | SupervisionSessionVoided;

/** What the app gathers for a session as logged or corrected. */
export interface SessionFacts {
  /** Each supervisee's assignment on the session's date, or null when they had none. */
  readonly assignments: Readonly<Record<string, { readonly stationId: string; readonly contractId: string } | null>>;
  /** The supervisor's other non-voided sessions around the date (see `overlapWindow`). */
  readonly supervisorSessions: readonly TimedSession[];
}

export type LogSupervisionSession = Command<'LogSupervisionSession', SessionDetails & { sessionId: string; supervisorId: string }> & {
  readonly facts: SessionFacts & { readonly supervisor: { readonly supervisorId: string } | null };
};
/** What a supervisee confirms by attesting: the time the session took, as they read it. */
export type AttestedTime = Pick<SessionDetails, 'heldOn' | 'startTime' | 'durationMinutes'>;
export type AttestSupervisionSession = Command<
  'AttestSupervisionSession',
  {
    sessionId: string;
    socialWorkerId: string;
    /** When given, the session must still say this: a correction between reading and attesting is not co-signed blindly. */
    confirms?: AttestedTime;
  }
>;
export type CorrectSupervisionSession = Command<
  'CorrectSupervisionSession',
  { sessionId: string; reason: string; changes: Partial<SessionDetails> }
> & { readonly facts: SessionFacts };
export type VoidSupervisionSession = Command<'VoidSupervisionSession', { sessionId: string; reason: string }>;
export type SupervisionSessionCommand =
  | LogSupervisionSession
  | AttestSupervisionSession
  | CorrectSupervisionSession
  | VoidSupervisionSession;

export type SupervisionSessionState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'logged' | 'voided';
      readonly sessionId: string;
      readonly session: SessionSnapshot;
      readonly attestedBy: readonly string[];
    };
