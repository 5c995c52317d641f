import { EventTypeDefinition } from '@sws/kernel';

/** The event types of trainings, with their schema versions. */
export const trainingEventTypes: readonly EventTypeDefinition[] = [
  { type: 'TrainingHeld', schemaVersion: 1 },
  { type: 'TrainingAttendanceRecorded', schemaVersion: 1 },
  { type: 'TrainingEffectivenessAssessed', schemaVersion: 1 },
];

export const trainingStreams = {
  training: (id: string) => `Training-${id}`,
};
