import { DomainEvent, ProjectedEvent } from '@sws/kernel';
import { TrainingEvent } from '../training/training';
import { trainingDetailProjection, TrainingDetail } from './training-detail.projection';

function run(events: readonly DomainEvent[]): TrainingDetail | null {
  return events.reduce<TrainingDetail | null>((document, event, index) => {
    const recordedAt = new Date(Date.UTC(2026, 3, 15, 2, index)).toISOString();
    const projected: ProjectedEvent = {
      streamId: 'Training-t-1',
      type: event.type,
      data: event.data,
      metadata: { eventId: `e-${index}`, actor: { userId: 'u', role: 'operator', orgId: 'org-op' }, occurredAt: '2026-04-10', recordedAt, correlationId: 'c', causationId: null },
      revision: index,
      position: String(index + 1),
    };
    return trainingDetailProjection.evolve(document, projected);
  }, null);
}

const held: TrainingEvent = {
  type: 'TrainingHeld',
  data: { trainingId: 't-1', title: '个案管理实务', kind: 'in_service', provider: '市社工协会', heldOn: '2026-04-10', hours: 6, organizerOrgId: 'org-op', contractId: 'c-1' },
};
const attended = (socialWorkerIds: string[], hoursCredited: number): TrainingEvent => ({
  type: 'TrainingAttendanceRecorded',
  data: { trainingId: 't-1', title: '个案管理实务', kind: 'in_service', heldOn: '2026-04-10', socialWorkerIds, hoursCredited },
});
const assessed = (socialWorkerId: string, score: number): TrainingEvent => ({
  type: 'TrainingEffectivenessAssessed',
  data: { trainingId: 't-1', kind: 'in_service', heldOn: '2026-04-10', socialWorkerId, score, method: '前后测' },
});

describe('training detail', () => {
  it('describes the training as held, its organizer as its party', () => {
    expect(run([held])).toMatchObject({ id: 't-1', hours: 6, organizerOrgId: 'org-op', contractId: 'c-1', attendees: [], parties: ['org-op'], eventId: 'e-0' });
  });

  it('keeps each attendance record and everyone it credited', () => {
    const detail = run([held, attended(['w-1', 'w-2'], 6), attended(['w-3'], 3)])!;
    expect(detail.attendance.map((a) => [a.socialWorkerIds, a.hoursCredited, a.eventId])).toEqual([[['w-1', 'w-2'], 6, 'e-1'], [['w-3'], 3, 'e-2']]);
    expect(detail.attendees).toEqual(['w-1', 'w-2', 'w-3']);
  });

  it('adds the effectiveness scores per participant', () => {
    const detail = run([held, attended(['w-1', 'w-2'], 6), assessed('w-2', 88)])!;
    expect(detail.effectiveness).toEqual([{ socialWorkerId: 'w-2', score: 88, method: '前后测', eventId: 'e-2' }]);
  });

  it('ignores events of a training it never saw held', () => {
    expect(run([attended(['w-1'], 6)])).toBeNull();
  });
});
