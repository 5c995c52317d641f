import { Decider, minDate, mustHaveText, refuse, today } from '@sws/kernel';
import {
  SESSION_DETAIL_FIELDS,
  SessionDetailField,
  SessionDetails,
  SupervisionSessionCommand,
  SupervisionSessionCorrected,
  SupervisionSessionEvent,
  SupervisionSessionState,
} from './session';
import { checkSession } from './session-rules';
import { isLate, mustHaveEnded } from './session-time';

/** Changing when or how long a session was changes what every supervisee attested, and moves it in its supervisor's calendar. */
export const TIME_FIELDS: readonly SessionDetailField[] = ['heldOn', 'startTime', 'durationMinutes'];
/** Lists whose order means nothing. */
const SET_FIELDS: readonly SessionDetailField[] = ['superviseeIds', 'functions'];

function detailsOf(source: SessionDetails): SessionDetails {
  return Object.fromEntries(SESSION_DETAIL_FIELDS.map((field) => [field, source[field]])) as unknown as SessionDetails;
}

function sameField(field: SessionDetailField, a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) =>
    JSON.stringify(SET_FIELDS.includes(field) && Array.isArray(value) ? [...value].sort() : value);
  return canonical(a) === canonical(b);
}

function mustBeOpen(state: SupervisionSessionState): asserts state is Exclude<SupervisionSessionState, { status: 'unknown' }> {
  if (state.status === 'unknown') refuse('SESSION_NOT_FOUND', 'the supervision session does not exist');
  if (state.status === 'voided') refuse('SESSION_VOIDED', 'the supervision session was voided; nothing more is accepted');
}

function mustGiveReason(reason: string): void {
  mustHaveText('REASON_REQUIRED', 'reason', reason, 'a correction or a void names its reason');
}

export const supervisionSession: Decider<SupervisionSessionState, SupervisionSessionCommand, SupervisionSessionEvent> = {
  initialState: () => ({ status: 'unknown' }),

  evolve(state, event) {
    switch (event.type) {
      case 'SupervisionSessionLogged': {
        const { sessionId, ...session } = event.data;
        return { status: 'logged', sessionId, session, attestedBy: [] };
      }
      case 'SupervisionSessionAttested':
        if (state.status === 'unknown') return state;
        return { ...state, attestedBy: [...state.attestedBy, event.data.socialWorkerId] };
      case 'SupervisionSessionCorrected':
        if (state.status === 'unknown') return state;
        return { ...state, session: event.data.after, attestedBy: event.data.attestedBy };
      case 'SupervisionSessionVoided':
        if (state.status === 'unknown') return state;
        return { ...state, status: 'voided' };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'LogSupervisionSession': {
        if (state.status !== 'unknown') refuse('ALREADY_LOGGED', 'this supervision session is logged already');
        const { sessionId, supervisorId } = command.data;
        if (command.facts.supervisor === null) refuse('SUPERVISOR_NOT_FOUND', `supervisor ${supervisorId} is not registered`, { supervisorId });
        const details = detailsOf(command.data);
        checkSession(sessionId, details, command.facts, command);
        const loggedOn = today(command);
        const late = isLate(details.heldOn, loggedOn);
        return [
          { type: 'SupervisionSessionLogged', data: { sessionId, supervisorId, ...details, loggedOn, late }, occurredAt: details.heldOn },
        ];
      }
      case 'AttestSupervisionSession': {
        mustBeOpen(state);
        const { socialWorkerId } = command.data;
        const { supervisorId, heldOn, superviseeIds } = state.session;
        if (!superviseeIds.includes(socialWorkerId)) {
          refuse('NOT_A_SUPERVISEE', `social worker ${socialWorkerId} is not named in this session`, { socialWorkerId, superviseeIds });
        }
        if (state.attestedBy.includes(socialWorkerId)) {
          refuse('ALREADY_ATTESTED', `social worker ${socialWorkerId} attested this session already`, { socialWorkerId });
        }
        const { confirms } = command.data;
        const { startTime, durationMinutes } = state.session;
        mustHaveEnded(state.session, command);
        if (confirms && (confirms.heldOn !== heldOn || confirms.startTime !== startTime || confirms.durationMinutes !== durationMinutes)) {
          refuse(
            'ATTESTATION_MISMATCH',
            `the session now says ${heldOn} from ${startTime} for ${durationMinutes} minutes, not ${confirms.heldOn} from ${confirms.startTime} for ${confirms.durationMinutes}`,
            { confirms, session: { heldOn, startTime, durationMinutes } },
          );
        }
        return [
          { type: 'SupervisionSessionAttested', data: { sessionId: state.sessionId, supervisorId, socialWorkerId, heldOn }, occurredAt: heldOn },
        ];
      }
      case 'CorrectSupervisionSession': {
        mustBeOpen(state);
        const { reason, changes } = command.data;
        mustGiveReason(reason);
        const before = state.session;
        const changedFields = SESSION_DETAIL_FIELDS.filter(
          (field) => changes[field] !== undefined && !sameField(field, changes[field], before[field]),
        );
        if (changedFields.length === 0) refuse('NOTHING_TO_CORRECT', 'the correction changes none of the session’s fields');
        const details = { ...detailsOf(before), ...Object.fromEntries(changedFields.map((field) => [field, changes[field]])) };
        checkSession(state.sessionId, details, command.facts, command);
        const after = { ...before, ...details, late: isLate(details.heldOn, before.loggedOn) };
        const timeChanged = changedFields.some((field) => TIME_FIELDS.includes(field));
        const clearedAttestations = state.attestedBy.filter((id) => timeChanged || !after.superviseeIds.includes(id));
        const data: SupervisionSessionCorrected['data'] = {
          sessionId: state.sessionId,
          supervisorId: before.supervisorId,
          reason,
          changedFields,
          before,
          after,
          clearedAttestations,
          attestedBy: state.attestedBy.filter((id) => !clearedAttestations.includes(id)),
        };
        // Dated by the earlier of the two days, so that a fold "as of" either day sees the correction.
        return [{ type: 'SupervisionSessionCorrected', data, occurredAt: minDate(before.heldOn, after.heldOn) }];
      }
      case 'VoidSupervisionSession': {
        mustBeOpen(state);
        mustGiveReason(command.data.reason);
        const { session, attestedBy } = state;
        return [
          {
            type: 'SupervisionSessionVoided',
            data: { sessionId: state.sessionId, supervisorId: session.supervisorId, reason: command.data.reason, session, attestedBy },
            occurredAt: session.heldOn,
          },
        ];
      }
    }
  },
};
