import { AccessDenied } from './access-denied';
import { Principal, Role, ROLES } from './principal';

/**
 * Who may read which records. `all`: every record of the kind; `party`: the records their
 * organization is party to (a document's `parties`); `self`: a social worker's own record.
 * Reference data (organizations) is open to every role.
 */
export interface ReadRule {
  readonly all: readonly Role[];
  readonly party: readonly Role[];
  readonly self: readonly Role[];
}

export const READ_RULES = {
  organization: { all: ROLES, party: [], self: [] },
  // Evaluators assess any station; supervisors from the expert pool serve any station.
  station: { all: ['admin', 'evaluator', 'supervisor'], party: ['operator', 'procurement', 'social_worker'], self: [] },
  // Budgets and terms: the parties, the guidance centre, and the evaluators who assess against them.
  contract: { all: ['admin', 'evaluator'], party: ['operator', 'procurement'], self: [] },
  socialWorker: { all: ['admin', 'evaluator', 'supervisor'], party: ['operator', 'procurement'], self: ['social_worker'] },
} as const satisfies Record<string, ReadRule>;

export type ReadResource = keyof typeof READ_RULES;

/** The roles that may read some record of the kind: what the endpoint's @Roles says. */
export function readerRoles(resource: ReadResource): Role[] {
  const rule: ReadRule = READ_RULES[resource];
  return ROLES.filter((role) => rule.all.includes(role) || rule.party.includes(role) || rule.self.includes(role));
}

/** Throws AccessDenied unless the principal may read this record. */
export function assertMayRead(principal: Principal, resource: ReadResource, record: { readonly id: string; readonly parties?: readonly string[] }): void {
  const rule: ReadRule = READ_RULES[resource];
  if (rule.all.includes(principal.role)) return;
  if (rule.party.includes(principal.role) && (record.parties ?? []).includes(principal.orgId)) return;
  if (rule.self.includes(principal.role) && principal.socialWorkerId === record.id) return;
  throw new AccessDenied(`${principal.role} of organization ${principal.orgId} may not read ${resource} ${record.id}`);
}

/** How a list is narrowed for the principal: nothing, to their organization's records, or to their own. */
export function listScope(principal: Principal, resource: ReadResource): { readonly field: string; readonly value: string } | null {
  const rule: ReadRule = READ_RULES[resource];
  if (rule.all.includes(principal.role)) return null;
  if (rule.party.includes(principal.role)) return { field: 'parties', value: principal.orgId };
  if (rule.self.includes(principal.role)) return { field: 'id', value: principal.socialWorkerId ?? '' };
  throw new AccessDenied(`${principal.role} may not list ${resource} records`, 'ROLE_NOT_ALLOWED');
}
