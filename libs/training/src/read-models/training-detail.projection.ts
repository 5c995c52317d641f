import { ProjectedEvent, Projection } from '@sws/kernel';
import { TrainingEvent, TrainingHeld } from '../training/training';

export interface TrainingDetail extends Omit<TrainingHeld['data'], 'trainingId'> {
  readonly id: string;
  readonly recordedAt: string;
  readonly eventId: string;
  /** Each attendance record: the workers it credited and the hours. */
  readonly attendance: ReadonlyArray<{
    readonly socialWorkerIds: readonly string[];
    readonly hoursCredited: number;
    readonly recordedAt: string;
    readonly eventId: string;
  }>;
  /** Everyone credited, in the order they were recorded. */
  readonly attendees: readonly string[];
  readonly effectiveness: ReadonlyArray<{ readonly socialWorkerId: string; readonly score: number; readonly method: string; readonly eventId: string }>;
  /** The organizer: who besides the administrator reads its history (the app adds the contract's parties). */
  readonly parties: readonly string[];
}

/** One training as recorded, with its attendance and effectiveness scores. */
export const trainingDetailProjection: Projection<TrainingDetail> = {
  name: 'training-detail',
  version: 1,
  collection: 'trainings',
  handles: ['TrainingHeld', 'TrainingAttendanceRecorded', 'TrainingEffectivenessAssessed'],
  documentIds: (event: ProjectedEvent) => [(event.data as { trainingId: string }).trainingId],

  evolve(document, projected) {
    const event = projected as unknown as TrainingEvent;
    const { eventId, recordedAt } = projected.metadata;
    if (event.type === 'TrainingHeld') {
      const { trainingId, ...held } = event.data;
      return { id: trainingId, ...held, recordedAt, eventId, attendance: [], attendees: [], effectiveness: [], parties: [held.organizerOrgId] };
    }
    if (document === null) return null;
    if (event.type === 'TrainingAttendanceRecorded') {
      const { socialWorkerIds, hoursCredited } = event.data;
      return {
        ...document,
        attendance: [...document.attendance, { socialWorkerIds, hoursCredited, recordedAt, eventId }],
        attendees: [...document.attendees, ...socialWorkerIds.filter((id) => !document.attendees.includes(id))],
      };
    }
    const { socialWorkerId, score, method } = event.data;
    return { ...document, effectiveness: [...document.effectiveness, { socialWorkerId, score, method, eventId }] };
  },
};
