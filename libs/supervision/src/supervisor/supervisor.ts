import { Command, Decider, DomainEvent, mustBeName, refuse } from '@sws/kernel';

export const SUPERVISOR_TIERS = ['city', 'county', 'street'] as const;
export type SupervisorTier = (typeof SUPERVISOR_TIERS)[number];
export const AFFILIATIONS = ['university', 'operator', 'independent', 'government'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

/** The kinds an organization registers as (stations-contracts); repeated here so the contexts stay apart. */
export type OrganizationKindFact = 'operator' | 'evaluator' | 'purchaser';

export type SupervisorRegistered = DomainEvent<
  'SupervisorRegistered',
  {
    supervisorId: string;
    name: string;
    tier: SupervisorTier;
    affiliation: Affiliation;
    /** The organization the supervisor belongs to; null for an independent supervisor. */
    affiliationOrgId: string | null;
  }
>;
export type SupervisorEvent = SupervisorRegistered;

export type RegisterSupervisor = Command<
  'RegisterSupervisor',
  { supervisorId: string; name: string; tier: SupervisorTier; affiliation: Affiliation; affiliationOrgId?: string | null }
> & {
  readonly facts: {
    /** The registered kind of `affiliationOrgId`, or null when it names no organization (or none is given). */
    readonly affiliationOrgKind: OrganizationKindFact | null;
  };
};
export type SupervisorCommand = RegisterSupervisor;

export type SupervisorState = { readonly status: 'unknown' } | { readonly status: 'registered'; readonly supervisorId: string };

/**
 * Which organization kind an affiliation may name. A university may be registered under any kind
 * (many university centres are also third-party evaluators), so it is not restricted.
 */
const EXPECTED_KIND: Partial<Record<Affiliation, OrganizationKindFact>> = { operator: 'operator', government: 'purchaser' };

function checkAffiliation(affiliation: Affiliation, orgId: string | null, kind: OrganizationKindFact | null): void {
  if (affiliation === 'independent') {
    if (orgId !== null) refuse('AFFILIATION_ORG_NOT_EXPECTED', 'an independent supervisor belongs to no organization', { affiliationOrgId: orgId });
    return;
  }
  if (orgId === null) {
    if (affiliation === 'university') return;
    refuse('AFFILIATION_ORG_REQUIRED', `a supervisor with ${affiliation} affiliation must name the organization`, { affiliation });
  }
  if (kind === null) refuse('ORGANIZATION_NOT_FOUND', `organization ${orgId} is not registered`, { affiliationOrgId: orgId });
  const expected = EXPECTED_KIND[affiliation];
  if (expected !== undefined && kind !== expected) {
    refuse('AFFILIATION_KIND_MISMATCH', `a ${affiliation} affiliation names a ${expected} organization; ${orgId} is a ${kind}`, {
      affiliation,
      affiliationOrgId: orgId,
      kind,
      expected,
    });
  }
}

export const supervisor: Decider<SupervisorState, SupervisorCommand, SupervisorEvent> = {
  initialState: () => ({ status: 'unknown' }),

  evolve(_state, event) {
    return { status: 'registered', supervisorId: event.data.supervisorId };
  },

  decide(command, state) {
    if (state.status !== 'unknown') refuse('ALREADY_REGISTERED', 'this supervisor is registered already');
    const { supervisorId, name, tier, affiliation } = command.data;
    mustBeName('name', name);
    const affiliationOrgId = command.data.affiliationOrgId ?? null;
    checkAffiliation(affiliation, affiliationOrgId, command.facts.affiliationOrgKind);
    return [{ type: 'SupervisorRegistered', data: { supervisorId, name, tier, affiliation, affiliationOrgId } }];
  },
};
