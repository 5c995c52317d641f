import { DEFAULT_RENEWAL_POLICY, RenewalPolicy } from '../policy/renewal-policy';
import { AssessorKind } from '../shared/kinds';
import { AssessmentInput } from './eligibility';
import { stationScore } from './station-score';

const asOf = '2027-01-31';
const year2026 = { kind: 'annual' as const, from: '2026-01-01', to: '2026-12-31' };

const by = (assessorKind: AssessorKind, score: number, period = year2026): AssessmentInput => ({
  assessmentId: `a-${assessorKind}-${period.to}`,
  assessorKind,
  period,
  finalizedOn: '2027-01-20',
  finalizedAt: '2027-01-20T10:00:00.000+08:00',
  evaluatorOrgId: 'org-evaluator',
  affiliationsWithOperator: [],
  score,
  grade: score >= 80 ? 'good' : 'pass',
  sourceEventIds: [`e-${assessorKind}`],
});

/** The SPEC example: third party 0.6, purchaser 0.2, community 0.1, service users 0.1. */
const multiParty: RenewalPolicy = {
  ...DEFAULT_RENEWAL_POLICY,
  version: 2,
  assessorWeights: { third_party: 0.6, purchaser: 0.2, community: 0.1, service_users: 0.1 },
};

const score = (assessments: AssessmentInput[], policy = multiParty) => stationScore({ stationId: 'st-1', assessments }, policy, asOf);

describe('station score', () => {
  describe('when only third-party assessments are weighted (the default)', () => {
    it("is the third-party score, whatever the other kinds' scores", () => {
      const judged = score([by('third_party', 85), by('purchaser', 20)], DEFAULT_RENEWAL_POLICY);
      expect(judged).toMatchObject({ score: 85, missingKinds: [], sourceEventIds: ['e-third_party'] });
      expect(judged.components.map((c) => c.assessorKind)).toEqual(['third_party']);
    });
  });

  describe('when several kinds are weighted', () => {
    it('is the weighted mean of each kind’s latest score', () => {
      const judged = score([by('third_party', 80), by('purchaser', 90), by('community', 70), by('service_users', 100)]);
      expect(judged.score).toBe(83);
      expect(judged.components.map((c) => [c.assessorKind, c.weight, c.appliedWeight])).toEqual([
        ['third_party', 0.6, 0.6],
        ['purchaser', 0.2, 0.2],
        ['community', 0.1, 0.1],
        ['service_users', 0.1, 0.1],
      ]);
      expect(judged.sourceEventIds).toEqual(['e-third_party', 'e-purchaser', 'e-community', 'e-service_users']);
    });

    it('scales the weights of the kinds present up to 1 when a kind has no assessment, and names it', () => {
      const judged = score([by('third_party', 80), by('purchaser', 90), by('service_users', 100)]);
      // (0.6 × 80 + 0.2 × 90 + 0.1 × 100) / 0.9
      expect(judged).toMatchObject({ score: 84.44, missingKinds: ['community'] });
      expect(judged.components[0].appliedWeight).toBe(0.6667);
    });

    it('has no score without a third-party assessment, whatever the others say', () => {
      expect(score([by('purchaser', 90), by('community', 90)])).toMatchObject({ score: null, components: [], missingKinds: ['third_party', 'purchaser', 'community', 'service_users'] });
    });

    it("leaves out another kind's assessment of a period the third-party one does not cover", () => {
      const lastYear = { kind: 'annual' as const, from: '2025-01-01', to: '2025-12-31' };
      const judged = score([by('third_party', 80), by('purchaser', 20, lastYear)]);
      expect(judged).toMatchObject({ score: 80, missingKinds: ['purchaser', 'community', 'service_users'] });
    });
  });
});
