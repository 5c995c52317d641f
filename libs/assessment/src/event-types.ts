import { EventTypeDefinition } from '@sws/kernel';
import { stationAssessmentsLedger } from './assessment/station-assessments-ledger';
import { rubricVersionsLedger } from './rubric/rubric-versions-ledger';

/** The event types of rubrics and assessments, with their schema versions. */
export const assessmentEventTypes: readonly EventTypeDefinition[] = [
  { type: 'RubricPublished', schemaVersion: 1 },
  { type: 'RubricRetired', schemaVersion: 1 },
  { type: 'AssessmentStarted', schemaVersion: 1 },
  { type: 'AssessmentItemsScored', schemaVersion: 1 },
  { type: 'AssessmentSubmitted', schemaVersion: 1 },
  { type: 'AssessmentResponded', schemaVersion: 1 },
  { type: 'AssessmentFinalized', schemaVersion: 1 },
  { type: 'AssessmentAmended', schemaVersion: 1 },
  { type: 'AssessmentWithdrawn', schemaVersion: 1 },
  { type: 'AssessmentAnnulled', schemaVersion: 1 },
  // Reservation streams of the rules that span records (see the ledgers).
  ...stationAssessmentsLedger.eventTypes,
  ...rubricVersionsLedger.eventTypes,
];

export const streams = {
  /** One stream per published version: a new version is a new record. */
  rubric: (code: string, version: number) => `Rubric-${code}.v${version}`,
  assessment: (id: string) => `Assessment-${id}`,
};
