import { CalendarDate } from '@sws/kernel';
import { Position } from '@sws/event-store';
import { AssessmentPeriod, AssessmentScores, AssessorKind, countingOf, periodOrder } from '@sws/assessment';
import { lastDay } from '@sws/stations-contracts';
import { DECISION_ZH, RECTIFICATION_STATUS_ZH, rectificationStatus, rectificationsBinding } from '@sws/renewal';
import { ContractFigures } from '../contract-figures';
import { ExplainedJudgement } from '../get-renewal-eligibility/get-renewal-eligibility.handler';

/** Names the dossier prints instead of ids. */
export interface DossierNames {
  readonly organizations: Readonly<Record<string, string>>;
  readonly stations: Readonly<Record<string, string>>;
  readonly workers: Readonly<Record<string, string>>;
}

const unique = (ids: Iterable<string>) => [...new Set(ids)];

/**
 * Everything a reviewer needs about one contract in one document: eligibility and its reasons,
 * scores by station and period with every revision, staffing, supervision and training
 * compliance, service output against targets, satisfaction, rectifications and past decisions.
 * Every figure carries the ids of the events it came from (`sourceEventIds`), so any number in
 * it can be followed to the audit trail (`GET /streams/{stream}/events`).
 */
export function renewalDossier(input: {
  readonly figures: ContractFigures;
  readonly eligibility: ExplainedJudgement;
  readonly names: DossierNames;
  readonly generatedAt: string;
  readonly position: Position | null;
}) {
  const { figures, eligibility, names } = input;
  const { contract, staffing, performance, asOf } = figures;
  const stationName = (id: string) => names.stations[id] ?? id;
  const worker = <T extends { socialWorkerId: string }>(row: T) => ({ ...row, name: names.workers[row.socialWorkerId] ?? null });
  const rectifications = rectificationsBinding(contract.id, figures.reviews, figures.predecessorReviews).map((r) => {
    const status = rectificationStatus(r, asOf);
    return { ...r, status, statusZh: RECTIFICATION_STATUS_ZH[status] };
  });
  return {
    generatedAt: input.generatedAt,
    asOf,
    position: input.position,
    contract: {
      id: contract.id,
      purchaser: { id: contract.purchaserOrgId, name: names.organizations[contract.purchaserOrgId] ?? null },
      operator: { id: contract.operatorOrgId, name: names.organizations[contract.operatorOrgId] ?? null },
      stations: contract.stationIds.map((id) => ({ id, name: names.stations[id] ?? null })),
      term: contract.term,
      lastDay: lastDay(contract.term, contract.terminated?.effectiveOn ?? null),
      terminated: contract.terminated,
      budget: contract.budget,
      /** In force on the date judged. */
      requirements: contract.requirements,
      /** From each day they took effect: the award's, then each amendment's. */
      requirementsInForce: contract.requirementsInForce,
      predecessorContractId: contract.predecessorContractId,
      sourceEventIds: [contract.awardEventId],
    },
    eligibility,
    scores: contract.stationIds.map((stationId) => ({
      stationId,
      name: stationName(stationId),
      counting: countingFor(eligibility, stationId),
      periods: periodsScored(figures.scored.filter((a) => a.stationId === stationId)),
    })),
    staffing: { minimumPerStation: contract.requirements.minWorkersPerStation, ...staffing },
    /** Stations that closed during the contract: counted for staffing only while open, and needing no annual assessment. */
    stationClosures: figures.closures.map((c) => ({ ...c, name: stationName(c.stationId), sourceEventIds: [c.eventId] })),
    supervision: { ...performance.supervision, perWorker: performance.supervision.perWorker.map(worker) },
    training: { ...performance.training, perWorker: performance.training.perWorker.map(worker) },
    serviceOutput: {
      year: performance.year,
      ...performance.serviceOutput,
      stations: performance.stations.map((s) => ({ ...s, name: stationName(s.stationId) })),
      sourceEventIds: unique(performance.stations.flatMap((s) => s.eventIds)),
    },
    administrativeShare: performance.administrativeShare,
    satisfaction: performance.satisfaction,
    rectifications,
    decisions: [...(figures.predecessorReviews?.reviews ?? []), ...(figures.reviews?.reviews ?? [])]
      .filter((review) => review.decision !== null)
      .map((review) => {
        const d = review.decision!;
        return {
          reviewId: review.reviewId,
          asOf: review.asOf,
          decision: d.decision,
          decisionZh: DECISION_ZH[d.decision],
          justification: d.justification,
          decidedOn: d.decidedOn,
          recordedAt: d.recordedAt,
          eligibilityStatus: d.eligibilityStatus,
          /** Flagged in every report: the decision went against the eligibility computed for it. */
          against: d.against,
          overridesEligibility: d.overridesEligibility,
          successorContractId: d.successor?.contractId ?? null,
          sourceEventIds: [review.eventId, d.eventId],
        };
      }),
  };
}

export type RenewalDossier = ReturnType<typeof renewalDossier>;

/**
 * The third-party assessment the station's score rests on, as the judgement chose it (the kernel's
 * one rule, `latestCounting`, which the scorecard applies too); null when none counts.
 */
function countingFor(eligibility: ExplainedJudgement, stationId: string) {
  const component = eligibility.stations.find((s) => s.stationId === stationId)?.components.find((c) => c.assessorKind === 'third_party');
  return component ? { assessmentId: component.assessmentId, period: component.period, total: component.score, grade: component.grade } : null;
}

/** A period's assessments in the order they were finalized, and in the same millisecond by id. */
function inFinalizationOrder(assessments: readonly AssessmentScores[]): AssessmentScores[] {
  const keyed = assessments.map((a) => ({ at: Date.parse(a.finalized!.recordedAt), a }));
  return keyed.sort((x, y) => x.at - y.at || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0)).map(({ a }) => a);
}

/**
 * A station's periods scored under this contract, from its finalized assessments: ordered as its
 * scorecard orders them, each with every revision of every assessment (in the order they were
 * finalized), annulled ones marked with their reason, and the one that counts.
 */
function periodsScored(scored: readonly AssessmentScores[]) {
  const periods = new Map<string, { period: AssessmentPeriod; assessorKind: AssessorKind; assessments: AssessmentScores[] }>();
  for (const a of scored) {
    const key = periodOrder(a.period, a.assessorKind);
    const entry = periods.get(key) ?? { period: a.period, assessorKind: a.assessorKind, assessments: [] };
    entry.assessments.push(a);
    periods.set(key, entry);
  }
  return [...periods.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { period, assessorKind, assessments: unordered }]) => {
      const assessments = inFinalizationOrder(unordered);
      const counting = countingOf(
        period,
        assessments.map((a) => ({ assessmentId: a.id, finalizedAt: a.finalized!.recordedAt, annulled: a.annulled, revisions: a.revisions })),
      );
      const latest = counting && counting.revisions[counting.revisions.length - 1];
      return {
        period,
        assessorKind,
        current: counting && { assessmentId: counting.assessmentId, revision: latest!.revision, total: latest!.total, grade: latest!.grade },
        assessments: assessments.map((a) => ({
          assessmentId: a.id,
          evaluatorOrgId: a.evaluatorOrgId,
          rubric: `${a.rubricCode} v${a.rubricVersion}`,
          revisions: a.revisions,
          annulled: a.annulled,
        })),
        sourceEventIds: assessments.flatMap((a) => [...a.revisions.map((r) => r.eventId), ...(a.annulled ? [a.annulled.eventId] : [])]),
      };
    });
}

export function dossierDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
