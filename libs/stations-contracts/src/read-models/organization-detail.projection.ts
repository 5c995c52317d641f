import { CalendarDate, dateInChina, ProjectedEvent, Projection } from '@sws/kernel';
import { OrganizationAffiliationDeclared, OrganizationKind, OrganizationRegistered } from '../organization/organization';
import { Region } from '../shared/region';

export interface OrganizationDetail {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly creditCode: string;
  readonly region: Region;
  readonly registeredAt: string;
  /**
   * Declared by either side; independence checks read both directions. The event and its day
   * let renewal eligibility flag an assessment whose evaluator was found affiliated later.
   */
  readonly affiliations: ReadonlyArray<{
    readonly orgId: string;
    readonly nature: string;
    readonly declaredBy: string;
    readonly declaredOn: CalendarDate;
    readonly eventId: string;
  }>;
}

type Handled = OrganizationRegistered | OrganizationAffiliationDeclared;

export const organizationDetailProjection: Projection<OrganizationDetail> = {
  name: 'organization-detail',
  version: 2,
  collection: 'organizations',
  handles: ['OrganizationRegistered', 'OrganizationAffiliationDeclared'],

  documentIds(event: ProjectedEvent<Handled['data']>) {
    const data = event.data as OrganizationAffiliationDeclared['data'];
    return event.type === 'OrganizationAffiliationDeclared' ? [data.organizationId, data.otherOrgId] : [data.organizationId];
  },

  evolve(document, event) {
    if (event.type === 'OrganizationRegistered') {
      const data = event.data as OrganizationRegistered['data'];
      return {
        id: data.organizationId,
        name: data.name,
        kind: data.kind,
        creditCode: data.creditCode,
        region: data.region,
        registeredAt: event.metadata.recordedAt,
        affiliations: document?.affiliations ?? [],
      };
    }
    if (!document) return document;
    const data = event.data as OrganizationAffiliationDeclared['data'];
    const other = document.id === data.organizationId ? data.otherOrgId : data.organizationId;
    return {
      ...document,
      affiliations: [
        ...document.affiliations,
        { orgId: other, nature: data.nature, declaredBy: data.organizationId, declaredOn: dateInChina(event.metadata.recordedAt), eventId: event.metadata.eventId },
      ],
    };
  },
};

/** Which organization holds each credit code: what the uniqueness rule looks up. */
export const creditCodeIndexProjection: Projection<{ readonly organizationId: string }> = {
  name: 'credit-code-index',
  version: 1,
  collection: 'credit-codes',
  handles: ['OrganizationRegistered'],
  documentIds: (event) => [(event.data as OrganizationRegistered['data']).creditCode],
  evolve: (document, event) => document ?? { organizationId: (event.data as OrganizationRegistered['data']).organizationId },
};
