/**
 * What the service's read answers carry. The OpenAPI document describes requests (and the
 * console's requests are typed from it); the read answers are the read models' documents, whose
 * types live in the domain libraries: imported here as types only, so a changed read model breaks
 * the console's type check too. Nothing of the libraries is bundled.
 */
export type { ContractDetail, OrganizationDetail, SocialWorkerDetail, StationDetail } from '@sws/stations-contracts';
export type { SupervisorDetail, SupervisionSessionDetail } from '@sws/supervision';
export type { AssessmentDetail, RubricDetail, StationScorecard } from '@sws/assessment';
export type { EligibilityJudgement, EligibilityReason, RenewalReviews } from '@sws/renewal';
export type { RegionRollup, SupervisorWorkload, WorkerLedgerView } from '@sws/reporting';

/** A read: the document and the log position it reflects. */
export interface Read<T> {
  readonly data: T;
  readonly position: string | null;
}

/** A page of a list: pass `next` as `after` for the following page. */
export interface Page<T> {
  readonly data: T[];
  readonly next: string | null;
  readonly position: string | null;
}

/** A write's answer. */
export interface Written {
  readonly id: string;
  readonly revision: number;
  readonly position: string;
}
