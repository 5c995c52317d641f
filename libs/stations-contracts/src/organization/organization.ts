import { Command, Decider, DomainEvent, mustBeName, refuse } from '@sws/kernel';
import { creditCodeProblem } from '../shared/credit-code';
import { Region } from '../shared/region';

export const ORGANIZATION_KINDS = ['operator', 'evaluator', 'purchaser'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const AFFILIATION_NATURES = ['parent', 'subsidiary', 'shared_leadership', 'shared_staff', 'founder', 'other'] as const;
export type AffiliationNature = (typeof AFFILIATION_NATURES)[number];

export type OrganizationRegistered = DomainEvent<
  'OrganizationRegistered',
  { organizationId: string; name: string; kind: OrganizationKind; creditCode: string; region: Region }
>;
export type OrganizationAffiliationDeclared = DomainEvent<
  'OrganizationAffiliationDeclared',
  { organizationId: string; otherOrgId: string; nature: AffiliationNature; description?: string }
>;
export type OrganizationEvent = OrganizationRegistered | OrganizationAffiliationDeclared;

export type RegisterOrganization = Command<'RegisterOrganization', OrganizationRegistered['data']> & {
  /** Whether another organization already holds this credit code, as the handler found. */
  readonly facts: { readonly creditCodeHolder: string | null };
};
export type DeclareAffiliation = Command<
  'DeclareAffiliation',
  { organizationId: string; otherOrgId: string; nature: AffiliationNature; description?: string }
> & {
  readonly facts: {
    readonly otherOrganizationExists: boolean;
    /** Whether the other organization has declared this affiliation already, from its side. */
    readonly declaredByOther: boolean;
  };
};
export type OrganizationCommand = RegisterOrganization | DeclareAffiliation;

export type OrganizationState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'registered';
      readonly id: string;
      readonly kind: OrganizationKind;
      readonly affiliations: ReadonlySet<string>;
    };

/** A credit code another organization holds is not registered again. */
export function refuseTakenCreditCode(holderId: string): never {
  refuse('CREDIT_CODE_TAKEN', `organization ${holderId} holds this credit code`, { organizationId: holderId });
}

export const organization: Decider<OrganizationState, OrganizationCommand, OrganizationEvent> = {
  initialState: () => ({ status: 'unknown' }),

  evolve(state, event) {
    switch (event.type) {
      case 'OrganizationRegistered':
        return { status: 'registered', id: event.data.organizationId, kind: event.data.kind, affiliations: new Set() };
      case 'OrganizationAffiliationDeclared':
        if (state.status !== 'registered') return state;
        return { ...state, affiliations: new Set([...state.affiliations, event.data.otherOrgId]) };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterOrganization': {
        if (state.status !== 'unknown') refuse('ALREADY_REGISTERED', 'this organization is registered already');
        mustBeName('name', command.data.name);
        const problem = creditCodeProblem(command.data.creditCode);
        if (problem) refuse('INVALID_CREDIT_CODE', `creditCode ${problem}`, { field: 'creditCode' });
        if (command.facts.creditCodeHolder) refuseTakenCreditCode(command.facts.creditCodeHolder);
        return [{ type: 'OrganizationRegistered', data: command.data }];
      }
      case 'DeclareAffiliation': {
        if (state.status !== 'registered') refuse('ORGANIZATION_NOT_FOUND', 'the organization is not registered');
        const { otherOrgId } = command.data;
        if (otherOrgId === state.id) refuse('SELF_AFFILIATION', 'an organization cannot be affiliated with itself');
        if (!command.facts.otherOrganizationExists) {
          refuse('ORGANIZATION_NOT_FOUND', `organization ${otherOrgId} is not registered`, { organizationId: otherOrgId });
        }
        if (state.affiliations.has(otherOrgId) || command.facts.declaredByOther) {
          refuse('AFFILIATION_ALREADY_DECLARED', `the affiliation with ${otherOrgId} is declared already`);
        }
        return [{ type: 'OrganizationAffiliationDeclared', data: command.data }];
      }
    }
  },
};
