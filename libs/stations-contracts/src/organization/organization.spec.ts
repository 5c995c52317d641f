import { deciderSpecification } from '../../../kernel/src/testing';
import { CommandMetadata } from '@sws/kernel';
import {
  DeclareAffiliation,
  organization,
  OrganizationAffiliationDeclared,
  OrganizationRegistered,
  RegisterOrganization,
} from './organization';

const spec = deciderSpecification(organization);

const metadata: CommandMetadata = {
  now: '2026-03-31T09:00:00+08:00',
  actor: { userId: 'u-admin', role: 'admin', orgId: 'org-centre' },
};

const region = { code: '440305001', province: '广东省', city: '深圳市', county: '南山区', township: '南头街道' };

const registrationData: OrganizationRegistered['data'] = {
  organizationId: 'org-1',
  name: '深圳市某社会工作服务中心',
  kind: 'operator',
  creditCode: '914403001922038216',
  region,
};

const registered: OrganizationRegistered = { type: 'OrganizationRegistered', data: registrationData };

const register = (
  data: Partial<OrganizationRegistered['data']> = {},
  creditCodeHolder: string | null = null,
): RegisterOrganization => ({
  type: 'RegisterOrganization',
  data: { ...registrationData, ...data },
  metadata,
  facts: { creditCodeHolder },
});

const declare = (
  data: Partial<DeclareAffiliation['data']> = {},
  otherOrganizationExists = true,
  declaredByOther = false,
): DeclareAffiliation => ({
  type: 'DeclareAffiliation',
  data: { organizationId: 'org-1', otherOrgId: 'org-2', nature: 'parent', ...data },
  metadata,
  facts: { otherOrganizationExists, declaredByOther },
});

const declared = (otherOrgId: string): OrganizationAffiliationDeclared => ({
  type: 'OrganizationAffiliationDeclared',
  data: { organizationId: 'org-1', otherOrgId, nature: 'parent' },
});

describe('organization', () => {
  describe('when registered', () => {
    it('records the registration', () => {
      spec.given([]).when(register()).then([registered]);
    });

    it('accepts a credit code with a letter check character', () => {
      spec
        .given([])
        .when(register({ creditCode: '91110000802100433B' }))
        .then([{ type: 'OrganizationRegistered', data: { ...registrationData, creditCode: '91110000802100433B' } }]);
    });

    it('refuses a second registration', () => {
      spec.given([registered]).when(register()).thenFails('ALREADY_REGISTERED');
    });

    it('refuses a blank name and one holding a control character', () => {
      spec.given([]).when(register({ name: '\u200b\u200b' })).thenFails('INVALID_NAME');
      spec.given([]).when(register({ name: '某社会工作\u0000服务中心' })).thenFails('INVALID_NAME');
    });

    it('refuses a credit code with a wrong check character', () => {
      spec.given([]).when(register({ creditCode: '914403001922038217' })).thenFails('INVALID_CREDIT_CODE');
    });

    it('refuses a credit code of the wrong length', () => {
      spec.given([]).when(register({ creditCode: '91440300192203821' })).thenFails('INVALID_CREDIT_CODE');
    });

    it('refuses a credit code another organization holds', () => {
      spec.given([]).when(register({}, 'org-9')).thenFails('CREDIT_CODE_TAKEN');
    });

    it('names the holder of a taken credit code', () => {
      expect(() => organization.decide(register({}, 'org-9'), organization.initialState())).toThrow(
        expect.objectContaining({ code: 'CREDIT_CODE_TAKEN', details: { organizationId: 'org-9' } }),
      );
    });
  });

  describe('when an affiliation is declared', () => {
    it('records the affiliation', () => {
      spec
        .given([registered])
        .when(declare({ nature: 'shared_leadership', description: '同一法定代表人' }))
        .then([
          {
            type: 'OrganizationAffiliationDeclared',
            data: { organizationId: 'org-1', otherOrgId: 'org-2', nature: 'shared_leadership', description: '同一法定代表人' },
          },
        ]);
    });

    it('refuses an affiliation of an organization with itself', () => {
      spec.given([registered]).when(declare({ otherOrgId: 'org-1' })).thenFails('SELF_AFFILIATION');
    });

    it('refuses an affiliation with an organization that is not registered', () => {
      spec.given([registered]).when(declare({}, false)).thenFails('ORGANIZATION_NOT_FOUND');
    });

    it('refuses an affiliation for an organization that is not registered', () => {
      spec.given([]).when(declare()).thenFails('ORGANIZATION_NOT_FOUND');
    });

    it('refuses to declare the same affiliation twice', () => {
      spec.given([registered, declared('org-2')]).when(declare({ nature: 'founder' })).thenFails('AFFILIATION_ALREADY_DECLARED');
    });

    it('refuses an affiliation the other organization has declared already from its side', () => {
      spec.given([registered]).when(declare({}, true, true)).thenFails('AFFILIATION_ALREADY_DECLARED');
    });

    it('accepts an affiliation with a third organization after a first one', () => {
      spec
        .given([registered, declared('org-2')])
        .when(declare({ otherOrgId: 'org-3' }))
        .then([{ type: 'OrganizationAffiliationDeclared', data: { organizationId: 'org-1', otherOrgId: 'org-3', nature: 'parent' } }]);
    });
  });
});
