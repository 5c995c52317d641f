import { CalendarDate, minDate } from '@sws/kernel';
import { SESSION_FORMATS, SessionFormat, SUPERVISION_FUNCTIONS, SupervisionFunction } from '@sws/supervision';
import { hoursToMinutes, TRAINING_KINDS, TrainingKind } from '@sws/training';
import { ContractTerms, RequirementKind, ServicePeriod, yearBounds, yearlyRequirement, YearlyRequirement } from './requirement';
import { LedgerSession, LedgerTraining, WorkerLedger, yearOf } from './worker-ledger.projection';
import { WorkerYear, YearSession, YearTraining } from './worker-year.projection';

export interface Minutes {
  readonly minutes: number;
  /** minutes / 60, to two decimals, for reading; every comparison uses minutes. */
  readonly hours: number;
}

export interface SupervisionHours extends Minutes {
  readonly sessions: number;
  readonly byFormat: Readonly<Record<SessionFormat, Minutes>>;
  /** A session serving several functions counts its full length under each, so these may add up to more than the total. */
  readonly byFunction: Readonly<Record<SupervisionFunction, Minutes>>;
  readonly eventIds: readonly string[];
}

export interface Compliance extends YearlyRequirement {
  readonly actualMinutes: number;
  /** The year's requirement is met: actual ≥ required. Null when the worker served no day that year. */
  readonly met: boolean | null;
  /** Actual ≥ the requirement prorated to the date asked about. */
  readonly onTrack: boolean | null;
  readonly shortfallMinutes: number | null;
  readonly eventIds: readonly string[];
}

export interface LedgerFigures {
  readonly socialWorkerId: string;
  readonly year: number;
  readonly asOf: CalendarDate;
  readonly supervision: {
    /** Only attested hours count toward compliance (SPEC); unattested ones are shown beside them. */
    readonly attested: SupervisionHours;
    readonly unattested: SupervisionHours;
    readonly late: { readonly sessions: number; readonly sessionIds: readonly string[]; readonly eventIds: readonly string[] };
  };
  readonly training: Minutes & { readonly credits: number; readonly byKind: Readonly<Record<TrainingKind, Minutes>>; readonly eventIds: readonly string[] };
  readonly compliance: { readonly supervision: Compliance; readonly training: Compliance };
}

export interface LedgerQuery {
  readonly socialWorkerId: string;
  readonly year: number;
  /** The business date the figures are for; facts dated later do not count. */
  readonly asOf: CalendarDate;
}

export const asMinutes = (total: number): Minutes => ({ minutes: total, hours: Math.round((total / 60) * 100) / 100 });

const namesWorker = (ids: readonly string[] | undefined, socialWorkerId: string) => ids === undefined || ids.includes(socialWorkerId);

/** Whether a session names the worker and was held in the year up to `last` (`asOf`, or the year's last day). */
const counts = (s: YearSession, query: LedgerQuery, last: CalendarDate) =>
  namesWorker(s.superviseeIds, query.socialWorkerId) && yearOf(s.heldOn) === query.year && s.heldOn <= last;

/** The sessions of a year's documents that name the worker, held in the year up to `asOf`, each with the worker's attestation. */
function countedSessions<S extends YearSession>(sessions: readonly S[], query: LedgerQuery): Array<S & { attested: boolean; attestationEventId: string | null }> {
  const last = minDate(query.asOf, yearBounds(query.year).last);
  return sessions
    .filter((s) => counts(s, query, last))
    .map((s) => {
      const attestation = s.attestations.find((a) => a.socialWorkerId === query.socialWorkerId);
      return { ...s, attested: attestation !== undefined, attestationEventId: attestation?.eventId ?? null };
    });
}

/** The training records of the worker's year (each credited the worker), held in the year up to `asOf`. */
function countedTrainings<T extends YearTraining>(trainings: readonly T[], query: LedgerQuery): T[] {
  const last = minDate(query.asOf, yearBounds(query.year).last);
  return trainings.filter((t) => yearOf(t.heldOn) === query.year && t.heldOn <= last);
}

const creditedMinutes = (t: YearTraining) => hoursToMinutes(t.hoursCredited) ?? Math.round(t.hoursCredited * 60);

/** The sessions that name the worker, held in the year up to `asOf`, each with whether this worker attested it. */
export function sessionsOf(ledger: WorkerLedger | null, query: LedgerQuery): Array<LedgerSession & { attested: boolean; attestationEventId: string | null }> {
  return countedSessions(ledger?.sessions ?? [], query);
}

/** The worker's training credits in the year up to `asOf`, with their own effectiveness score where measured. */
export function trainingCreditsOf(ledger: WorkerLedger | null, query: LedgerQuery) {
  return countedTrainings(ledger?.trainings ?? [], query)
    .map((t: LedgerTraining) => ({
      trainingId: t.trainingId,
      title: t.title,
      kind: t.kind,
      heldOn: t.heldOn,
      hoursCredited: t.hoursCredited,
      minutes: creditedMinutes(t),
      effectiveness: t.effectiveness.find((e) => e.socialWorkerId === query.socialWorkerId) ?? null,
      eventIds: [t.eventId, ...t.effectiveness.filter((e) => e.socialWorkerId === query.socialWorkerId).map((e) => e.eventId)],
    }));
}

function tally<K extends string>(keys: readonly K[], items: ReadonlyArray<{ minutes: number; keys: readonly K[] }>): Record<K, Minutes> {
  return Object.fromEntries(
    keys.map((key) => [key, asMinutes(items.filter((i) => i.keys.includes(key)).reduce((sum, i) => sum + i.minutes, 0))]),
  ) as Record<K, Minutes>;
}

function supervisionHours(sessions: ReturnType<typeof sessionsOf>): SupervisionHours {
  const total = sessions.reduce((sum, s) => sum + s.durationMinutes, 0);
  return {
    ...asMinutes(total),
    sessions: sessions.length,
    byFormat: tally(SESSION_FORMATS, sessions.map((s) => ({ minutes: s.durationMinutes, keys: [s.format] }))),
    byFunction: tally(SUPERVISION_FUNCTIONS, sessions.map((s) => ({ minutes: s.durationMinutes, keys: s.functions }))),
    eventIds: sessions.flatMap((s) => [...s.eventIds, ...(s.attestationEventId ? [s.attestationEventId] : [])]),
  };
}

function compliance(requirement: YearlyRequirement, actualMinutes: number, eventIds: readonly string[]): Compliance {
  const { requiredMinutes, requiredToDateMinutes } = requirement;
  return {
    ...requirement,
    actualMinutes,
    met: requiredMinutes === null ? null : actualMinutes >= requiredMinutes,
    onTrack: requiredToDateMinutes === null ? null : actualMinutes >= requiredToDateMinutes,
    shortfallMinutes: requiredMinutes === null ? null : Math.max(0, requiredMinutes - actualMinutes),
    eventIds,
  };
}

export type ComplianceInput = LedgerQuery & { readonly servicePeriods: readonly ServicePeriod[]; readonly contracts: readonly ContractTerms[] };

/**
 * The worker's supervision and training compliance for the year as of a date, from the year's
 * documents: its compact index (`worker-year`, what contract performance reads) or the ledger
 * assembled with its entries (what the ledger query reads) give the same figures.
 */
export function yearCompliance(year: WorkerYear | WorkerLedger | null, input: ComplianceInput): LedgerFigures['compliance'] {
  // The counted sessions' minutes and events in one pass, without copying each session (contract
  // performance and eligibility run this for every worker of a contract on every request).
  const last = minDate(input.asOf, yearBounds(input.year).last);
  let attestedMinutes = 0;
  const attestedEventIds: string[] = [];
  for (const session of year?.sessions ?? []) {
    const attestation = counts(session, input, last) ? session.attestations.find((a) => a.socialWorkerId === input.socialWorkerId) : undefined;
    if (attestation === undefined) continue;
    attestedMinutes += session.durationMinutes;
    attestedEventIds.push(...session.eventIds, attestation.eventId);
  }
  const credits = countedTrainings<YearTraining>(year?.trainings ?? [], input);
  const trainingMinutes = credits.reduce((sum, t) => sum + creditedMinutes(t), 0);
  const requirement = (kind: RequirementKind) => yearlyRequirement({ ...input, kind });
  return {
    supervision: compliance(requirement('supervisionHoursPerWorkerYear'), attestedMinutes, attestedEventIds),
    training: compliance(requirement('trainingHoursPerWorkerYear'), trainingMinutes, credits.map((t) => t.eventId)),
  };
}

/**
 * Read model 2's figures for one worker and calendar year as of a date: attested and unattested
 * supervision hours by format and function, training hours by kind, late sessions, and
 * compliance with the contracts' yearly requirements. Pure: "today" arrives as `asOf`.
 */
export function ledgerFigures(ledger: WorkerLedger | null, input: ComplianceInput): LedgerFigures {
  const sessions = sessionsOf(ledger, input);
  const attested = supervisionHours(sessions.filter((s) => s.attested));
  const late = sessions.filter((s) => s.late);
  const credits = trainingCreditsOf(ledger, input);
  const trainingMinutes = credits.reduce((sum, c) => sum + c.minutes, 0);
  const trainingEventIds = credits.map((c) => c.eventIds[0]);
  return {
    socialWorkerId: input.socialWorkerId,
    year: input.year,
    asOf: input.asOf,
    supervision: {
      attested,
      unattested: supervisionHours(sessions.filter((s) => !s.attested)),
      late: { sessions: late.length, sessionIds: late.map((s) => s.sessionId), eventIds: late.flatMap((s) => s.eventIds) },
    },
    training: {
      ...asMinutes(trainingMinutes),
      credits: credits.length,
      byKind: tally(TRAINING_KINDS, credits.map((c) => ({ minutes: c.minutes, keys: [c.kind] }))),
      eventIds: trainingEventIds,
    },
    compliance: yearCompliance(ledger, input),
  };
}
