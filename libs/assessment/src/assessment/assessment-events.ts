import { CalendarDate, Command, DomainEvent } from '@sws/kernel';
import { Grade, RubricDefinition, RubricScale, RubricSnapshot } from '../rubric/rubric-definition';
import { DimensionScore } from '../scoring/score-assessment';

export const PERIOD_KINDS = ['monthly', 'midterm', 'annual', 'final'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const ASSESSOR_KINDS = ['third_party', 'purchaser', 'community', 'service_users'] as const;
export type AssessorKind = (typeof ASSESSOR_KINDS)[number];
/** As the stations context names organization kinds; repeated here because contexts do not import each other. */
export type OrganizationKind = 'operator' | 'evaluator' | 'purchaser';

export interface AssessmentPeriod {
  readonly kind: PeriodKind;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

/** What every assessment event says about the record it concerns, so read models need look nowhere else. */
export interface AssessmentRef {
  readonly assessmentId: string;
  readonly evaluatorOrgId: string;
  readonly contractId: string;
  readonly stationId: string;
  readonly period: AssessmentPeriod;
  readonly assessorKind: AssessorKind;
  readonly rubricCode: string;
  readonly rubricVersion: number;
}

export interface ItemScore {
  readonly itemCode: string;
  readonly points: number;
  readonly evidence: string;
}

/** A computed score as events carry it: revision 1 at submission and finalization, 2, 3, … by amendment. */
export interface AssessmentScore {
  readonly revision: number;
  readonly scale: RubricScale;
  readonly rawTotal: number;
  readonly total: number;
  readonly grade: Grade;
  readonly dimensions: readonly DimensionScore[];
}

/** The contract's operator and purchaser ride along: who may respond, and who else is party to the record. */
export type AssessmentStarted = DomainEvent<
  'AssessmentStarted',
  AssessmentRef & { operatorOrgId: string; purchaserOrgId: string; rubric: RubricSnapshot }
>;
export type AssessmentItemsScored = DomainEvent<'AssessmentItemsScored', AssessmentRef & { scores: readonly ItemScore[] }>;
export type AssessmentSubmitted = DomainEvent<
  'AssessmentSubmitted',
  AssessmentRef & {
    findings: string;
    recommendations: string;
    wouldRecommend: boolean;
    submittedOn: CalendarDate;
    /** The last day the operator may respond. */
    responseDueOn: CalendarDate;
    score: AssessmentScore;
  }
>;
export type AssessmentResponded = DomainEvent<
  'AssessmentResponded',
  AssessmentRef & { operatorOrgId: string; comment: string; agrees: boolean; respondedOn: CalendarDate }
>;
export type AssessmentFinalized = DomainEvent<
  'AssessmentFinalized',
  AssessmentRef & { score: AssessmentScore; responded: boolean; finalizedOn: CalendarDate }
>;
export type AssessmentAmended = DomainEvent<
  'AssessmentAmended',
  AssessmentRef & {
    /** The items the amendment changes, with their new points and evidence. */
    scores: readonly ItemScore[];
    reason: string;
    /** What the amended items held before, for the audit trail. */
    previous: ReadonlyArray<{ readonly itemCode: string; readonly points: number; readonly evidence: string }>;
    score: AssessmentScore;
  }
>;
export type AssessmentWithdrawn = DomainEvent<
  'AssessmentWithdrawn',
  AssessmentRef & { reason: string; previousStatus: 'draft' | 'submitted' }
>;
/**
 * The guidance centre declares a finalized assessment void (e.g. its evaluator was found
 * conflicted after finalization): it never counts again, and its history stays readable.
 */
export type AssessmentAnnulled = DomainEvent<
  'AssessmentAnnulled',
  AssessmentRef & {
    reason: string;
    /** The revision that counted until now. */
    revision: number;
  }
>;
export type AssessmentEvent =
  | AssessmentStarted
  | AssessmentItemsScored
  | AssessmentSubmitted
  | AssessmentResponded
  | AssessmentFinalized
  | AssessmentAmended
  | AssessmentWithdrawn
  | AssessmentAnnulled;

/**
 * An assessment of the same station that holds its period, as the handler found it: still open
 * (draft or submitted), or finalized and counting (not withdrawn, not annulled).
 */
export interface StationAssessment {
  readonly assessmentId: string;
  readonly period: AssessmentPeriod;
  readonly assessorKind: AssessorKind;
  readonly status: 'draft' | 'submitted' | 'finalized';
}

/** The organizations the evaluator organization is affiliated with, declared by either side, as the handler found them. */
export interface IndependenceFacts {
  readonly affiliatedOrgIds: readonly string[];
}

export interface StartAssessmentFacts {
  /** The rubric version named, or null when it is not published. */
  readonly rubric: { readonly definition: RubricDefinition; readonly retired: boolean } | null;
  /** The contract, its term ending on the last day it runs (the day before a termination took effect). */
  readonly contract: {
    readonly operatorOrgId: string;
    readonly purchaserOrgId: string;
    readonly stationIds: readonly string[];
    readonly term: { readonly start: CalendarDate; readonly end: CalendarDate };
  } | null;
  /** The evaluator organization and the organizations it is affiliated with, declared from either side. */
  readonly evaluator: ({ readonly kind: OrganizationKind } & IndependenceFacts) | null;
  /** The station's open and counting assessments. */
  readonly stationAssessments: readonly StationAssessment[];
  /** The station's first closed day; absent or null while it is open. */
  readonly stationClosedOn?: CalendarDate | null;
}

export type StartAssessment = Command<'StartAssessment', AssessmentRef> & { readonly facts: StartAssessmentFacts };
/** The commands that make or change what an assessment says carry the evaluator's independence facts. */
type Independent = { readonly facts: IndependenceFacts };
export type ScoreAssessmentItems = Command<'ScoreAssessmentItems', { assessmentId: string; scores: readonly ItemScore[] }> & Independent;
export type SubmitAssessment = Command<
  'SubmitAssessment',
  { assessmentId: string; findings: string; recommendations: string; wouldRecommend: boolean }
> &
  Independent;
export type RespondToAssessment = Command<'RespondToAssessment', { assessmentId: string; comment: string; agrees: boolean }>;
export type FinalizeAssessment = Command<'FinalizeAssessment', { assessmentId: string }> & Independent;
export type AmendAssessment = Command<'AmendAssessment', { assessmentId: string; scores: readonly ItemScore[]; reason: string }> & Independent;
export type WithdrawAssessment = Command<'WithdrawAssessment', { assessmentId: string; reason: string }>;
export type AnnulAssessment = Command<'AnnulAssessment', { assessmentId: string; reason: string }>;
export type AssessmentCommand =
  | StartAssessment
  | ScoreAssessmentItems
  | SubmitAssessment
  | RespondToAssessment
  | FinalizeAssessment
  | AmendAssessment
  | WithdrawAssessment
  | AnnulAssessment;
