import { refuse } from '@sws/kernel';
import { AssessmentRef, IndependenceFacts } from './assessment-events';

/**
 * SPEC "Independence": an organization may not assess a station of a contract it operates or
 * whose operator it is affiliated with (either side's declaration counts), at any step of the
 * assessment's life: starting, scoring, submitting, finalizing or amending it.
 */
export function mustBeIndependent(ref: Pick<AssessmentRef, 'evaluatorOrgId' | 'contractId'>, operatorOrgId: string, facts: IndependenceFacts): void {
  const { evaluatorOrgId, contractId } = ref;
  const operates = evaluatorOrgId === operatorOrgId;
  if (!operates && !facts.affiliatedOrgIds.includes(operatorOrgId)) return;
  refuse(
    'CONFLICT_OF_INTEREST',
    operates
      ? `organization ${evaluatorOrgId} operates contract ${contractId} and cannot assess its stations`
      : `organization ${evaluatorOrgId} has a declared affiliation with ${operatorOrgId}, the operator of contract ${contractId}`,
    { evaluatorOrgId, operatorOrgId, contractId },
  );
}
