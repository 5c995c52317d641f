import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, Position } from '@sws/event-store';
import { DocumentSource } from './document-source';
import { ReadModels } from './read-models.service';

/**
 * One answer composed from several read models (a ledger from the worker, their ledger and
 * their contracts): each is read once it has reached the client's `minPosition`, and the
 * answer reports the earliest position among them, the one all of its parts reflect.
 */
export class ComposedRead implements DocumentSource {
  private readonly positions: Array<Position | null> = [];

  constructor(
    private readonly readModels: ReadModels,
    private readonly events: EventStore,
    private readonly minPosition: Position | null,
  ) {}

  async get<D>(projection: string, id: string): Promise<D | null> {
    const { document, position } = await this.readModels.read<D>(projection, id, this.minPosition);
    this.positions.push(position);
    return document;
  }

  async getMany<D>(projection: string, ids: readonly string[]): Promise<Map<string, D>> {
    if (this.minPosition !== null) await this.readModels.readMany(projection, [], this.minPosition);
    this.positions.push(this.readModels.positionOf(projection));
    return ids.length === 0 ? new Map() : this.readModels.readMany<D>(projection, ids, null);
  }

  /** The earliest position of the read models read so far; null when one of them reflects nothing yet. */
  position(): Position | null {
    let earliest: Position | null = null;
    for (const [index, position] of this.positions.entries()) {
      if (position === null) return null;
      if (index === 0 || this.events.comparePositions(position, earliest!) < 0) earliest = position;
    }
    return earliest;
  }
}

@Injectable()
export class ComposedReads {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  begin(minPosition: Position | null): ComposedRead {
    return new ComposedRead(this.readModels, this.events, minPosition);
  }
}
