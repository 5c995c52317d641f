import { dateInChina, EventTypeDefinition } from '@sws/kernel';
import { stationCommitmentLedger } from './contract/station-commitment-ledger';
import { creditCodeLedger } from './organization/credit-code-ledger';

/** The event types of organizations, stations, contracts and social workers, with their schema versions. */
export const stationsContractsEventTypes: readonly EventTypeDefinition[] = [
  { type: 'OrganizationRegistered', schemaVersion: 1 },
  { type: 'OrganizationAffiliationDeclared', schemaVersion: 1 },
  { type: 'StationRegistered', schemaVersion: 1 },
  { type: 'StationClosed', schemaVersion: 1 },
  { type: 'ContractAwarded', schemaVersion: 1 },
  {
    type: 'ContractAmended',
    schemaVersion: 2,
    // Version 1 named no date: such an amendment took effect on the day it was recorded.
    upcasters: { 1: (data, metadata) => ({ ...data, effectiveOn: data.effectiveOn ?? dateInChina(metadata.recordedAt) }) },
  },
  { type: 'ContractTerminated', schemaVersion: 1 },
  { type: 'SocialWorkerRegistered', schemaVersion: 1 },
  { type: 'SocialWorkerCertified', schemaVersion: 1 },
  { type: 'SocialWorkerAssigned', schemaVersion: 1 },
  { type: 'SocialWorkerDeparted', schemaVersion: 1 },
  { type: 'ServiceOutputReported', schemaVersion: 1 },
  { type: 'SatisfactionSurveyRecorded', schemaVersion: 1 },
  // Reservation streams of the rules that span records (see the ledgers).
  ...stationCommitmentLedger.eventTypes,
  ...creditCodeLedger.eventTypes,
];

export const streams = {
  organization: (id: string) => `Organization-${id}`,
  station: (id: string) => `Station-${id}`,
  contract: (id: string) => `Contract-${id}`,
  socialWorker: (id: string) => `SocialWorker-${id}`,
  /** One per station and month; the app derives the id from both. */
  serviceReport: (id: string) => `ServiceReport-${id}`,
};
