import { Inject, Injectable } from '@nestjs/common';
import { Actor, EventTypeDefinition, LedgerEntry, ReservationLedger } from '@sws/kernel';
import { EVENT_STORE, EventStore, Position, uuidV7, WrongExpectedRevision } from '@sws/event-store';
import { chinaTimestamp, Clock } from '../clock';
import { ReadModelBehind, ReadModels } from '../read-models.service';

/** Says when the service began keeping reservation streams: `previousHead` is the last event before (null: none). */
export const RESERVATIONS_INTRODUCED_STREAM = 'ReservationLedgers-introduction';
export const reservationEventTypes: readonly EventTypeDefinition[] = [{ type: 'ReservationLedgersIntroduced', schemaVersion: 1 }];

export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system', orgId: null };

/** Reads a read model's document as it stood once it reflected every record made without reservation streams. */
export type LegacyDocument = <D>(projection: string, id: string) => Promise<D | null>;

/** What a key held before it had a reservation stream, from the rule's read model. */
export type LegacyOpening<V> = (keyId: string, document: LegacyDocument) => Promise<readonly LedgerEntry<V>[]>;

/**
 * Records made before reservation streams existed (under the in-process locks of earlier
 * versions) have no claims. The first write to such a key opens its stream with what the
 * records hold there, read from the rule's read model, in the same append as its own claim (so
 * a refused command still appends nothing).
 *
 * Before its first claim the service appends, once, the head of the log at that moment: every
 * record of a rule's kind after it has its claims, so a key with no stream holds only records
 * made before, and the read model needs only to have reached that position (no waiting on the
 * live head). A log that began with reservation streams records null, and opens no key from a
 * read model at all.
 */
@Injectable()
export class LegacyRecords {
  private readonly openings = new Map<string, LegacyOpening<any>>();
  private introduction: Promise<void> | null = null;
  private introducedAfter: Position | null | undefined = undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  register<V>(ledger: ReservationLedger<V>, opening: LegacyOpening<V>): void {
    if (this.openings.has(ledger.rule.category)) throw new Error(`${ledger.rule.category} has an opening already`);
    this.openings.set(ledger.rule.category, opening);
  }

  /** What the key's records hold, for a key that has no stream yet. */
  async entries<V>(ledger: ReservationLedger<V>, key: string): Promise<readonly LedgerEntry<V>[]> {
    const before = await this.lastUnreservedPosition();
    if (before === null) return [];
    const opening = this.openings.get(ledger.rule.category);
    if (!opening) throw new Error(`no opening is registered for ${ledger.rule.category}`);
    return opening(ledger.idOf(key), (projection, id) => this.documentReflecting(projection, id, before));
  }

  /** Appends the introduction unless it is there: called before the first claim is appended. */
  introduce(): Promise<void> {
    this.introduction ??= this.appendIntroduction().catch((error) => {
      this.introduction = null;
      throw error;
    });
    return this.introduction;
  }

  /** The last position that may hold records without reservations: the introduction's, or the head while there is none. */
  private async lastUnreservedPosition(): Promise<Position | null> {
    if (this.introducedAfter !== undefined) return this.introducedAfter;
    const stored = await this.events.readStream(RESERVATIONS_INTRODUCED_STREAM);
    if (stored.length === 0) return this.events.headPosition();
    this.introducedAfter = this.parse((stored[0].data as { previousHead: string | null }).previousHead);
    return this.introducedAfter;
  }

  private async appendIntroduction(): Promise<void> {
    for (;;) {
      if ((await this.events.readStream(RESERVATIONS_INTRODUCED_STREAM)).length > 0) return;
      const previousHead = await this.events.headPosition();
      const now = chinaTimestamp(this.clock.now());
      const metadata = { eventId: uuidV7(), actor: SYSTEM_ACTOR, occurredAt: now, recordedAt: now, correlationId: uuidV7(), causationId: null };
      try {
        await this.events.append(RESERVATIONS_INTRODUCED_STREAM, [{ type: 'ReservationLedgersIntroduced', data: { previousHead }, metadata }], 'no_stream');
        return;
      } catch (error) {
        // Another process introduced them first.
        if (!(error instanceof WrongExpectedRevision)) throw error;
      }
    }
  }

  private parse(position: string | null): Position | null {
    if (position === null) return null;
    const parsed = this.events.parsePosition(position);
    if (parsed === null) throw new Error(`the reservations' introduction names a position this store does not issue: ${position}`);
    return parsed;
  }

  private async documentReflecting<D>(projection: string, id: string, position: Position): Promise<D | null> {
    const { document, position: reflected } = await this.readModels.read<D>(projection, id, position);
    if (reflected === null || this.events.comparePositions(reflected, position) < 0) throw new ReadModelBehind(projection);
    return document;
  }
}
