import { CalendarDate, Command, Decider, DomainEvent, mustHaveText, mustNotBeInFuture, refuse, today } from '@sws/kernel';
import { EligibilityJudgement } from '../eligibility/eligibility';
import { Decision, RectificationOutcome } from '../shared/kinds';
import { goesAgainst } from './decision-table';
import { checkConditions, checkSuccessor, Conditions, Successor } from './decision-terms';

export type RenewalReviewOpened = DomainEvent<
  'RenewalReviewOpened',
  { reviewId: string; contractId: string; asOf: CalendarDate; purchaserOrgId: string; operatorOrgId: string }
>;
export type RenewalDecisionRecorded = DomainEvent<
  'RenewalDecisionRecorded',
  {
    reviewId: string;
    contractId: string;
    decision: Decision;
    justification: string;
    /** The judgement the reviewer saw, verbatim. */
    eligibilitySnapshot: EligibilityJudgement;
    overridesEligibility: boolean;
    /** The decision goes against the snapshot's status: every report flags it. */
    against: boolean;
    successor: Successor | null;
    decidedOn: CalendarDate;
  }
>;
type RectificationIds = { reviewId: string; contractId: string; rectificationId: string; successorContractId: string | null };
export type RectificationRequired = DomainEvent<'RectificationRequired', RectificationIds & { items: readonly string[]; deadline: CalendarDate; requiredOn: CalendarDate }>;
export type RectificationReported = DomainEvent<'RectificationReported', RectificationIds & { evidence: string; reportedOn: CalendarDate }>;
export type RectificationClosed = DomainEvent<
  'RectificationClosed',
  RectificationIds & { outcome: RectificationOutcome; comment: string | null; closedOn: CalendarDate }
>;
export type RenewalReviewEvent = RenewalReviewOpened | RenewalDecisionRecorded | RectificationRequired | RectificationReported | RectificationClosed;

/** The reviewed contract as the app found it, and what the renewal-reviews read model says of it. */
export interface ReviewedContractFacts {
  readonly contract: {
    readonly purchaserOrgId: string;
    readonly operatorOrgId: string;
    readonly term: { readonly start: CalendarDate; readonly end: CalendarDate };
    readonly terminatedOn: CalendarDate | null;
  } | null;
  /** A review of the contract still waiting for its decision. */
  readonly openReviewId: string | null;
  /** The successor a renew decision already awarded. */
  readonly successorContractId: string | null;
}

export type OpenRenewalReview = Command<'OpenRenewalReview', { reviewId: string; contractId: string; asOf: CalendarDate }> & {
  readonly facts: ReviewedContractFacts;
};
export type RecordRenewalDecision = Command<
  'RecordRenewalDecision',
  {
    reviewId: string;
    decision: Decision;
    justification: string;
    overridesEligibility?: boolean;
    conditions?: Partial<Conditions>;
    successor?: Successor;
  }
> & { readonly facts: { readonly eligibility: EligibilityJudgement } };
export type ReportRectification = Command<'ReportRectification', { reviewId: string; evidence: string }>;
export type CloseRectification = Command<'CloseRectification', { reviewId: string; outcome: RectificationOutcome; comment?: string }>;
export type RenewalReviewCommand = OpenRenewalReview | RecordRenewalDecision | ReportRectification | CloseRectification;

export type RenewalReviewState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'open' | 'decided';
      readonly reviewId: string;
      readonly contractId: string;
      readonly asOf: CalendarDate;
      readonly purchaserOrgId: string;
      readonly operatorOrgId: string;
      readonly decision: Decision | null;
      readonly successorContractId: string | null;
      readonly rectification: { readonly rectificationId: string; readonly deadline: CalendarDate; readonly closed: boolean } | null;
    };

type Known = Exclude<RenewalReviewState, { status: 'unknown' }>;

/** A contract has one open review at a time, and none once it is renewed. */
export function mustBeTheOnlyReview(contractId: string, others: Pick<ReviewedContractFacts, 'openReviewId' | 'successorContractId'>): void {
  const { openReviewId, successorContractId } = others;
  if (successorContractId !== null) {
    refuse('ALREADY_RENEWED', `contract ${contractId} was renewed already by contract ${successorContractId}`, { successorContractId });
  }
  if (openReviewId !== null) {
    refuse('REVIEW_ALREADY_OPEN', `review ${openReviewId} of contract ${contractId} is still waiting for its decision`, { openReviewId });
  }
}

function open(command: OpenRenewalReview): RenewalReviewEvent[] {
  const { reviewId, contractId, asOf } = command.data;
  const { contract, openReviewId, successorContractId } = command.facts;
  if (contract === null) refuse('CONTRACT_NOT_FOUND', `contract ${contractId} does not exist`, { contractId });
  if (contract.terminatedOn !== null) {
    refuse('CONTRACT_TERMINATED', `contract ${contractId} was terminated on ${contract.terminatedOn}: there is nothing to renew`);
  }
  mustBeTheOnlyReview(contractId, { openReviewId, successorContractId });
  mustNotBeInFuture('asOf', asOf, command);
  if (asOf < contract.term.start) {
    refuse('OUTSIDE_CONTRACT_TERM', `asOf ${asOf} lies before the contract's term starts on ${contract.term.start}`, {
      asOf,
      termStart: contract.term.start,
    });
  }
  const { purchaserOrgId, operatorOrgId } = contract;
  return [{ type: 'RenewalReviewOpened', data: { reviewId, contractId, asOf, purchaserOrgId, operatorOrgId } }];
}

function decideRenewal(command: RecordRenewalDecision, state: Known): RenewalReviewEvent[] {
  if (state.status === 'decided') refuse('ALREADY_DECIDED', `review ${state.reviewId} was decided already: ${state.decision}`);
  const { decision, justification, overridesEligibility = false, conditions, successor } = command.data;
  const eligibility = command.facts.eligibility;
  mustHaveText('JUSTIFICATION_REQUIRED', 'justification', justification, 'a renewal decision needs a justification');
  if (eligibility.contractId !== state.contractId || eligibility.asOf !== state.asOf) {
    const { contractId, asOf } = eligibility;
    refuse('ELIGIBILITY_NOT_FOR_REVIEW', `the eligibility given judges contract ${contractId} as of ${asOf}, not ${state.contractId} as of ${state.asOf}`, {
      given: { contractId, asOf },
      review: { contractId: state.contractId, asOf: state.asOf },
    });
  }
  const against = goesAgainst(decision, eligibility.status);
  if (against && !overridesEligibility) {
    refuse('DECISION_AGAINST_ELIGIBILITY', `${decision} goes against the computed eligibility (${eligibility.status}): say so with overridesEligibility`, {
      decision,
      eligibility: eligibility.status,
    });
  }
  if (!against && overridesEligibility) {
    refuse('NOTHING_TO_OVERRIDE', `${decision} agrees with the computed eligibility (${eligibility.status}): there is nothing to override`, {
      decision,
      eligibility: eligibility.status,
    });
  }
  const required = checkConditions(decision, conditions, today(command));
  const awarded = checkSuccessor(decision, successor);
  const { reviewId, contractId } = state;
  const on = today(command);
  const recorded: RenewalDecisionRecorded = {
    type: 'RenewalDecisionRecorded',
    data: { reviewId, contractId, decision, justification, eligibilitySnapshot: eligibility, overridesEligibility, against, successor: awarded, decidedOn: on },
  };
  if (required === null) return [recorded];
  const successorContractId = awarded?.contractId ?? null;
  return [recorded, { type: 'RectificationRequired', data: { reviewId, contractId, successorContractId, ...required, requiredOn: on } }];
}

function rectificationIds(state: Known): RectificationIds {
  if (state.rectification === null) refuse('NO_RECTIFICATION', `review ${state.reviewId} required no rectification`);
  if (state.rectification.closed) refuse('RECTIFICATION_CLOSED', `rectification ${state.rectification.rectificationId} is closed already`);
  const { reviewId, contractId, successorContractId } = state;
  return { reviewId, contractId, rectificationId: state.rectification.rectificationId, successorContractId };
}

export const renewalReview: Decider<RenewalReviewState, RenewalReviewCommand, RenewalReviewEvent> = {
  initialState: () => ({ status: 'unknown' }),

  evolve(state, event) {
    if (event.type === 'RenewalReviewOpened') {
      return { status: 'open', ...event.data, decision: null, successorContractId: null, rectification: null };
    }
    if (state.status === 'unknown') return state;
    switch (event.type) {
      case 'RenewalDecisionRecorded':
        return { ...state, status: 'decided', decision: event.data.decision, successorContractId: event.data.successor?.contractId ?? null };
      case 'RectificationRequired':
        return { ...state, rectification: { rectificationId: event.data.rectificationId, deadline: event.data.deadline, closed: false } };
      case 'RectificationReported':
        return state;
      case 'RectificationClosed':
        return state.rectification === null ? state : { ...state, rectification: { ...state.rectification, closed: true } };
    }
  },

  decide(command, state) {
    if (command.type === 'OpenRenewalReview') {
      if (state.status !== 'unknown') refuse('ALREADY_REGISTERED', `review ${command.data.reviewId} is open already`);
      return open(command);
    }
    if (state.status === 'unknown') refuse('REVIEW_NOT_FOUND', `review ${command.data.reviewId} does not exist`);
    switch (command.type) {
      case 'RecordRenewalDecision':
        return decideRenewal(command, state);
      case 'ReportRectification': {
        const ids = rectificationIds(state);
        const evidence = command.data.evidence;
        mustHaveText('EVIDENCE_REQUIRED', 'evidence', evidence, 'a rectification report needs evidence of what was done');
        return [{ type: 'RectificationReported', data: { ...ids, evidence, reportedOn: today(command) } }];
      }
      case 'CloseRectification': {
        const ids = rectificationIds(state);
        const { outcome, comment } = command.data;
        return [{ type: 'RectificationClosed', data: { ...ids, outcome, comment: comment ?? null, closedOn: today(command) } }];
      }
    }
  },
};
