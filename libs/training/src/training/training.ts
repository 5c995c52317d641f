import { CalendarDate, Command, Decider, DomainEvent, mustBeName, mustNotBeInFuture, refuse } from '@sws/kernel';
import { hoursToMinutes } from './training-hours';

export const TRAINING_KINDS = ['pre_service', 'in_service', 'continuing_education', 'skills_competition', 'study_visit'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export type TrainingHeld = DomainEvent<
  'TrainingHeld',
  {
    trainingId: string;
    title: string;
    kind: TrainingKind;
    provider: string;
    heldOn: CalendarDate;
    hours: number;
    organizerOrgId: string;
    /** The contract an operator's training is given under; null for a county-organized course. */
    contractId: string | null;
  }
>;
export type TrainingAttendanceRecorded = DomainEvent<
  'TrainingAttendanceRecorded',
  { trainingId: string; title: string; kind: TrainingKind; heldOn: CalendarDate; socialWorkerIds: readonly string[]; hoursCredited: number }
>;
export type TrainingEffectivenessAssessed = DomainEvent<
  'TrainingEffectivenessAssessed',
  { trainingId: string; kind: TrainingKind; heldOn: CalendarDate; socialWorkerId: string; score: number; method: string }
>;
export type TrainingEvent = TrainingHeld | TrainingAttendanceRecorded | TrainingEffectivenessAssessed;

export type RecordTraining = Command<'RecordTraining', Omit<TrainingHeld['data'], 'contractId'> & { contractId?: string | null }> & {
  /** The contract named, as the app found it (null when none is named or it does not exist). */
  readonly facts: { readonly contract: { readonly contractId: string } | null };
};
export type RecordTrainingAttendance = Command<
  'RecordTrainingAttendance',
  { trainingId: string; socialWorkerIds: readonly string[]; hoursCredited: number }
> & {
  /** Those of `socialWorkerIds` that are registered social workers. */
  readonly facts: { readonly registeredSocialWorkerIds: readonly string[] };
};
export type AssessTrainingEffectiveness = Command<
  'AssessTrainingEffectiveness',
  { trainingId: string; socialWorkerId: string; score: number; method: string }
>;
export type TrainingCommand = RecordTraining | RecordTrainingAttendance | AssessTrainingEffectiveness;

export type TrainingState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'held';
      readonly training: Omit<TrainingHeld['data'], 'provider' | 'organizerOrgId' | 'contractId'>;
      readonly attendees: readonly string[];
      readonly assessed: readonly string[];
    };

/** Whole minutes above zero, or refused. */
function positiveMinutes(field: string, hours: number): number {
  const minutes = hoursToMinutes(hours);
  if (minutes === null || minutes <= 0) {
    refuse('INVALID_HOURS', `${field} ${hours} is not a positive number of hours in whole minutes`, { field, hours });
  }
  return minutes;
}

export const training: Decider<TrainingState, TrainingCommand, TrainingEvent> = {
  initialState: () => ({ status: 'unknown' }),

  evolve(state, event) {
    switch (event.type) {
      case 'TrainingHeld': {
        const { trainingId, title, kind, heldOn, hours } = event.data;
        return { status: 'held', training: { trainingId, title, kind, heldOn, hours }, attendees: [], assessed: [] };
      }
      case 'TrainingAttendanceRecorded':
        if (state.status === 'unknown') return state;
        return { ...state, attendees: [...state.attendees, ...event.data.socialWorkerIds] };
      case 'TrainingEffectivenessAssessed':
        if (state.status === 'unknown') return state;
        return { ...state, assessed: [...state.assessed, event.data.socialWorkerId] };
    }
  },

  decide(command, state) {
    if (command.type === 'RecordTraining') {
      if (state.status !== 'unknown') refuse('ALREADY_RECORDED', 'this training is recorded already');
      const { trainingId, title, kind, provider, heldOn, hours, organizerOrgId } = command.data;
      const contractId = command.data.contractId ?? null;
      mustBeName('title', title);
      mustNotBeInFuture('heldOn', heldOn, command);
      positiveMinutes('hours', hours);
      if (contractId !== null && command.facts.contract === null) {
        refuse('CONTRACT_NOT_FOUND', `contract ${contractId} does not exist`, { contractId });
      }
      return [
        { type: 'TrainingHeld', data: { trainingId, title, kind, provider, heldOn, hours, organizerOrgId, contractId }, occurredAt: heldOn },
      ];
    }
    if (state.status === 'unknown') refuse('TRAINING_NOT_FOUND', 'the training is not recorded');
    const { trainingId, title, kind, heldOn, hours } = state.training;
    switch (command.type) {
      case 'RecordTrainingAttendance': {
        const { socialWorkerIds, hoursCredited } = command.data;
        if (socialWorkerIds.length === 0) refuse('NO_ATTENDEES', 'an attendance record names at least one social worker');
        const credited = positiveMinutes('hoursCredited', hoursCredited);
        if (credited > positiveMinutes('hours', hours)) {
          refuse('CREDIT_EXCEEDS_HOURS', `${hoursCredited} hours credited exceed the training's ${hours} hours`, { hoursCredited, hours });
        }
        const unknown = socialWorkerIds.find((id) => !command.facts.registeredSocialWorkerIds.includes(id));
        if (unknown !== undefined) refuse('SOCIAL_WORKER_NOT_FOUND', `social worker ${unknown} is not registered`, { socialWorkerId: unknown });
        const twice = socialWorkerIds.find((id, index) => state.attendees.includes(id) || socialWorkerIds.indexOf(id) !== index);
        if (twice !== undefined) {
          refuse('ALREADY_ATTENDED', `social worker ${twice} is credited for this training already`, { socialWorkerId: twice });
        }
        return [
          { type: 'TrainingAttendanceRecorded', data: { trainingId, title, kind, heldOn, socialWorkerIds, hoursCredited }, occurredAt: heldOn },
        ];
      }
      case 'AssessTrainingEffectiveness': {
        const { socialWorkerId, score, method } = command.data;
        if (!state.attendees.includes(socialWorkerId)) {
          refuse('NOT_AN_ATTENDEE', `social worker ${socialWorkerId} is not credited for this training`, { socialWorkerId });
        }
        if (!Number.isFinite(score) || score < 0 || score > 100) {
          refuse('SCORE_OUT_OF_RANGE', `a score lies from 0 to 100, not ${score}`, { score });
        }
        if (state.assessed.includes(socialWorkerId)) {
          refuse('ALREADY_ASSESSED', `the training's effectiveness for ${socialWorkerId} is assessed already`, { socialWorkerId });
        }
        return [
          { type: 'TrainingEffectivenessAssessed', data: { trainingId, kind, heldOn, socialWorkerId, score, method }, occurredAt: heldOn },
        ];
      }
    }
  },
};
