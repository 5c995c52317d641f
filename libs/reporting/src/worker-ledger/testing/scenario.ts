import { foldOne } from '../../../../kernel/src/testing';
import { Command, Decider, DomainEvent, EventMetadata, foldEvents, ProjectedEvent, Projection } from '@sws/kernel';

/**
 * A little event store for the reporting specs: commands go through the real deciders, the
 * events they produce are numbered e-0, e-1, … in one log, and projections fold that log as
 * the runner would (several document ids per event, null deletes).
 */
export class Scenario {
  readonly log: ProjectedEvent[] = [];
  private readonly streams = new Map<string, DomainEvent[]>();

  execute<S, C extends Command, E extends DomainEvent>(streamId: string, decider: Decider<S, C, E>, command: C): readonly E[] {
    const past = (this.streams.get(streamId) ?? []) as E[];
    const events = decider.decide(command, foldEvents(decider, past));
    this.append(streamId, events, command.metadata.now);
    return events;
  }

  /** Facts that come from elsewhere (assignments, contracts), written as they were stored. */
  append(streamId: string, events: readonly DomainEvent[], recordedAt = '2026-01-01T00:00:00+08:00'): void {
    const past = this.streams.get(streamId) ?? [];
    events.forEach((event, index) => {
      const position = this.log.length;
      const metadata: EventMetadata = {
        eventId: `e-${position}`,
        actor: { userId: 'u-1', role: 'admin', orgId: null },
        occurredAt: event.occurredAt ?? recordedAt,
        recordedAt,
        correlationId: `corr-${position}`,
        causationId: null,
      };
      this.log.push({ streamId, type: event.type, data: event.data, metadata, revision: past.length + index, position: String(position + 1) });
    });
    this.streams.set(streamId, [...past, ...events.map((e) => ({ ...e, occurredAt: e.occurredAt ?? recordedAt }))]);
  }

  fold<D>(projection: Projection<D>, keep: (event: ProjectedEvent) => boolean = () => true): Map<string, D> {
    return foldLog(projection, this.log.filter(keep));
  }
}

/** One projection's documents after folding the log, as the runner would leave them. */
export const foldLog = foldOne;
