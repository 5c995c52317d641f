import { ReservationLedger } from '@sws/kernel';
import { creditCodeLedger, stationCommitmentLedger } from '@sws/stations-contracts';
import { rubricVersionsLedger, stationAssessmentsLedger } from '@sws/assessment';
import { supervisorCalendarLedger } from '@sws/supervision';
import { contractReviewLedger } from '@sws/renewal';

/** Every rule that spans records, each with its reservation streams (see README, "Rules that span records"). */
export const RESERVATION_LEDGERS: readonly ReservationLedger<any>[] = [
  stationCommitmentLedger,
  creditCodeLedger,
  stationAssessmentsLedger,
  rubricVersionsLedger,
  supervisorCalendarLedger,
  contractReviewLedger,
];

/**
 * The type of the first event each reserving write appends: its arrival in the log takes the
 * intent off the pending list (its id is the intent's id). A reserving write of another type is
 * refused at once, so that this list cannot fall behind.
 */
export const RESERVED_RECORD_TYPES: readonly string[] = [
  'ContractAwarded',
  'ContractAmended',
  'StationClosed',
  'RenewalDecisionRecorded',
  'AssessmentStarted',
  'RenewalReviewOpened',
  'SupervisionSessionLogged',
  'SupervisionSessionCorrected',
  'OrganizationRegistered',
  'RubricPublished',
];

export function ledgerOfKey(key: string): ReservationLedger<any> {
  const ledger = RESERVATION_LEDGERS.find((candidate) => key.startsWith(`${candidate.rule.category}-`));
  if (!ledger) throw new Error(`${key} is no reservation stream`);
  return ledger;
}
