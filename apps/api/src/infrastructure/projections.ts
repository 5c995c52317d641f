import { pendingReservationsProjection, Projection } from '@sws/kernel';
import {
  contractDetailProjection,
  creditCodeIndexProjection,
  organizationDetailProjection,
  socialWorkerDetailProjection,
  serviceOutputProjection,
  stationDetailProjection,
} from '@sws/stations-contracts';
import { supervisionSessionDetailProjection, supervisorDetailProjection } from '@sws/supervision';
import { trainingDetailProjection } from '@sws/training';
import {
  contractStreamLinksProjection,
  contractStreamsProjection,
  regionFiguresProjection,
  regionStationsProjection,
  serviceOutputYearProjection,
  supervisorWorkloadProjection,
  workerLedgerProjection,
  workerYearProjection,
} from '@sws/reporting';
import { renewalPoliciesProjection, renewalReviewsProjection } from '@sws/renewal';
import {
  assessmentDetailProjection,
  assessmentScoresProjection,
  evaluatorConsistencyProjection,
  openAssessmentsProjection,
  rubricDetailProjection,
  rubricVersionsProjection,
  stationScorecardProjection,
} from '@sws/assessment';
import { RESERVATION_LEDGERS, RESERVED_RECORD_TYPES } from './reservations/ledgers';

/**
 * A projection with the top-level fields its lists are narrowed by (see `listScope` and the list
 * queries): the read-model store indexes them and refuses a narrowed list on any other field.
 */
function listedBy<D>(projection: Projection<D>, ...indexes: string[]): Projection<D> {
  return { ...projection, indexes };
}

/** Every read model the service keeps, by name. */
export const PROJECTIONS: readonly Projection<any>[] = [
  organizationDetailProjection,
  creditCodeIndexProjection,
  listedBy(stationDetailProjection, 'parties'),
  listedBy(contractDetailProjection, 'parties', 'purchaserOrgId', 'operatorOrgId'),
  listedBy(socialWorkerDetailProjection, 'parties', 'id'),
  supervisorDetailProjection,
  supervisionSessionDetailProjection,
  supervisorWorkloadProjection,
  trainingDetailProjection,
  workerLedgerProjection,
  workerYearProjection,
  listedBy(serviceOutputProjection, 'reportId'),
  serviceOutputYearProjection,
  rubricDetailProjection,
  rubricVersionsProjection,
  listedBy(assessmentDetailProjection, 'parties'),
  assessmentScoresProjection,
  openAssessmentsProjection,
  stationScorecardProjection,
  evaluatorConsistencyProjection,
  renewalReviewsProjection,
  renewalPoliciesProjection,
  contractStreamsProjection,
  contractStreamLinksProjection,
  regionStationsProjection,
  regionFiguresProjection,
  pendingReservationsProjection(RESERVATION_LEDGERS.map((ledger) => ledger.rule), RESERVED_RECORD_TYPES),
];

export function projectionNamed(name: string): Projection<any> | undefined {
  return PROJECTIONS.find((projection) => projection.name === name);
}
