import { mustNotBeInFuture, refuse } from '@sws/kernel';
import { AssessmentPeriod, OpenAssessment, StartAssessment } from './assessment-events';
import { checkStationOpen } from './station-open';

function overlaps(a: AssessmentPeriod, b: AssessmentPeriod): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * SPEC "Independence": an organization may not assess a station of a contract it operates or
 * whose operator it has declared an affiliation with (either side's declaration counts).
 */
function checkIndependence({ data, facts }: StartAssessment, operatorOrgId: string): void {
  const affiliated = facts.evaluator?.affiliatedOrgIds.includes(operatorOrgId) ?? false;
  if (data.evaluatorOrgId === operatorOrgId || affiliated) {
    refuse(
      'CONFLICT_OF_INTEREST',
      data.evaluatorOrgId === operatorOrgId
        ? `organization ${data.evaluatorOrgId} operates contract ${data.contractId} and cannot assess its stations`
        : `organization ${data.evaluatorOrgId} has a declared affiliation with ${operatorOrgId}, the operator of contract ${data.contractId}`,
      { evaluatorOrgId: data.evaluatorOrgId, operatorOrgId, contractId: data.contractId },
    );
  }
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

/** One open assessment per station, period and assessor kind; overlapping periods of a kind are the same period. */
function checkNoneOpen({ data }: StartAssessment, open: readonly OpenAssessment[]): void {
  const clash = open.find(
    (o) =>
      o.assessmentId !== data.assessmentId &&
      o.assessorKind === data.assessorKind &&
      o.period.kind === data.period.kind &&
      overlaps(o.period, data.period),
  );
  if (clash) {
    refuse(
      'ASSESSMENT_ALREADY_OPEN',
      `assessment ${clash.assessmentId} of station ${data.stationId} for the ${clash.period.kind} period ` +
        `${clash.period.from} to ${clash.period.to} is still open`,
      { assessmentId: clash.assessmentId, period: clash.period, assessorKind: clash.assessorKind },
    );
  }
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
  checkIndependence(command, contract.operatorOrgId);
  checkAssessor(command, contract.purchaserOrgId);
  checkNoneOpen(command, facts.openAssessments);
  return { definition: facts.rubric.definition, operatorOrgId: contract.operatorOrgId, purchaserOrgId: contract.purchaserOrgId };
}
