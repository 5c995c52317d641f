import { deciderSpecification } from '../../../kernel/src/testing';
import { CommandMetadata } from '@sws/kernel';
import { OrganizationKindFact, RegisterSupervisor, supervisor, SupervisorRegistered } from './supervisor';

const spec = deciderSpecification(supervisor);

const metadata: CommandMetadata = {
  now: '2026-03-31T09:00:00+08:00',
  actor: { userId: 'u-admin', role: 'admin', orgId: 'org-centre' },
};

const register = (data: Partial<RegisterSupervisor['data']> = {}, affiliationOrgKind: OrganizationKindFact | null = null): RegisterSupervisor => ({
  type: 'RegisterSupervisor',
  data: { supervisorId: 'sup-1', name: '王督导', tier: 'county', affiliation: 'independent', ...data },
  metadata,
  facts: { affiliationOrgKind },
});

const registered = (data: Partial<SupervisorRegistered['data']> = {}): SupervisorRegistered => ({
  type: 'SupervisorRegistered',
  data: { supervisorId: 'sup-1', name: '王督导', tier: 'county', affiliation: 'independent', affiliationOrgId: null, ...data },
});

describe('supervisor', () => {
  describe('when registered', () => {
    it('records an independent supervisor with no organization', () => {
      spec.given([]).when(register()).then([registered()]);
    });

    it('refuses a blank name and one holding a control character', () => {
      spec.given([]).when(register({ name: '\u2060' })).thenFails('INVALID_NAME');
      spec.given([]).when(register({ name: '王\u0007督导' })).thenFails('INVALID_NAME');
    });

    it('refuses a second registration', () => {
      spec.given([registered()]).when(register()).thenFails('ALREADY_REGISTERED');
    });

    it('refuses an organization for an independent supervisor', () => {
      spec.given([]).when(register({ affiliationOrgId: 'org-op' }, 'operator')).thenFails('AFFILIATION_ORG_NOT_EXPECTED');
    });

    it('records the operator a supervisor with operator affiliation belongs to', () => {
      spec
        .given([])
        .when(register({ affiliation: 'operator', affiliationOrgId: 'org-op' }, 'operator'))
        .then([registered({ affiliation: 'operator', affiliationOrgId: 'org-op' })]);
    });

    it('requires the organization for operator and government affiliation', () => {
      spec.given([]).when(register({ affiliation: 'operator' })).thenFails('AFFILIATION_ORG_REQUIRED');
      spec.given([]).when(register({ affiliation: 'government', affiliationOrgId: null })).thenFails('AFFILIATION_ORG_REQUIRED');
    });

    it('accepts a university supervisor with or without a registered organization', () => {
      spec.given([]).when(register({ affiliation: 'university' })).then([registered({ affiliation: 'university' })]);
      spec
        .given([])
        .when(register({ affiliation: 'university', affiliationOrgId: 'org-uni' }, 'evaluator'))
        .then([registered({ affiliation: 'university', affiliationOrgId: 'org-uni' })]);
    });

    it('refuses an organization that is not registered', () => {
      spec.given([]).when(register({ affiliation: 'university', affiliationOrgId: 'org-x' }, null)).thenFails('ORGANIZATION_NOT_FOUND');
    });

    it('refuses an operator affiliation naming an evaluator and a government one naming an operator', () => {
      spec.given([]).when(register({ affiliation: 'operator', affiliationOrgId: 'org-ev' }, 'evaluator')).thenFails('AFFILIATION_KIND_MISMATCH');
      spec.given([]).when(register({ affiliation: 'government', affiliationOrgId: 'org-op' }, 'operator')).thenFails('AFFILIATION_KIND_MISMATCH');
    });

    it('accepts a government affiliation naming a purchaser', () => {
      spec
        .given([])
        .when(register({ affiliation: 'government', affiliationOrgId: 'org-bureau', tier: 'city' }, 'purchaser'))
        .then([registered({ affiliation: 'government', affiliationOrgId: 'org-bureau', tier: 'city' })]);
    });
  });
});
