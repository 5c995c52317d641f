import { Inject, Injectable } from '@nestjs/common';
import { Decider, foldEvents } from '@sws/kernel';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sws/event-store';

/** Reads another record's current state straight from its stream: the facts a command checks. */
@Injectable()
export class Records {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** The record's stored events, for what only their metadata says (who registered it). */
  history(streamId: string): Promise<RecordedEvent[]> {
    return this.events.readStream(streamId);
  }

  async state<S>(streamId: string, decider: Pick<Decider<S, never, any>, 'initialState' | 'evolve'>): Promise<S> {
    const history = await this.events.readStream(streamId);
    return foldEvents(
      decider,
      history.map((event) => ({ type: event.type, data: event.data, occurredAt: event.metadata.occurredAt })),
    );
  }
}
