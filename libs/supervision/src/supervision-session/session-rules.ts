import { Command, mustNotBeInFuture, refuse } from '@sws/kernel';
import { SessionDetails, SessionFacts, SessionFormat, SUPERVISION_FUNCTIONS } from './session';
import { firstOverlap, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, minuteOfDay, mustHaveEnded, TimedSession } from './session-time';

/** How many supervisees each format takes: an individual session one, a group at least two. */
const SUPERVISEES: Record<SessionFormat, { min: number; max: number }> = {
  individual: { min: 1, max: 1 },
  group: { min: 2, max: Infinity },
  on_site: { min: 1, max: Infinity },
  remote: { min: 1, max: Infinity },
};

function checkTime(details: SessionDetails, command: Pick<Command, 'metadata'>): void {
  mustNotBeInFuture('heldOn', details.heldOn, command);
  if (minuteOfDay(details.startTime) === null) {
    refuse('INVALID_START_TIME', `startTime ${details.startTime} is not a time of day as HH:mm`, { startTime: details.startTime });
  }
  const minutes = details.durationMinutes;
  if (!Number.isInteger(minutes) || minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) {
    refuse(
      'DURATION_OUT_OF_RANGE',
      `a session lasts ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES} whole minutes, not ${minutes}`,
      { durationMinutes: minutes, min: MIN_DURATION_MINUTES, max: MAX_DURATION_MINUTES },
    );
  }
  mustHaveEnded(details, command);
}

function checkFunctions(details: SessionDetails): void {
  const { functions } = details;
  const known = functions.every((f) => (SUPERVISION_FUNCTIONS as readonly string[]).includes(f));
  if (functions.length === 0 || !known || new Set(functions).size !== functions.length) {
    refuse('INVALID_FUNCTIONS', `functions must name one or more of ${SUPERVISION_FUNCTIONS.join(', ')}, each once`, { functions });
  }
}

function checkSupervisees(details: SessionDetails, facts: SessionFacts): void {
  const { superviseeIds, format, stationId, contractId, heldOn } = details;
  const duplicate = superviseeIds.find((id, index) => superviseeIds.indexOf(id) !== index);
  if (duplicate !== undefined) {
    refuse('DUPLICATE_SUPERVISEE', `supervisee ${duplicate} is named twice`, { socialWorkerId: duplicate });
  }
  const { min, max } = SUPERVISEES[format];
  if (superviseeIds.length < min || superviseeIds.length > max) {
    const expected = min === max ? `exactly ${min}` : `at least ${min}`;
    refuse('SUPERVISEE_COUNT', `a ${format} session has ${expected} supervisee(s), not ${superviseeIds.length}`, {
      format,
      count: superviseeIds.length,
      min,
      max: Number.isFinite(max) ? max : null,
    });
  }
  for (const socialWorkerId of superviseeIds) {
    const assignment = facts.assignments[socialWorkerId] ?? null;
    if (assignment === null || assignment.stationId !== stationId || assignment.contractId !== contractId) {
      const where = assignment === null ? 'at no station' : `at station ${assignment.stationId} under contract ${assignment.contractId}`;
      refuse(
        'SUPERVISEE_NOT_AT_STATION',
        `on ${heldOn} supervisee ${socialWorkerId} was ${where}, not at station ${stationId} under contract ${contractId}`,
        { socialWorkerId, heldOn, stationId, contractId, assignment },
      );
    }
  }
}

/** Every rule a session obeys, whether it is being logged or corrected. */
export function checkSession(
  sessionId: string,
  details: SessionDetails,
  facts: SessionFacts,
  command: Pick<Command, 'metadata'>,
): void {
  checkTime(details, command);
  checkFunctions(details);
  checkSupervisees(details, facts);
  mustNotOverlap({ sessionId, ...details }, facts.supervisorSessions);
}

/** A supervisor's sessions do not share a minute (SESSION_OVERLAPS). */
export function mustNotOverlap(session: TimedSession, others: readonly TimedSession[]): void {
  const clash = firstOverlap(session, others);
  if (clash) {
    refuse(
      'SESSION_OVERLAPS',
      `the supervisor's session ${clash.sessionId} on ${clash.heldOn} from ${clash.startTime} for ${clash.durationMinutes} minutes overlaps this one (${session.heldOn} from ${session.startTime} for ${session.durationMinutes} minutes)`,
      { sessionId: clash.sessionId, heldOn: clash.heldOn, startTime: clash.startTime, durationMinutes: clash.durationMinutes },
    );
  }
}
