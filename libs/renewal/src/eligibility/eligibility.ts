import { CalendarDate } from '@sws/kernel';
import { RenewalThresholds } from '../policy/renewal-policy';
import { Rectification, RectificationStatus } from '../read-models/rectification-status';
import { AssessorKind, EligibilityStatus, PeriodKind } from '../shared/kinds';

/** A declared affiliation of an assessment's evaluator organization with the contract's operator (either side's). */
export interface EvaluatorAffiliation {
  readonly eventId: string;
  /** The day it was declared (China time): it flags the assessment from that day on. */
  readonly declaredOn: CalendarDate;
}

/** A finalized assessment of a station under the judged contract, not annulled, at its latest revision. */
export interface AssessmentInput {
  readonly assessmentId: string;
  readonly assessorKind: AssessorKind;
  readonly period: { readonly kind: PeriodKind; readonly from: CalendarDate; readonly to: CalendarDate };
  /** The business date of its finalization: it counts from that day. */
  readonly finalizedOn: CalendarDate;
  /** The moment its finalization was recorded: what orders two assessments of the same days (see `latestCounting`). */
  readonly finalizedAt: string;
  readonly evaluatorOrgId: string;
  /** The evaluator's declared affiliations with the operator, known to the judgement: each flags the assessment. */
  readonly affiliationsWithOperator: readonly EvaluatorAffiliation[];
  /** The total normalized to 100 points. */
  readonly score: number;
  readonly grade: string;
  /** The events the score came from: start, scoring, finalization and the amendments of this revision. */
  readonly sourceEventIds: readonly string[];
}

export interface StationInput {
  readonly stationId: string;
  /** Every finalized assessment; the judgement picks those that count on its date. */
  readonly assessments: readonly AssessmentInput[];
}

/** Days on which every station of the contract met its minimum, out of the days counted. */
export interface StaffingInput {
  readonly days: number;
  readonly compliantDays: number;
  readonly sourceEventIds: readonly string[];
}

/** The contract's workers, and how many of them met the yearly requirement in attested (or credited) hours. */
export interface WorkerComplianceInput {
  readonly workers: number;
  readonly meeting: number;
  readonly sourceEventIds: readonly string[];
}

/** A station of the contract that closed by the judged date, during the contract: `closedOn` is its first closed day. */
export interface ClosureInput {
  readonly stationId: string;
  readonly closedOn: CalendarDate;
  /** The StationClosed event. */
  readonly eventId: string;
}

export interface EligibilityInputs {
  readonly contractId: string;
  readonly stations: readonly StationInput[];
  /** Absent: none closed. */
  readonly closures?: readonly ClosureInput[];
  /** Null (or no day counted) when there is nothing to judge yet: then it is no reason either way. */
  readonly staffing: StaffingInput | null;
  /** Null (or no worker) when the contract has no workers. */
  readonly supervision: WorkerComplianceInput | null;
  readonly training: WorkerComplianceInput | null;
  readonly rectifications: readonly Rectification[];
}

export interface ScoreComponent {
  readonly assessorKind: AssessorKind;
  /** The policy's weight, and the weight applied once absent kinds are left out. */
  readonly weight: number;
  readonly appliedWeight: number;
  readonly assessmentId: string;
  readonly period: AssessmentInput['period'];
  readonly score: number;
  readonly grade: string;
  readonly sourceEventIds: readonly string[];
}

export interface StationJudgement {
  readonly stationId: string;
  /** The composite as shown (two decimals, never rounded up onto the pass mark); null when no third-party assessment counts. */
  readonly score: number | null;
  readonly components: readonly ScoreComponent[];
  /** Weighted kinds with no assessment for the period: their weight went to the others. */
  readonly missingKinds: readonly AssessorKind[];
  readonly sourceEventIds: readonly string[];
}

/**
 * A station that closed during the contract. One closed with no counting assessment is left out:
 * it needs none, and is not part of the contract's score. One with a counting assessment (it was
 * assessed while open) still counts like any other.
 */
export interface ClosedStationJudgement extends ClosureInput {
  readonly counted: boolean;
}

export interface ComplianceFigure {
  /** As shown: to a hundredth of a percent, never rounded up onto the threshold; null when there is nothing to count. */
  readonly share: number | null;
  readonly threshold: number;
  readonly met: boolean | null;
  /** Compliant days or workers meeting the requirement, out of `of`. */
  readonly counted: number;
  readonly of: number;
  readonly sourceEventIds: readonly string[];
}

export type ReasonCode =
  | 'NO_STATIONS'
  | 'ALL_STATIONS_CLOSED'
  | 'NO_COUNTING_ASSESSMENT'
  | 'CONTRACT_SCORE_BELOW_PASS'
  | 'CONTRACT_SCORE_BELOW_GOOD'
  | 'STATION_SCORE_BELOW_PASS'
  | 'STAFFING_BELOW_THRESHOLD'
  | 'SUPERVISION_BELOW_THRESHOLD'
  | 'TRAINING_BELOW_THRESHOLD'
  | 'RECTIFICATION_OVERDUE'
  | 'RECTIFICATION_FAILED'
  | 'EVALUATOR_CONFLICT_OF_INTEREST';

export interface EligibilityReason {
  readonly code: ReasonCode;
  /** The best status this reason leaves the contract. */
  readonly effect: Exclude<EligibilityStatus, 'eligible'>;
  readonly message: string;
  readonly figure: number | null;
  readonly threshold: number | null;
  readonly stationId: string | null;
  readonly rectificationId: string | null;
  /** Only on EVALUATOR_CONFLICT_OF_INTEREST: the assessment flagged. */
  readonly assessmentId?: string;
  readonly sourceEventIds: readonly string[];
}

export interface RectificationJudgement {
  readonly rectificationId: string;
  readonly reviewId: string;
  readonly deadline: CalendarDate;
  readonly status: RectificationStatus;
  readonly sourceEventIds: readonly string[];
}

export interface EligibilityJudgement {
  readonly contractId: string;
  readonly asOf: CalendarDate;
  readonly policyVersion: number;
  /** The thresholds of that version, so a stored snapshot explains itself. */
  readonly thresholds: RenewalThresholds;
  readonly status: EligibilityStatus;
  /**
   * The mean of the stations' exact scores as shown (two decimals, never rounded up onto a
   * threshold it lies below); null unless every station that counts has one.
   */
  readonly contractScore: number | null;
  readonly stations: readonly StationJudgement[];
  readonly closedStations: readonly ClosedStationJudgement[];
  readonly staffing: ComplianceFigure;
  readonly supervision: ComplianceFigure;
  readonly training: ComplianceFigure;
  readonly rectifications: readonly RectificationJudgement[];
  /** Every reason that applies, not only the one that set the status. */
  readonly reasons: readonly EligibilityReason[];
}
