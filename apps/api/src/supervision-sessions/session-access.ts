import { SupervisionSessionState } from '@sws/supervision';
import { AccessDenied } from '../auth/access-denied';
import { Principal } from '../auth/principal';

/** The supervisor the token names (the role guard let only supervisors through). */
export function supervisorOf(principal: Principal): string {
  if (principal.supervisorId === undefined) throw new AccessDenied('the token names no supervisor', 'ROLE_NOT_ALLOWED');
  return principal.supervisorId;
}

/** Only the session's own supervisor corrects or voids it. */
export function mustBeItsSupervisor(principal: Principal, state: SupervisionSessionState, sessionId: string, what: string): void {
  if (state.status === 'unknown') return;
  if (state.session.supervisorId !== supervisorOf(principal)) {
    throw new AccessDenied(`supervisor ${principal.supervisorId} may not ${what} session ${sessionId}: it is supervisor ${state.session.supervisorId}'s`);
  }
}

/** Only a social worker the session names attests it. */
export function mustBeNamedIn(principal: Principal, state: SupervisionSessionState, sessionId: string): string {
  const socialWorkerId = principal.socialWorkerId;
  if (socialWorkerId === undefined) throw new AccessDenied('the token names no social worker', 'ROLE_NOT_ALLOWED');
  if (state.status !== 'unknown' && !state.session.superviseeIds.includes(socialWorkerId)) {
    throw new AccessDenied(`social worker ${socialWorkerId} may not attest session ${sessionId}: it does not name them`);
  }
  return socialWorkerId;
}
