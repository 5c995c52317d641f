import { deciderSpecification } from '../../../kernel/src/testing';
import { CommandMetadata } from '@sws/kernel';
import {
  AssessTrainingEffectiveness,
  RecordTraining,
  RecordTrainingAttendance,
  training,
  TrainingAttendanceRecorded,
  TrainingEffectivenessAssessed,
  TrainingHeld,
} from './training';
import { hoursToMinutes } from './training-hours';

const spec = deciderSpecification(training);

const metadata: CommandMetadata = {
  now: '2026-04-15T10:00:00+08:00',
  actor: { userId: 'u-op', role: 'operator', orgId: 'org-op' },
};

const heldData: TrainingHeld['data'] = {
  trainingId: 't-1',
  title: '个案管理实务',
  kind: 'in_service',
  provider: '市社工协会',
  heldOn: '2026-04-10',
  hours: 3.5,
  organizerOrgId: 'org-op',
  contractId: 'c-1',
};

const record = (data: Partial<RecordTraining['data']> = {}, contract: { contractId: string } | null = { contractId: 'c-1' }): RecordTraining => ({
  type: 'RecordTraining',
  data: { ...heldData, ...data },
  metadata,
  facts: { contract },
});

const held = (data: Partial<TrainingHeld['data']> = {}): TrainingHeld => ({
  type: 'TrainingHeld',
  data: { ...heldData, ...data },
  occurredAt: data.heldOn ?? heldData.heldOn,
});

const attend = (socialWorkerIds: string[], hoursCredited = 3.5, registered = ['w-1', 'w-2', 'w-3']): RecordTrainingAttendance => ({
  type: 'RecordTrainingAttendance',
  data: { trainingId: 't-1', socialWorkerIds, hoursCredited },
  metadata,
  facts: { registeredSocialWorkerIds: registered },
});

const attended = (socialWorkerIds: string[], hoursCredited = 3.5): TrainingAttendanceRecorded => ({
  type: 'TrainingAttendanceRecorded',
  data: { trainingId: 't-1', title: heldData.title, kind: 'in_service', heldOn: '2026-04-10', socialWorkerIds, hoursCredited },
  occurredAt: '2026-04-10',
});

const assess = (socialWorkerId: string, score = 85): AssessTrainingEffectiveness => ({
  type: 'AssessTrainingEffectiveness',
  data: { trainingId: 't-1', socialWorkerId, score, method: '前后测' },
  metadata,
});

const assessed = (socialWorkerId: string, score = 85): TrainingEffectivenessAssessed => ({
  type: 'TrainingEffectivenessAssessed',
  data: { trainingId: 't-1', kind: 'in_service', heldOn: '2026-04-10', socialWorkerId, score, method: '前后测' },
  occurredAt: '2026-04-10',
});

describe('training', () => {
  describe('when recorded', () => {
    it('records an operator’s training under its contract, taking effect on the day it was held', () => {
      spec.given([]).when(record()).then([held()]);
    });

    it('records a county-organized course that names no contract', () => {
      spec.given([]).when(record({ contractId: undefined, organizerOrgId: 'org-centre' }, null)).then([held({ contractId: null, organizerOrgId: 'org-centre' })]);
    });

    it('refuses a contract that does not exist', () => {
      spec.given([]).when(record({}, null)).thenFails('CONTRACT_NOT_FOUND');
    });

    it('refuses a blank title and one holding a control character', () => {
      spec.given([]).when(record({ title: '\u200b\u200b' })).thenFails('INVALID_NAME');
      spec.given([]).when(record({ title: '个案\u0000管理' })).thenFails('INVALID_NAME');
    });

    it('refuses a training recorded twice', () => {
      spec.given([held()]).when(record()).thenFails('ALREADY_RECORDED');
    });

    it('accepts a training held today and refuses one held tomorrow', () => {
      spec.given([]).when(record({ heldOn: '2026-04-15' })).then([held({ heldOn: '2026-04-15' })]);
      spec.given([]).when(record({ heldOn: '2026-04-16' })).thenFails('DATE_IN_FUTURE');
    });

    it('refuses zero hours and hours that are not whole minutes', () => {
      spec.given([]).when(record({ hours: 0 })).thenFails('INVALID_HOURS');
      spec.given([]).when(record({ hours: 0.33 })).thenFails('INVALID_HOURS');
    });
  });

  describe('when attendance is recorded', () => {
    it('credits the workers with the training’s kind and date', () => {
      spec.given([held()]).when(attend(['w-1', 'w-2'])).then([attended(['w-1', 'w-2'])]);
    });

    it('accepts a credit of exactly the training’s hours and refuses one minute more', () => {
      spec.given([held()]).when(attend(['w-1'], 3.5)).then([attended(['w-1'], 3.5)]);
      spec.given([held()]).when(attend(['w-1'], 3.5 + 1 / 60)).thenFails('CREDIT_EXCEEDS_HOURS');
    });

    it('accepts partial credit', () => {
      spec.given([held()]).when(attend(['w-3'], 1.5)).then([attended(['w-3'], 1.5)]);
    });

    it('refuses a worker credited a second time, in another record or the same one', () => {
      spec.given([held(), attended(['w-1'])]).when(attend(['w-2', 'w-1'])).thenFails('ALREADY_ATTENDED');
      spec.given([held()]).when(attend(['w-2', 'w-2'])).thenFails('ALREADY_ATTENDED');
    });

    it('refuses a worker who is not registered', () => {
      spec.given([held()]).when(attend(['w-1', 'w-9'])).thenFails('SOCIAL_WORKER_NOT_FOUND');
    });

    it('refuses an empty list and a credit of no time', () => {
      spec.given([held()]).when(attend([])).thenFails('NO_ATTENDEES');
      spec.given([held()]).when(attend(['w-1'], 0)).thenFails('INVALID_HOURS');
    });

    it('refuses attendance at a training that is not recorded', () => {
      spec.given([]).when(attend(['w-1'])).thenFails('TRAINING_NOT_FOUND');
    });
  });

  describe('when effectiveness is assessed', () => {
    it('records an attendee’s score', () => {
      spec.given([held(), attended(['w-1'])]).when(assess('w-1')).then([assessed('w-1')]);
    });

    it('refuses a worker who did not attend', () => {
      spec.given([held(), attended(['w-1'])]).when(assess('w-2')).thenFails('NOT_AN_ATTENDEE');
    });

    it('accepts 0 and 100 and refuses scores outside them', () => {
      spec.given([held(), attended(['w-1'])]).when(assess('w-1', 0)).then([assessed('w-1', 0)]);
      spec.given([held(), attended(['w-1'])]).when(assess('w-1', 100)).then([assessed('w-1', 100)]);
      spec.given([held(), attended(['w-1'])]).when(assess('w-1', 100.5)).thenFails('SCORE_OUT_OF_RANGE');
      spec.given([held(), attended(['w-1'])]).when(assess('w-1', -1)).thenFails('SCORE_OUT_OF_RANGE');
    });

    it('refuses a second assessment of the same attendee', () => {
      spec.given([held(), attended(['w-1']), assessed('w-1')]).when(assess('w-1', 90)).thenFails('ALREADY_ASSESSED');
    });
  });
});

describe('training hours', () => {
  it('counts whole minutes and refuses parts of a minute', () => {
    expect(hoursToMinutes(3.5)).toBe(210);
    expect(hoursToMinutes(0.1 + 0.2)).toBe(18);
    expect(hoursToMinutes(1 / 3)).toBe(20);
    expect(hoursToMinutes(0.33)).toBeNull();
    expect(hoursToMinutes(Number.NaN)).toBeNull();
  });
});
