import { mustNotBeInFuture, refuse } from '@sws/kernel';
import { AssessmentPeriod, AssessmentRef, StartAssessment, StationAssessment } from './assessment-events';
import { mustBeIndependent } from './independence';
import { checkStationOpen } from './station-open';

function overlaps(a: AssessmentPeriod, b: AssessmentPeriod): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Third-party assessments need an evaluation organization, purchaser ones the contract's purchaser. */
function checkAssessor({ data, facts }: StartAssessment, purchaserOrgId: string): void {
  const evaluator = facts.evaluator!;
  if (data.assessorKind === 'purchaser') {
    if (data.evaluatorOrgId !== purchaserOrgId) {
      refuse('NOT_THE_PURCHASER', `a purchaser assessment is made by ${purchaserOrgId}, the contract's purchaser, not ${data.evaluatorOrgId}`, {
        evaluatorOrgId: data.evaluatorOrgId,
        purchaserOrgId,
      });
    }
    return;
  }
  const allowed = data.assessorKind === 'third_party' ? ['evaluator'] : ['evaluator', 'purchaser'];
  if (!allowed.includes(evaluator.kind)) {
    refuse('NOT_AN_EVALUATOR', `organization ${data.evaluatorOrgId} is a ${evaluator.kind} and cannot make a ${data.assessorKind} assessment`, {
      evaluatorOrgId: data.evaluatorOrgId,
      kind: evaluator.kind,
      assessorKind: data.assessorKind,
    });
  }
}

/**
 * One assessment per station, period and assessor kind, overlapping periods of a kind being the
 * same period: none may start while another is open, nor once one is finalized. A finalized one
 * changes only by amendment; only its annulment (or a withdrawal, before finalization) frees the period.
 */
export function checkPeriodFree(data: Pick<AssessmentRef, 'assessmentId' | 'stationId' | 'period' | 'assessorKind'>, held: readonly StationAssessment[]): void {
  const clash = held.find(
    (o) =>
      o.assessmentId !== data.assessmentId &&
      o.assessorKind === data.assessorKind &&
      o.period.kind === data.period.kind &&
      overlaps(o.period, data.period),
  );
  if (!clash) return;
  const { assessmentId, period, assessorKind } = clash;
  const which = `assessment ${assessmentId} of station ${data.stationId} for the ${period.kind} period ${period.from} to ${period.to}`;
  if (clash.status === 'finalized') {
    refuse('ASSESSMENT_ALREADY_FINALIZED', `${which} is finalized; amend it (POST /assessments/${assessmentId}/amendments) instead of assessing the period again`, {
      assessmentId,
      period,
      assessorKind,
    });
  }
  refuse('ASSESSMENT_ALREADY_OPEN', `${which} is still open`, { assessmentId, period, assessorKind });
}

/** Everything StartAssessment checks against the facts the handler gathered, in the order a person would fix them. */
export function checkStart(command: StartAssessment) {
  const { data, facts } = command;
  const { rubricCode, rubricVersion, period } = data;
  if (facts.rubric === null) refuse('RUBRIC_NOT_FOUND', `version ${rubricVersion} of rubric ${rubricCode} is not published`);
  if (facts.rubric.retired) {
    refuse('RUBRIC_RETIRED', `version ${rubricVersion} of rubric ${rubricCode} is retired and starts no new assessment`, {
      rubricCode,
      rubricVersion,
    });
  }
  const contract = facts.contract;
  if (contract === null) refuse('CONTRACT_NOT_FOUND', `contract ${data.contractId} does not exist`, { contractId: data.contractId });
  if (!contract.stationIds.includes(data.stationId)) {
    refuse('STATION_NOT_IN_CONTRACT', `station ${data.stationId} is not one of contract ${data.contractId}'s stations`, {
      stationId: data.stationId,
      contractId: data.contractId,
    });
  }
  if (period.to < period.from) {
    refuse('PERIOD_ENDS_BEFORE_START', `the period ends ${period.to}, before it starts ${period.from}`, { field: 'period', period });
  }
  mustNotBeInFuture('period.from', period.from, command);
  if (period.from < contract.term.start || period.to > contract.term.end) {
    const term = `${contract.term.start} to ${contract.term.end}`;
    refuse('OUTSIDE_CONTRACT_TERM', `the period ${period.from} to ${period.to} lies outside the contract's term ${term}`, {
      field: 'period',
      period,
      term: contract.term,
    });
  }
  checkStationOpen(command);
  if (facts.evaluator === null) {
    refuse('ORGANIZATION_NOT_FOUND', `organization ${data.evaluatorOrgId} is not registered`, { organizationId: data.evaluatorOrgId });
  }
  mustBeIndependent(data, contract.operatorOrgId, facts.evaluator);
  checkAssessor(command, contract.purchaserOrgId);
  checkPeriodFree(data, facts.stationAssessments);
  return { definition: facts.rubric.definition, operatorOrgId: contract.operatorOrgId, purchaserOrgId: contract.purchaserOrgId };
}
