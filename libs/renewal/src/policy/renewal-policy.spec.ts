import { CommandMetadata } from '@sws/kernel';
import { deciderSpecification } from '../../../kernel/src/testing';
import { DEFAULT_PUBLISHED_POLICY, policiesKnownAt, policyInForce, PublishedPolicy } from './policy-in-force';
import { DEFAULT_RENEWAL_POLICY, PublishRenewalPolicy, RenewalPolicy, renewalPolicy, RenewalPolicyPublished } from './renewal-policy';

const spec = deciderSpecification(renewalPolicy);

const metadata: CommandMetadata = { now: '2026-11-01T09:00:00+08:00', actor: { userId: 'u-admin', role: 'admin', orgId: 'org-centre' } };

const publish = (data: Partial<PublishRenewalPolicy['data']> = {}): PublishRenewalPolicy => ({
  type: 'PublishRenewalPolicy',
  data: { version: 2, effectiveFrom: '2027-01-01', ...data },
  metadata,
});

const published = (policy: Partial<RenewalPolicy> = {}): RenewalPolicyPublished => {
  const data = { ...DEFAULT_RENEWAL_POLICY, version: 2, effectiveFrom: '2027-01-01', ...policy };
  return { type: 'RenewalPolicyPublished', data, occurredAt: data.effectiveFrom };
};

const weights = { third_party: 0.6, purchaser: 0.2, community: 0.1, service_users: 0.1 };

describe('renewal policy', () => {
  describe('when version 2 is published over the shipped default', () => {
    it('takes the thresholds it names and keeps the previous version’s for the rest, in force from effectiveFrom', () => {
      spec
        .given([])
        .when(publish({ thresholds: { staffingCompliance: 0.95 }, assessorWeights: weights }))
        .then([published({ thresholds: { ...DEFAULT_RENEWAL_POLICY.thresholds, staffingCompliance: 0.95 }, assessorWeights: weights })]);
    });

    it('builds on the latest published version, not on the default', () => {
      const v2 = published({ thresholds: { ...DEFAULT_RENEWAL_POLICY.thresholds, eligibleFrom: 85 } });
      spec
        .given([v2])
        .when(publish({ version: 3, thresholds: { stationFailBelow: 65 } }))
        .thenProduces(([event]) => expect(event.data.thresholds).toMatchObject({ eligibleFrom: 85, stationFailBelow: 65 }));
    });
  });

  describe('when the version is not the next one', () => {
    it('refuses to skip a version', () => {
      spec.given([]).when(publish({ version: 3 })).thenFails('VERSION_NOT_NEXT');
    });

    it('refuses to publish a version again', () => {
      spec.given([]).when(publish({ version: 1 })).thenFails('VERSION_NOT_NEXT');
      spec.given([published()]).when(publish({ version: 2 })).thenFails('VERSION_NOT_NEXT');
    });
  });

  describe('when it takes effect', () => {
    it('refuses an effectiveFrom before the previous version’s, and accepts the same day', () => {
      spec.given([published()]).when(publish({ version: 3, effectiveFrom: '2026-12-31' })).thenFails('EFFECTIVE_BEFORE_PREVIOUS');
      spec.given([published()]).when(publish({ version: 3, effectiveFrom: '2027-01-01' })).thenProduces((events) => expect(events).toHaveLength(1));
    });
  });

  describe('when weights are given', () => {
    it('accepts the SPEC example, which adds up to 1 as written', () => {
      spec.given([]).when(publish({ assessorWeights: weights })).thenProduces(([event]) => expect(event.data.assessorWeights).toEqual(weights));
    });

    it('refuses weights that do not add up to 1', () => {
      spec.given([]).when(publish({ assessorWeights: { ...weights, service_users: 0.05 } })).thenFails('WEIGHTS_DO_NOT_ADD_UP');
      spec.given([]).when(publish({ assessorWeights: { ...weights, service_users: 0.15 } })).thenFails('WEIGHTS_DO_NOT_ADD_UP');
    });

    it('refuses a negative weight, even when the weights add up to 1', () => {
      spec.given([]).when(publish({ assessorWeights: { third_party: 0.9, purchaser: 0.3, community: -0.2 } })).thenFails('WEIGHT_OUT_OF_RANGE');
    });

    it('refuses a kind that is not an assessor kind', () => {
      spec.given([]).when(publish({ assessorWeights: { third_party: 0.9, neighbours: 0.1 } as never })).thenFails('UNKNOWN_ASSESSOR_KIND');
    });

    it('refuses weights that leave third-party assessments out', () => {
      spec.given([]).when(publish({ assessorWeights: { third_party: 0, purchaser: 1 } })).thenFails('THIRD_PARTY_WEIGHT_REQUIRED');
    });
  });

  describe('when thresholds are given', () => {
    it('accepts scores from 0 to 100 and shares from 0 to 1', () => {
      const edges = { ineligibleBelow: 0, eligibleFrom: 100, stationFailBelow: 100, staffingCompliance: 1, supervisionCompliance: 0, trainingCompliance: 1 };
      spec.given([]).when(publish({ thresholds: edges })).thenProduces(([event]) => expect(event.data.thresholds).toEqual(edges));
    });

    it('refuses a score threshold above 100 or a share above 1 or below 0', () => {
      spec.given([]).when(publish({ thresholds: { eligibleFrom: 100.01 } })).thenFails('THRESHOLD_OUT_OF_RANGE');
      spec.given([]).when(publish({ thresholds: { stationFailBelow: -1 } })).thenFails('THRESHOLD_OUT_OF_RANGE');
      spec.given([]).when(publish({ thresholds: { staffingCompliance: 1.01 } })).thenFails('THRESHOLD_OUT_OF_RANGE');
      spec.given([]).when(publish({ thresholds: { trainingCompliance: -0.01 } })).thenFails('THRESHOLD_OUT_OF_RANGE');
    });

    it('refuses a fail line above the good line, and accepts them equal', () => {
      spec.given([]).when(publish({ thresholds: { ineligibleBelow: 80.01 } })).thenFails('THRESHOLDS_OUT_OF_ORDER');
      spec.given([]).when(publish({ thresholds: { ineligibleBelow: 80 } })).thenProduces((events) => expect(events).toHaveLength(1));
    });
  });

  describe('when period kinds are given', () => {
    it('accepts annual alone', () => {
      spec.given([]).when(publish({ periodKinds: ['annual'] })).thenProduces(([event]) => expect(event.data.periodKinds).toEqual(['annual']));
    });

    it('refuses none, a kind that cannot count, or a kind twice', () => {
      spec.given([]).when(publish({ periodKinds: [] })).thenFails('PERIOD_KINDS_INVALID');
      spec.given([]).when(publish({ periodKinds: ['midterm'] as never })).thenFails('PERIOD_KINDS_INVALID');
      spec.given([]).when(publish({ periodKinds: ['annual', 'annual'] })).thenFails('PERIOD_KINDS_INVALID');
    });
  });
});

describe('policy in force', () => {
  const v2 = { ...DEFAULT_PUBLISHED_POLICY, version: 2, effectiveFrom: '2027-01-01', publishedAt: '2026-11-01T01:00:00.000Z', eventId: 'e-2' };
  const v3 = { ...v2, version: 3, publishedAt: '2026-12-01T01:00:00.000Z', eventId: 'e-3' };
  const v4 = { ...v2, version: 4, effectiveFrom: '2028-01-01', publishedAt: '2026-12-15T01:00:00.000Z', eventId: 'e-4' };
  const all: PublishedPolicy[] = [DEFAULT_PUBLISHED_POLICY, v2, v3, v4];

  it('is the version with the latest effectiveFrom on or before the date, the higher version on a tie', () => {
    expect(policyInForce(all, '2026-12-31').version).toBe(1);
    expect(policyInForce(all, '2027-01-01').version).toBe(3);
    expect(policyInForce(all, '2027-12-31').version).toBe(3);
    expect(policyInForce(all, '2028-01-01').version).toBe(4);
  });

  it('is the shipped default when no version was published', () => {
    expect(policyInForce([], '2027-01-01')).toEqual(DEFAULT_RENEWAL_POLICY);
    expect(policyInForce([v2], '2026-06-01').version).toBe(1);
  });

  it('as known at a moment, leaves out the versions recorded after it', () => {
    const known = policiesKnownAt(all, '2026-12-01T08:59:59.999+08:00');
    expect(known.map((p) => p.version)).toEqual([1, 2]);
    expect(policyInForce(known, '2027-06-01').version).toBe(2);
    expect(policiesKnownAt(all, '2026-12-01T09:00:00+08:00').map((p) => p.version)).toEqual([1, 2, 3]);
  });
});
