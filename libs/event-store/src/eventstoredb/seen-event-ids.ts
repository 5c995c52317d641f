import { Position } from '../event-store.port';

export interface SeenEvent {
  readonly eventId: string;
  readonly revision: number;
  /** Null when the write reported only the position of its last event. */
  readonly position: Position | null;
}

interface KnownStream {
  /** Every event id from revision 0 to this one is known (-1: none). */
  through: number;
  readonly byId: Map<string, SeenEvent>;
}

/**
 * The event ids of the streams this process has read or written, from revision 0 on with none
 * missing. Stored events never change, so what is known stays true; a bounded number of streams
 * is kept, the least recently used forgotten first.
 *
 * EventStoreDB compares an append's event ids only with the events after its expected revision:
 * an append at the current revision is written even when its ids are stored earlier in the
 * stream. The adapter looks here (after reading what it misses) to keep the port's promise.
 */
export class SeenEventIds {
  private readonly streams = new Map<string, KnownStream>();

  constructor(private readonly capacity = 5000) {}

  knownThrough(streamId: string): number {
    return this.streams.get(streamId)?.through ?? -1;
  }

  lookup(streamId: string, eventId: string): SeenEvent | undefined {
    return this.touch(streamId)?.byId.get(eventId);
  }

  /** Adds events that follow on from what is known; anything else is left out (it would leave a gap). */
  record(streamId: string, events: readonly SeenEvent[]): void {
    const known = this.touch(streamId) ?? { through: -1, byId: new Map<string, SeenEvent>() };
    for (const event of events) {
      if (event.revision <= known.through) continue;
      if (event.revision !== known.through + 1) break;
      known.byId.set(event.eventId, event);
      known.through = event.revision;
    }
    if (known.through < 0) return;
    this.streams.set(streamId, known);
    if (this.streams.size > this.capacity) this.streams.delete(this.streams.keys().next().value!);
  }

  private touch(streamId: string): KnownStream | undefined {
    const known = this.streams.get(streamId);
    if (known) {
      this.streams.delete(streamId);
      this.streams.set(streamId, known);
    }
    return known;
  }
}
