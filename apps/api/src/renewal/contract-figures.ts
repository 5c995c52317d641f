import { CalendarDate, minDate } from '@sws/kernel';
import { AssessmentScores, assessmentScoresId, assessmentScoresProjection } from '@sws/assessment';
import {
  closedFrom,
  closuresBy,
  ContractDetail,
  inForceOn,
  lastDay,
  OrganizationDetail,
  SocialWorkerDetail,
  StationClosure,
  StationDetail,
  staffingCompliance,
  StaffingCompliance,
} from '@sws/stations-contracts';
import {
  contractIdsForLedger,
  ContractStreams,
  contractStreamsId,
  contractStreamsProjection,
  ContractPerformance,
  contractPerformance,
  performanceSources,
  serviceOutputEntries,
  ServiceOutputYear,
  serviceOutputYearProjection,
  WorkerYearPart,
  workerYearOf,
  workerYearProjection,
} from '@sws/reporting';
import {
  AssessmentInput,
  EligibilityInputs,
  EvaluatorAffiliation,
  PublishedPolicy,
  policyVersions,
  RenewalPolicies,
  RenewalReviews,
  rectificationsBinding,
} from '@sws/renewal';
import { DocumentSource } from '../infrastructure/document-source';

/** Everything a renewal judgement and the dossier read about a contract on a date. */
export interface ContractFigures {
  /** Its `requirements` are those in force on the date (or on its last day, once it has ended). */
  readonly contract: ContractDetail;
  readonly asOf: CalendarDate;
  /** Its stations that closed by the date and by its last day. */
  readonly closures: readonly StationClosure[];
  readonly staffing: StaffingCompliance & { readonly sourceEventIds: readonly string[] };
  readonly performance: ContractPerformance;
  /** Finalized, not withdrawn, not annulled, at their latest revision as the source knows it. */
  readonly assessments: readonly AssessmentScores[];
  /**
   * Every finalized assessment of the contract, annulled ones included, in no particular order:
   * what the dossier lists by station and period, with every revision, so it reads no scorecard of
   * its own.
   */
  readonly scored: readonly AssessmentScores[];
  /** Per evaluator organization of those assessments, its declared affiliations with the contract's operator. */
  readonly evaluatorAffiliations: Readonly<Record<string, readonly EvaluatorAffiliation[]>>;
  readonly reviews: RenewalReviews | null;
  readonly predecessorReviews: RenewalReviews | null;
  readonly policies: readonly PublishedPolicy[];
  /** The names of its stations and of its workers that year, as the documents read give them. */
  readonly names: { readonly stations: Readonly<Record<string, string>>; readonly workers: Readonly<Record<string, string>> };
}

/**
 * The contract's days counted for staffing: from its start to its last day or `asOf`, whichever
 * comes first, each against the minimum in force that day, each station only while it was open.
 */
function staffingOf(contract: ContractDetail, closures: readonly StationClosure[], until: CalendarDate): ContractFigures['staffing'] {
  const figure = staffingCompliance({
    stationIds: contract.stationIds,
    spans: contract.assignments,
    minimums: contract.requirementsInForce,
    closedFrom: closedFrom(closures),
    firstDay: contract.term.start,
    lastDay: until,
  });
  const counted = contract.assignments.filter((a) => a.from <= until);
  const minimums = contract.requirementsInForce.filter((r) => r.from <= until).map((r) => r.eventId);
  return { ...figure, sourceEventIds: [...new Set([contract.awardEventId, ...minimums, ...counted.flatMap((a) => a.eventIds), ...closures.map((c) => c.eventId)])] };
}

const byId = (a: AssessmentScores, b: AssessmentScores) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Gathers a contract's figures from read-model documents: the same composition for the live
 * read models and for read models folded from the past, so both answer alike.
 */
export async function contractFigures(documents: DocumentSource, contractId: string, asOf: CalendarDate): Promise<ContractFigures | null> {
  const detail = await documents.get<ContractDetail>('contract-detail', contractId);
  if (detail === null) return null;
  // Hours are judged per calendar year: a contract judged after it ended is judged on its last year.
  const workedUntil = minDate(asOf, lastDay(detail.term, detail.terminated?.effectiveOn ?? null));
  const contract = inForceOn(detail, workedUntil);
  const sources = performanceSources(contract, workedUntil);
  const [workers, ledgers, outputs, stations] = await Promise.all([
    documents.getMany<SocialWorkerDetail>('social-worker-detail', sources.socialWorkerIds),
    documents.getMany<WorkerYearPart>(workerYearProjection.name, sources.ledgerIds.flat()),
    documents.getMany<ServiceOutputYear>(serviceOutputYearProjection.name, sources.serviceOutputYearIds),
    documents.getMany<StationDetail>('station-detail', contract.stationIds),
  ]);
  const closures = closuresBy(contract.stationIds, stations, workedUntil);
  const otherContractIds = [...new Set([...workers.values()].flatMap((w) => contractIdsForLedger(w, sources.year)))].filter((id) => id !== contractId);
  const otherContracts = await documents.getMany<ContractDetail>('contract-detail', otherContractIds);
  const performance = contractPerformance({
    contract,
    asOf: workedUntil,
    workers: sources.socialWorkerIds.map((socialWorkerId) => ({
      socialWorkerId,
      assignments: workers.get(socialWorkerId)?.assignments ?? contract.assignments.filter((a) => a.socialWorkerId === socialWorkerId),
      year: workerYearOf(socialWorkerId, sources.year, ledgers),
    })),
    contracts: [...otherContracts.values()],
    serviceOutput: [...outputs.values()].flatMap(serviceOutputEntries),
  });
  // The contract's assessments, found through the index of its streams rather than a scan of all.
  const index = await documents.get<ContractStreams>(contractStreamsProjection.name, contractStreamsId(contractId));
  const scoresIds = (index?.assessmentIds ?? []).map((assessmentId) => assessmentScoresId(contractId, assessmentId));
  const ofContract = [...(await documents.getMany<AssessmentScores>(assessmentScoresProjection.name, scoresIds)).values()];
  const assessments = ofContract.filter((a) => a.status === 'finalized' && a.score !== null).sort(byId);
  // Each evaluator's affiliations, found by id in the organization read model (either side's declaration is on both).
  const evaluators = await documents.getMany<OrganizationDetail>('organization-detail', [...new Set(assessments.map((a) => a.evaluatorOrgId))]);
  const evaluatorAffiliations = Object.fromEntries(
    [...evaluators.values()].map((o) => [
      o.id,
      o.affiliations.filter((a) => a.orgId === contract.operatorOrgId).map(({ eventId, declaredOn }) => ({ eventId, declaredOn })),
    ]),
  );
  const [reviews, predecessorReviews, policies] = await Promise.all([
    documents.get<RenewalReviews>('renewal-reviews', contractId),
    contract.predecessorContractId === null ? null : documents.get<RenewalReviews>('renewal-reviews', contract.predecessorContractId),
    documents.get<RenewalPolicies>('renewal-policies', 'all'),
  ]);
  return {
    contract,
    asOf,
    closures,
    staffing: staffingOf(contract, closures, workedUntil),
    performance,
    assessments,
    scored: ofContract.filter((a) => a.finalized !== null),
    evaluatorAffiliations,
    reviews,
    predecessorReviews,
    policies: policyVersions(policies),
    names: {
      stations: Object.fromEntries([...stations.values()].map((s) => [s.id, s.name])),
      workers: Object.fromEntries([...workers.values()].map((w) => [w.id, w.name])),
    },
  };
}

function assessmentInput(detail: AssessmentScores, affiliations: ContractFigures['evaluatorAffiliations']): AssessmentInput {
  return {
    assessmentId: detail.id,
    assessorKind: detail.assessorKind,
    period: detail.period,
    finalizedOn: detail.finalized!.finalizedOn,
    finalizedAt: detail.finalized!.recordedAt,
    evaluatorOrgId: detail.evaluatorOrgId,
    affiliationsWithOperator: affiliations[detail.evaluatorOrgId] ?? [],
    score: detail.score!.total,
    grade: detail.score!.grade,
    sourceEventIds: detail.revisions.map((r) => r.eventId),
  };
}

/** The figures as the renewal judgement takes them. */
export function eligibilityInputs(figures: ContractFigures): EligibilityInputs {
  const { contract, staffing, performance } = figures;
  const workforce = (w: ContractPerformance['supervision']) =>
    w.workers === 0 ? null : { workers: w.workers, meeting: w.meeting, sourceEventIds: w.eventIds };
  return {
    contractId: contract.id,
    stations: contract.stationIds.map((stationId) => ({
      stationId,
      assessments: figures.assessments.filter((a) => a.stationId === stationId).map((a) => assessmentInput(a, figures.evaluatorAffiliations)),
    })),
    staffing: staffing.days === 0 ? null : { days: staffing.days, compliantDays: staffing.compliantDays, sourceEventIds: staffing.sourceEventIds },
    supervision: workforce(performance.supervision),
    training: workforce(performance.training),
    rectifications: rectificationsBinding(contract.id, figures.reviews, figures.predecessorReviews),
    closures: figures.closures.map((c) => ({ stationId: c.stationId, closedOn: c.on, eventId: c.eventId })),
  };
}
