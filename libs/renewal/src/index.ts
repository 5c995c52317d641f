// The renewal library's public surface.
export * from './shared/kinds';
export { formatScore, formatShare, roundScore, roundShare } from './shared/figures';
export * from './policy/renewal-policy';
export * from './policy/policy-in-force';
export * from './eligibility/eligibility';
export * from './eligibility/station-score';
export * from './eligibility/judge-eligibility';
export * from './eligibility/reason-text-zh';
export * from './eligibility/eligibility-figures';
export * from './review/decision-table';
export * from './review/decision-terms';
export * from './review/renewal-review';
export * from './review/contract-review-ledger';
export * from './read-models/rectification-status';
export * from './read-models/renewal-reviews.projection';
export * from './read-models/renewal-policies.projection';
export * from './event-types';
