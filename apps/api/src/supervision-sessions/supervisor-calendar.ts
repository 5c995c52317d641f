import { Injectable } from '@nestjs/common';
import { CalendarDate } from '@sws/kernel';
import { sessionsAround, SupervisorWorkload, workloadIdsAround } from '@sws/reporting';
import { socialWorker, streams } from '@sws/stations-contracts';
import { SessionFacts } from '@sws/supervision';
import { KeyedMutex } from '../infrastructure/mutex';
import { ReadModels } from '../infrastructure/read-models.service';
import { Records } from '../infrastructure/records';

/**
 * A supervisor's sessions do not overlap. Two sessions are two streams, so the commands that
 * place a session in time (logging, correcting) run one at a time per supervisor here, each
 * looking at the supervisor's sessions only once the workload read model has caught up with
 * the whole log. This holds for the single embedded process (see README).
 */
@Injectable()
export class SupervisorCalendar {
  constructor(
    private readonly readModels: ReadModels,
    private readonly mutex: KeyedMutex,
    private readonly records: Records,
  ) {}

  exclusively<T>(supervisorId: string, work: () => Promise<T>): Promise<T> {
    return this.mutex.run(`supervisor-calendar:${supervisorId}`, work);
  }

  /** What the session rules check for a session of `supervisorId` with these supervisees on `heldOn`. */
  async factsFor(supervisorId: string, session: { readonly superviseeIds: readonly string[]; readonly heldOn: CalendarDate }): Promise<SessionFacts> {
    const assignments: Record<string, { stationId: string; contractId: string } | null> = {};
    for (const socialWorkerId of new Set(session.superviseeIds)) {
      assignments[socialWorkerId] = await this.assignmentOn(socialWorkerId, session.heldOn);
    }
    await this.readModels.catchUpWithLog('supervisor-workload');
    const documents = await this.readModels.readMany<SupervisorWorkload>('supervisor-workload', workloadIdsAround(supervisorId, session.heldOn), null);
    return { assignments, supervisorSessions: sessionsAround([...documents.values()], session.heldOn) };
  }

  /** The worker's assignment on the day, from their own stream (`until` is the first day away). */
  private async assignmentOn(socialWorkerId: string, day: CalendarDate): Promise<{ stationId: string; contractId: string } | null> {
    const state = await this.records.state(streams.socialWorker(socialWorkerId), socialWorker);
    if (state.status !== 'registered') return null;
    const held = state.assignments.find((a) => a.from <= day && (a.until === null || day < a.until));
    return held ? { stationId: held.stationId, contractId: held.contractId } : null;
  }
}
