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
  // The expert pool is reference data, like organizations.
  supervisor: { all: ROLES, party: [], self: [] },
  // A supervisor's monthly workload: the centre, the supervisor, and the parties of the contracts they served.
  supervisorWorkload: { all: ['admin'], party: ['operator', 'procurement'], self: ['supervisor'] },
  // A session: its supervisor and supervisees, the contract's operator and purchaser, the centre and the evaluators.
  supervisionSession: { all: ['admin', 'evaluator'], party: ['operator', 'procurement'], self: ['supervisor', 'social_worker'] },
  // A training: its organizer and the parties of its contract or of its attendees, the attendees, the centre and the evaluators.
  training: { all: ['admin', 'evaluator'], party: ['operator', 'procurement'], self: ['social_worker'] },
  // A station's monthly report: the parties of the contract it names, the centre and the evaluators.
  serviceReport: { all: ['admin', 'evaluator'], party: ['operator', 'procurement'], self: [] },
  // A worker's yearly ledger: as the worker's record, but not the supervisors of the pool.
  workerLedger: { all: ['admin', 'evaluator'], party: ['operator', 'procurement'], self: ['social_worker'] },
  // Published rubrics are reference data: whoever is assessed or assesses reads what they are scored by.
  rubric: { all: ROLES, party: [], self: [] },
  // An assessment before and after finalization: the evaluator organization, the contract's operator and purchaser.
  assessment: { all: ['admin'], party: ['evaluator', 'operator', 'procurement'], self: [] },
} as const satisfies Record<string, ReadRule>;

export type ReadResource = keyof typeof READ_RULES;

/** The roles that may read some record of the kind: what the endpoint's @Roles says. */
export function readerRoles(resource: ReadResource): Role[] {
  const rule: ReadRule = READ_RULES[resource];
  return ROLES.filter((role) => rule.all.includes(role) || rule.party.includes(role) || rule.self.includes(role));
}

/**
 * Throws AccessDenied unless the principal may read this record. `selves` are the social workers
 * and supervisors the record is about (a session's supervisor and supervisees); by default the record itself.
 */
export function assertMayRead(
  principal: Principal,
  resource: ReadResource,
  record: { readonly id: string; readonly parties?: readonly string[]; readonly selves?: readonly string[] },
): void {
  const rule: ReadRule = READ_RULES[resource];
  if (rule.all.includes(principal.role)) return;
  if (rule.party.includes(principal.role) && (record.parties ?? []).includes(principal.orgId)) return;
  const self = principal.role === 'supervisor' ? principal.supervisorId : principal.socialWorkerId;
  if (rule.self.includes(principal.role) && self !== undefined && (record.selves ?? [record.id]).includes(self)) return;
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
