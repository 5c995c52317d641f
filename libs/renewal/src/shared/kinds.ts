/** Who scored an assessment (SPEC "Assessment"). */
export const ASSESSOR_KINDS = ['third_party', 'purchaser', 'community', 'service_users'] as const;
export type AssessorKind = (typeof ASSESSOR_KINDS)[number];

export const PERIOD_KINDS = ['monthly', 'midterm', 'annual', 'final'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The periods whose assessments a policy may count for renewal (SPEC "Contract score"). */
export const COUNTABLE_PERIOD_KINDS = ['annual', 'final'] as const;
export type CountablePeriodKind = (typeof COUNTABLE_PERIOD_KINDS)[number];

export const DECISIONS = ['renew', 'renew_with_conditions', 'do_not_renew'] as const;
export type Decision = (typeof DECISIONS)[number];

export const ELIGIBILITY_STATUSES = ['eligible', 'conditional', 'ineligible', 'insufficient_data'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

export const RECTIFICATION_OUTCOMES = ['completed', 'failed'] as const;
export type RectificationOutcome = (typeof RECTIFICATION_OUTCOMES)[number];
