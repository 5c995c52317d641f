import { AccessDenied } from './access-denied';
import { Principal } from './principal';

/**
 * Throws AccessDenied unless the principal acts for the organization a record belongs to.
 * `what` completes "may not …" in the message, e.g. "amend contract 6f1c…".
 */
export function mustActFor(principal: Principal, orgIds: string | readonly string[], what: string): void {
  const allowed = typeof orgIds === 'string' ? [orgIds] : orgIds;
  if (!allowed.includes(principal.orgId)) {
    throw new AccessDenied(`${principal.role} of organization ${principal.orgId} may not ${what}: it is not its organization's`);
  }
}
