import { ProjectedEvent, Projection } from '@sws/kernel';
import { DEFAULT_PUBLISHED_POLICY, PublishedPolicy } from '../policy/policy-in-force';
import { RenewalPolicyPublished } from '../policy/renewal-policy';

/** Every policy version in one document: there are a handful, and judging needs them all. */
export interface RenewalPolicies {
  readonly id: typeof RENEWAL_POLICIES_DOCUMENT_ID;
  readonly versions: readonly PublishedPolicy[];
}

export const RENEWAL_POLICIES_DOCUMENT_ID = 'all';

export const renewalPoliciesProjection: Projection<RenewalPolicies> = {
  name: 'renewal-policies',
  version: 1,
  collection: 'renewal-policies',
  handles: ['RenewalPolicyPublished'],
  documentIds: () => [RENEWAL_POLICIES_DOCUMENT_ID],

  evolve(document, projected: ProjectedEvent) {
    const event = projected as unknown as RenewalPolicyPublished;
    const versions = document?.versions ?? [DEFAULT_PUBLISHED_POLICY];
    const published: PublishedPolicy = {
      ...event.data,
      publishedAt: projected.metadata.recordedAt,
      eventId: projected.metadata.eventId,
    };
    return { id: RENEWAL_POLICIES_DOCUMENT_ID, versions: [...versions.filter((v) => v.version !== published.version), published] };
  },
};

/** The versions to judge by before any has been published: the shipped default alone. */
export function policyVersions(document: RenewalPolicies | null): readonly PublishedPolicy[] {
  return document?.versions ?? [DEFAULT_PUBLISHED_POLICY];
}
