import { Decision, EligibilityStatus } from '../shared/kinds';

/**
 * Which decisions go against which computed eligibility (SPEC "Decision"). Renewing needs an
 * eligible contract; renewing with conditions is what a conditional contract is for; declining
 * goes against only a contract that earned renewal.
 */
export const DECISION_AGAINST: Readonly<Record<Decision, readonly EligibilityStatus[]>> = {
  renew: ['conditional', 'ineligible', 'insufficient_data'],
  renew_with_conditions: ['ineligible', 'insufficient_data'],
  do_not_renew: ['eligible'],
};

export function goesAgainst(decision: Decision, status: EligibilityStatus): boolean {
  return DECISION_AGAINST[decision].includes(status);
}
