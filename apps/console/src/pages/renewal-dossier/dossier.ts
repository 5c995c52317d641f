import type { EligibilityJudgement, EligibilityReason } from '../../api/read-models';

/**
 * The renewal dossier as GET /contracts/{id}/renewal-dossier answers it: the eligibility judgement
 * (a domain type) and the figures composed around it. Only the parts the page shows are named.
 */
export interface Dossier {
  readonly asOf: string;
  readonly contract: {
    readonly id: string;
    readonly purchaser: { readonly id: string; readonly name: string };
    readonly operator: { readonly id: string; readonly name: string };
    readonly stations: ReadonlyArray<{ readonly id: string; readonly name: string }>;
    readonly term: { readonly start: string; readonly end: string };
    readonly budget: { readonly totalCny: number; readonly sources: ReadonlyArray<{ readonly kind: string; readonly amountCny: number }> };
  };
  readonly eligibility: EligibilityJudgement & { readonly reasons: ReadonlyArray<EligibilityReason & { readonly messageZh?: string }> };
  readonly scores: ReadonlyArray<{
    readonly stationId: string;
    readonly name: string;
    readonly periods: ReadonlyArray<{
      readonly period: { readonly kind: string; readonly from: string; readonly to: string };
      readonly assessorKind: string;
      readonly current: { readonly assessmentId: string; readonly revision: number; readonly total: number; readonly grade: string } | null;
    }>;
  }>;
  readonly staffing: { readonly share: number | null; readonly days: number; readonly compliantDays: number; readonly minimumPerStation: number };
  readonly supervision: Compliance;
  readonly training: Compliance;
  readonly serviceOutput: Record<'cases' | 'groups' | 'communityActivities', Target>;
  readonly administrativeShare: { readonly share: number | null };
  readonly satisfaction: { readonly share: number | null };
  readonly decisions: ReadonlyArray<{ readonly decision: string; readonly justification: string; readonly decidedOn: string; readonly against: boolean }>;
}

interface Compliance {
  readonly workers: number;
  readonly meeting: number;
  readonly share: number | null;
  readonly perWorker: ReadonlyArray<{ readonly socialWorkerId: string; readonly name: string; readonly requiredMinutes: number; readonly actualMinutes: number; readonly met: boolean; readonly meeting: boolean }>;
}

interface Target {
  readonly annualTarget: number;
  readonly expectedToDate: number;
  readonly actual: number;
}

/** A contract's reviews as GET /contracts/{id}/renewal-reviews answers them. */
export interface ContractReviews {
  readonly reviews: ReadonlyArray<{ readonly reviewId: string; readonly asOf: string; readonly decision: { readonly decision: string; readonly against: boolean; readonly justification: string } | null; readonly rectificationId: string | null }>;
  readonly rectifications: ReadonlyArray<{ readonly rectificationId: string; readonly reviewId: string; readonly items: readonly string[]; readonly deadline: string; readonly status: string; readonly statusZh: string }>;
}

/** Where a reason's source records are: the station's scorecard or the assessment, when it names one. */
export function reasonLink(reason: EligibilityReason, judgement: EligibilityJudgement): string | null {
  if (reason.stationId) return `/stations/${reason.stationId}/scorecard`;
  const assessment = judgement.stations.flatMap((s) => s.components).find((c) => reason.sourceEventIds.some((id) => c.sourceEventIds.includes(id)));
  return assessment ? `/assessments/${assessment.assessmentId}` : null;
}
