import { Inject, Injectable } from '@nestjs/common';
import { Command, Decider, DomainEvent, EventMetadata, foldEvents, RecordNotFound } from '@sws/kernel';
import {
  EVENT_STORE,
  EventStore,
  NewEvent,
  Position,
  RecordedEvent,
  uuidFromName,
  uuidV7,
  WrongExpectedRevision,
} from '@sws/event-store';
import { chinaTimestamp, Clock } from './clock';
import { RequestContext } from './request-context';
import { IntentGivenUp, KeyReads, Reservation, Reservations, RetryAttempt } from './reservations/reservations';

export interface WriteResult {
  readonly id: string;
  readonly revision: number;
  readonly position: Position;
}

export interface Write<S, C extends Command, E extends DomainEvent> {
  readonly recordType: string;
  readonly id: string;
  readonly streamId: string;
  readonly decider: Decider<S, C, E>;
  /** Whether the record must exist already (404 otherwise); false for commands that create it. */
  readonly mustExist: boolean;
  /**
   * Builds the command from the current state, gathering any facts it needs from elsewhere and
   * checking the caller's organization scope (throwing AccessDenied appends nothing). The
   * stream's stored events come too, for what only their metadata says (who registered it).
   */
  readonly command: (state: S, metadata: Command['metadata'], history: readonly RecordedEvent[], keys: KeyReads) => Promise<C> | C;
  /**
   * For a rule that spans records: the keys this write claims before its record is appended,
   * from what it decided (README, "Rules that span records"). The facts the command checks come
   * from the same keys, read through `keys`, so the claims are appended with the revisions the
   * decision saw. None: the record is appended alone.
   */
  readonly reserve?: (decided: readonly E[], recorded: readonly NewEvent[], keys: KeyReads) => Promise<Reservation | null> | Reservation | null;
}

const MAX_ATTEMPTS = 4;
/** A key of a rule is shared by every record it spans (a station's contracts), so claims meet more writers than a record does. */
const MAX_RESERVATION_ATTEMPTS = 16;

/**
 * The one path every write takes: read the stream, fold its state, decide, append with the
 * revision that was read, and retry a bounded number of times when another writer got there
 * first. With an Idempotency-Key the ids are derived from the key, so a retried request finds
 * its own events and answers as the first time did. A write whose rule spans records claims its
 * reservation keys before it appends (`Write.reserve`, see Reservations); the claims' conflicts
 * are retried more often, with a short random pause.
 */
@Injectable()
export class CommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly clock: Clock,
    private readonly reservations: Reservations,
  ) {}

  /** A new record's id: derived from the Idempotency-Key when there is one. */
  newId(context: RequestContext, recordType: string): string {
    return context.idempotencyKey === null
      ? uuidV7(this.clock.now().getTime())
      : uuidFromName(JSON.stringify(['record', recordType, context.actor.userId, context.idempotencyKey]));
  }

  async execute<S, C extends Command, E extends DomainEvent>(write: Write<S, C, E>, context: RequestContext): Promise<WriteResult> {
    let keyedIds = context.idempotencyKey !== null;
    for (let attempt = 1, reservationAttempt = 1; ; ) {
      try {
        return await this.attempt(write, context, keyedIds);
      } catch (error) {
        if (error instanceof IntentGivenUp && keyedIds) {
          keyedIds = false;
          continue;
        }
        if (error instanceof RetryAttempt && reservationAttempt < MAX_RESERVATION_ATTEMPTS) {
          // Spread the retries of writers that met at a key, so that they do not meet again.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * reservationAttempt++));
          continue;
        }
        const retry = error instanceof WrongExpectedRevision && context.ifMatch === null && attempt++ < MAX_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  private async attempt<S, C extends Command, E extends DomainEvent>(
    write: Write<S, C, E>,
    context: RequestContext,
    keyedIds: boolean,
  ): Promise<WriteResult> {
    const history = await this.events.readStream(write.streamId);
    if (write.mustExist && history.length === 0) throw new RecordNotFound(write.recordType, write.id);
    const revision = history.length === 0 ? null : history[history.length - 1].revision;
    if (context.ifMatch !== null && context.ifMatch !== revision) {
      throw new WrongExpectedRevision(write.streamId, context.ifMatch, revision ?? 'no_stream');
    }
    const repeated = this.earlierAnswer(write, history, context);
    if (repeated) return repeated;

    const now = this.clock.now();
    const metadata = { now: chinaTimestamp(now), actor: context.actor };
    const state = foldEvents(write.decider, history.map((event) => toDomainEvent<E>(event)));
    const keys = this.reservations.session(write.streamId);
    const decided = await keys.decide(
      () => write.command(state, metadata, history, keys),
      (command) => write.decider.decide(command, state),
    );
    const expected = revision === null ? 'no_stream' : revision;
    const recorded = decided.map((event, index) => this.toNew(event, index, context, metadata.now, keyedIds));
    const reservation = write.reserve ? await write.reserve(decided, recorded, keys) : null;
    const result =
      reservation !== null && reservation.claims.length > 0
        ? await keys.write(reservation, { streamId: write.streamId, expected, events: recorded })
        : await this.events.append(write.streamId, recorded, expected);
    return { id: write.id, revision: result.nextRevision, position: result.position };
  }

  private toNew(event: DomainEvent, index: number, context: RequestContext, now: string, keyedIds: boolean): NewEvent {
    const metadata: EventMetadata = {
      eventId: keyedIds ? this.keyedEventId(context, index) : uuidV7(),
      actor: context.actor,
      occurredAt: event.occurredAt ?? now,
      recordedAt: now,
      correlationId: context.correlationId,
      causationId: null,
      ...(context.idempotencyKey === null ? {} : { idempotencyKey: context.idempotencyKey }),
    };
    return { type: event.type, data: event.data, metadata };
  }

  private keyedEventId(context: RequestContext, index: number): string {
    // A JSON tuple, not a joined string: user ids and keys may hold the separator themselves.
    return uuidFromName(JSON.stringify(['event', context.actor.userId, context.idempotencyKey, index]));
  }

  /** When this request's events are in the stream already, the answer it got the first time. */
  private earlierAnswer(write: Write<any, any, any>, history: readonly RecordedEvent[], context: RequestContext): WriteResult | null {
    if (context.idempotencyKey === null) return null;
    const firstId = this.keyedEventId(context, 0);
    const start = history.findIndex((event) => event.metadata.eventId === firstId);
    if (start < 0) return null;
    let last = start;
    while (last + 1 < history.length && history[last + 1].metadata.eventId === this.keyedEventId(context, last + 1 - start)) last++;
    return { id: write.id, revision: history[last].revision, position: history[last].position };
  }
}

/** A stored event as the domain event it was, business time included. */
function toDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data, occurredAt: event.metadata.occurredAt } as unknown as E;
}
