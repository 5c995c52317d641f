import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  DomainEvent,
  homeKeyOf,
  IntentAppend,
  isRefusalOf,
  LedgerCommand,
  LedgerEntry,
  ledgerEntries,
  LedgerEvent,
  LedgerState,
  NOTHING_SETTLED,
  ReservationIntent,
  ReservationLedger,
  settle,
  Settlement,
} from '@sws/kernel';
import { AppendResult, EVENT_STORE, EventStore, NewEvent, RecordedEvent, uuidV7, WrongExpectedRevision } from '@sws/event-store';
import { chinaTimestamp, Clock } from '../clock';
import { eventTypeRegistry } from '../stores';
import { LegacyRecords } from './legacy-records';
import { ledgerOfKey, RESERVED_RECORD_TYPES } from './ledgers';

/**
 * The write starts over from reading: a key it claims moved under it, its record moved before
 * it was written, or finishing another write changed what it had read.
 */
export class RetryAttempt extends Error {
  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super(`${streamId}: ${reason}`);
    this.name = 'RetryAttempt';
  }
}

/**
 * A request sent again with its Idempotency-Key derives the same intent, and an earlier attempt
 * of it was given up (it stopped between its claims, and another write took one of its keys):
 * the request is decided afresh with event ids of its own.
 */
export class IntentGivenUp extends Error {
  constructor(readonly intentId: string) {
    super(`an earlier attempt of this request (intent ${intentId}) was given up`);
    this.name = 'IntentGivenUp';
  }
}

/** A key as one attempt read it: its folded state, and what was settled while reading it (appended with its next claim). */
export interface KeyRead<V> {
  readonly ledger: ReservationLedger<V>;
  readonly key: string;
  readonly revision: number | 'no_stream';
  /** For a key with no stream yet: what records made before reservation streams hold there. */
  readonly opening: readonly LedgerEntry<V>[] | null;
  state: LedgerState<V>;
  settled: Settlement<V>;
  /** Records whose entries were checked against their own streams in this read. */
  readonly verified: Set<string>;
}

/** The intents being finished further up the stack, how deep, and whether anything was appended on the way. */
export interface Resolution {
  readonly resolving: ReadonlySet<string>;
  readonly depth: number;
  readonly trace: { wrote: boolean };
}

export type Completion = { readonly outcome: 'void' } | { readonly outcome: 'written'; readonly result: AppendResult };

/** A claim a write makes on a key of a rule: `value` is what its record will hold there. */
export interface Claim<V = any> {
  readonly ledger: ReservationLedger<V>;
  /** The key's id: `StationCommitment-<id>`. */
  readonly id: string;
  readonly value: V;
  /** The record whose entry it is; by default the one the write appends to. */
  readonly recordStreamId?: string;
}

/** What a write reserves before it appends: its claims, and the new records it makes with its own. */
export interface Reservation {
  readonly claims: readonly Claim[];
  /** Each on a stream of its own, written right after the record (a renewal's successor contract). */
  readonly followUps?: ReadonlyArray<{ readonly streamId: string; readonly events: readonly NewEvent[] }>;
}

/** A write's own append. */
export interface RecordAppend {
  readonly streamId: string;
  readonly expected: 'no_stream' | number;
  readonly events: readonly NewEvent[];
}

/** Nesting of intents finished to finish another: each is met at a later key, so it is bounded by the keys of a write. */
const MAX_DEPTH = 8;
const MAX_ROUNDS = 8;
/** How many keys' folds a process keeps. */
const FOLDED_KEYS = 10_000;

/** A stored event as a decider folds it. */
function asDomainEvent(event: RecordedEvent): DomainEvent {
  return { type: event.type, data: event.data, occurredAt: event.metadata.occurredAt };
}

function withSettled<V>(a: Settlement<V>, b: Settlement<V>): Settlement<V> {
  return { intents: [...a.intents, ...b.intents], records: [...a.records, ...b.records] };
}

/**
 * The protocol of reservation streams (README, "Rules that span records").
 *
 * A write whose rule spans records reserves first: it appends a claim carrying the whole intent
 * (its record's events with their ids) to each of its keys in key order, each with the revision
 * it read, and only then appends its record with the revision it read of that. The last key
 * decides the intent: once the intent is held there it is committed and anyone may write its
 * record; before that anyone may give it up by appending a settlement there. The record's own
 * expected revision decides the rest: an intent whose record stream has moved past the revision
 * it read, without its events, can never be written, and is void.
 *
 * Whoever meets a pending claim (a later command reading the key, or the start of a process)
 * finishes it before judging: holds its remaining keys (or gives it up when one refuses it),
 * writes its record with the ids the intent carries (so the slow writer's own append finds them
 * stored and succeeds as a retry), or finds it void. Both may run at once: every step is an
 * append with an expected revision or of events whose ids are stored already, so exactly one
 * outcome is reached and every party sees it.
 */
@Injectable()
export class Reservations {
  private readonly registry = eventTypeRegistry();
  /** The folds of the keys read lately (states are never changed in place). */
  private readonly folded = new Map<string, { revision: number; state: LedgerState<any> }>();

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly clock: Clock,
    private readonly legacy: LegacyRecords,
  ) {}

  /** The reads of one attempt of a write to `ownStreamId`. */
  session(ownStreamId: string): KeyReads {
    return new KeyReads(this, ownStreamId);
  }

  /** Reads a key: folds its stream (opening it over older records when it has none) and finishes every pending intent met there. */
  async read<V>(ledger: ReservationLedger<V>, key: string, resolution: Resolution): Promise<KeyRead<V>> {
    const folded = await this.foldKey(ledger, key);
    let state = folded.state;
    let opening: readonly LedgerEntry<V>[] | null = null;
    if (folded.revision === 'no_stream') {
      const entries = await this.legacy.entries(ledger, key);
      if (entries.length > 0) {
        opening = entries;
        state = ledger.evolve(state, { type: ledger.rule.types.opened, data: { entries } });
      }
    }
    const read: KeyRead<V> = {
      ledger,
      key,
      revision: folded.revision,
      opening,
      state,
      settled: NOTHING_SETTLED,
      verified: new Set(),
    };
    for (const { intent, entry } of state.pending) {
      if (resolution.resolving.has(intent.intentId)) continue;
      // Pending at its home key, it is committed: only its records may be missing.
      const { outcome } = await this.resolve(intent, resolution, { committed: key === homeKeyOf(intent) });
      this.apply(read, { intents: [{ intentId: intent.intentId, outcome }], records: [] });
      await this.verify(read, entry.recordStreamId);
    }
    return read;
  }

  /** Checks every record of the key against its own stream; false when there was nothing left to check. */
  async verifyAll<V>(read: KeyRead<V>): Promise<boolean> {
    const unverified = [...read.state.records.keys()].filter((recordStreamId) => !read.verified.has(recordStreamId));
    for (const recordStreamId of unverified) await this.verify(read, recordStreamId);
    return unverified.length > 0;
  }

  /** The claim of the intent at the read key, decided against what it holds; a refusal is checked again against the records' own streams. */
  async decideReserve<V>(read: KeyRead<V>, intent: ReservationIntent<V>): Promise<readonly LedgerEvent<V>[]> {
    const reserve = () => this.decide(read, { type: 'Reserve', data: { key: read.key, intent, settled: read.settled } }, intent);
    try {
      return reserve();
    } catch (error) {
      if (!isRefusalOf(read.ledger.rule, error) || !(await this.verifyAll(read))) throw error;
      return reserve();
    }
  }

  /**
   * The owner's way: every claim is checked before any is appended (a refusal appends nothing),
   * then appended in key order, then the records. Returns the record's append.
   */
  async commit<V>(intent: ReservationIntent<V>, keys: KeyReads): Promise<AppendResult> {
    if (!RESERVED_RECORD_TYPES.includes(intent.appends[0].events[0].type)) {
      throw new Error(`${intent.appends[0].events[0].type} is not listed in RESERVED_RECORD_TYPES`);
    }
    const claims: Array<{ read: KeyRead<V>; events: readonly LedgerEvent<V>[] }> = [];
    for (const claim of intent.claims) {
      const read = await keys.read(ledgerOfKey(claim.key) as ReservationLedger<V>, claim.key);
      if (read.state.intents.get(intent.intentId) === 'void') throw new IntentGivenUp(intent.intentId);
      claims.push({ read, events: await this.decideReserve(read, intent) });
    }
    const resolution = keys.resolution;
    let held = false;
    for (const { read, events } of claims) {
      if (await this.appendTo(read, events, intent, resolution)) {
        held = true;
        continue;
      }
      if (!held) throw new RetryAttempt(read.key, 'another write claimed the key first');
      // Some keys hold the intent already: carry it on as anyone would (or give it up).
      return this.writtenOrRetry(await this.resolve(intent, resolution), intent);
    }
    return this.writtenOrRetry((await this.complete(intent, resolution)) ?? (await this.resolve(intent, resolution)), intent);
  }

  /**
   * Finishes an intent met pending: decided at its home key, it is written; undecided, its
   * remaining keys are held (or it is given up there when one refuses it) and then written; its
   * record moved without it, it is void.
   */
  async resolve(intent: ReservationIntent, parent: Resolution, { committed = false } = {}): Promise<Completion> {
    const resolution: Resolution = {
      resolving: new Set([...parent.resolving, intent.intentId]),
      depth: parent.depth + 1,
      trace: parent.trace,
    };
    const homeKey = homeKeyOf(intent);
    if (resolution.depth > MAX_DEPTH) throw new RetryAttempt(homeKey, 'too many unfinished writes met on the way');
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const status = round === 0 && committed ? 'pending' : (await this.fold(homeKey)).intents.get(intent.intentId);
      if (status === 'void') return { outcome: 'void' };
      if (status === undefined) {
        const held = await this.holdAll(intent, resolution);
        if (held === 'void') return { outcome: 'void' };
        if (held === 'moved') continue;
      }
      const completion = await this.complete(intent, resolution);
      if (completion) return completion;
    }
    throw new RetryAttempt(homeKey, `intent ${intent.intentId} could not be finished`);
  }

  /** The intent as its claim at `key` carries it. */
  async intentClaimedAt(key: string, intentId: string): Promise<ReservationIntent> {
    const types = ledgerOfKey(key).rule.types;
    const claim = (await this.events.readStream(key)).find(
      (event) => event.type === types.reserved && (event.data as { intent: ReservationIntent }).intent.intentId === intentId,
    );
    if (!claim) throw new Error(`${key} holds no claim of intent ${intentId}`);
    return (claim.data as { intent: ReservationIntent }).intent;
  }

  /** After an intent was found void: says so at every key still holding it pending, so that no process meets it again. */
  async settleVoidEverywhere(intent: ReservationIntent, parent: Resolution): Promise<void> {
    const resolution = { ...parent, resolving: new Set([...parent.resolving, intent.intentId]) };
    for (const { key } of intent.claims) {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const read = await this.read(ledgerOfKey(key), key, resolution);
        if (read.state.intents.get(intent.intentId) !== 'pending') break;
        if (await this.appendTo(read, this.voidSettlement(read, intent), intent, resolution)) break;
      }
    }
  }

  private writtenOrRetry(completion: Completion, intent: ReservationIntent): AppendResult {
    if (completion.outcome === 'written') return completion.result;
    throw new RetryAttempt(intent.appends[0].streamId, 'the record changed before it was written');
  }

  /** Holds the intent at each key in order: 'held' once the home key holds it, 'moved' when a key moved or it was given up. */
  private async holdAll(intent: ReservationIntent, resolution: Resolution): Promise<'held' | 'void' | 'moved'> {
    for (const { key } of intent.claims) {
      const read = await this.read(ledgerOfKey(key), key, resolution);
      const status = read.state.intents.get(intent.intentId);
      if (status === 'void') return 'void';
      if (status !== undefined) continue;
      let events: readonly LedgerEvent<unknown>[];
      try {
        events = await this.decideReserve(read, intent);
      } catch (error) {
        if (!isRefusalOf(read.ledger.rule, error)) throw error;
        // The key refuses it now: nobody may finish it. Say so at its home key.
        await this.settleVoid(intent, resolution, { unlessHeld: true });
        return 'moved';
      }
      if (!(await this.appendTo(read, events, intent, resolution))) return 'moved';
    }
    return 'held';
  }

  /**
   * Writes the intent's appends that are not stored yet. Null when a record moved meanwhile (read
   * again); void when the first record moved past the revision the intent read.
   */
  private async complete(intent: ReservationIntent, resolution: Resolution): Promise<Completion | null> {
    let first: AppendResult | null = null;
    for (const [index, append] of intent.appends.entries()) {
      const stored = await this.events.readStream(append.streamId);
      const at = stored.findIndex((event) => event.metadata.eventId === append.events[0].metadata.eventId);
      if (at >= 0) {
        const last = stored[at + append.events.length - 1];
        if (index === 0) first = { nextRevision: last.revision, position: last.position };
        continue;
      }
      const current = stored.length === 0 ? 'no_stream' : stored[stored.length - 1].revision;
      if (current !== append.expected) {
        if (index > 0) throw new Error(`${append.streamId} holds events intent ${intent.intentId} did not write`);
        await this.settleVoid(intent, resolution, { unlessHeld: false });
        return { outcome: 'void' };
      }
      try {
        const result = await this.events.append(append.streamId, this.storable(append), append.expected);
        resolution.trace.wrote = true;
        if (index === 0) first = result;
      } catch (error) {
        if (error instanceof WrongExpectedRevision) return null;
        throw error;
      }
    }
    return { outcome: 'written', result: first! };
  }

  /** Settles the intent void at its home key; with `unlessHeld`, only while the home key does not hold it (giving it up). */
  private async settleVoid(intent: ReservationIntent, parent: Resolution, { unlessHeld }: { unlessHeld: boolean }): Promise<void> {
    const homeKey = homeKeyOf(intent);
    const resolution = { ...parent, resolving: new Set([...parent.resolving, intent.intentId]) };
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const home = await this.read(ledgerOfKey(homeKey), homeKey, resolution);
      const status = home.state.intents.get(intent.intentId);
      if (status === 'void' || (unlessHeld && status !== undefined)) return;
      if (status === 'written') throw new Error(`intent ${intent.intentId} is written; it cannot be void`);
      if (await this.appendTo(home, this.voidSettlement(home, intent), intent, resolution)) return;
    }
    throw new RetryAttempt(homeKey, `intent ${intent.intentId} could not be given up`);
  }

  private voidSettlement<V>(read: KeyRead<V>, intent: ReservationIntent): readonly LedgerEvent<V>[] {
    const settled = withSettled(read.settled, { intents: [{ intentId: intent.intentId, outcome: 'void' }], records: [] });
    return this.decide(read, { type: 'Settle', data: { settled } }, intent);
  }

  /** Appends to a key with the revision it was read at (its opening first, for a key new to the log); false when the key moved. */
  private async appendTo<V>(read: KeyRead<V>, events: readonly LedgerEvent<V>[], intent: ReservationIntent, resolution: Resolution): Promise<boolean> {
    if (events.length === 0) return true;
    await this.legacy.introduce();
    const opened = read.opening ? this.decide(read, { type: 'OpenLedger', data: { entries: read.opening } }, intent, read.ledger.initialState()) : [];
    const actor = intent.appends[0].events[0].metadata.actor as Actor;
    const { correlationId } = intent.appends[0].events[0].metadata;
    const now = chinaTimestamp(this.clock.now());
    const stored: NewEvent[] = [...opened, ...events].map((event) => ({
      type: event.type,
      data: event.data,
      metadata: { eventId: uuidV7(), actor, occurredAt: now, recordedAt: now, correlationId, causationId: null },
    }));
    try {
      await this.events.append(read.key, stored, read.revision);
      resolution.trace.wrote = true;
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevision) return false;
      throw error;
    }
  }

  private decide<V>(read: KeyRead<V>, command: Omit<LedgerCommand<V>, 'metadata'>, intent: ReservationIntent, state: LedgerState<V> = read.state) {
    const metadata = { now: chinaTimestamp(this.clock.now()), actor: intent.appends[0].events[0].metadata.actor };
    return read.ledger.decide({ ...command, metadata } as LedgerCommand<V>, state);
  }

  /** The events of an append as the store takes them now: data written at an older schema version is upcast first. */
  private storable(append: IntentAppend): NewEvent[] {
    return append.events.map(({ type, schemaVersion, data, metadata }) => ({
      type,
      data: schemaVersion === this.registry.currentVersion(type) ? data : this.registry.upcast(type, schemaVersion, data, metadata),
      metadata,
    }));
  }

  private async fold(key: string): Promise<LedgerState<unknown>> {
    return (await this.foldKey(ledgerOfKey(key), key)).state;
  }

  /** A key's stream folded: from the fold kept of it, with the events appended since (a stream only grows). */
  private async foldKey<V>(ledger: ReservationLedger<V>, key: string): Promise<{ revision: number | 'no_stream'; state: LedgerState<V> }> {
    const kept = this.folded.get(key) as { revision: number; state: LedgerState<V> } | undefined;
    const tail = await this.events.readStream(key, kept ? kept.revision + 1 : 0);
    if (!kept && tail.length === 0) return { revision: 'no_stream', state: ledger.initialState() };
    const state = (tail.map(asDomainEvent) as LedgerEvent<V>[]).reduce(ledger.evolve, kept?.state ?? ledger.initialState());
    const revision = tail.length > 0 ? tail[tail.length - 1].revision : kept!.revision;
    // Most recently read last, so that the least recently read goes first.
    this.folded.delete(key);
    this.folded.set(key, { revision, state });
    if (this.folded.size > FOLDED_KEYS) this.folded.delete(this.folded.keys().next().value!);
    return { revision, state };
  }

  private apply<V>(read: KeyRead<V>, settlement: Settlement<V>): void {
    read.settled = withSettled(read.settled, settlement);
    read.state = settle(read.state, settlement);
  }

  private async verify<V>(read: KeyRead<V>, recordStreamId: string): Promise<void> {
    const stored = await this.events.readStream(recordStreamId);
    const value = read.ledger.rule.valueOf(read.ledger.idOf(read.key), recordStreamId, stored.map(asDomainEvent));
    this.apply(read, { intents: [], records: [{ recordStreamId, value }] });
    read.verified.add(recordStreamId);
  }

  /** The intent of a write: its claims in key order, its record's append and its follow-ups, events with their schema versions. */
  intentOf(reservation: Reservation, record: RecordAppend): ReservationIntent {
    const claims = reservation.claims
      .map(({ ledger, id, value, recordStreamId }) => ({ key: ledger.key(id), recordStreamId: recordStreamId ?? record.streamId, value }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (new Set(claims.map((claim) => claim.key)).size !== claims.length) throw new Error('a write claims a key twice');
    const appendOf = ({ streamId, expected, events }: RecordAppend): IntentAppend => ({
      streamId,
      expected,
      events: events.map((event) => ({ ...event, schemaVersion: this.registry.currentVersion(event.type) })),
    });
    const followUps = (reservation.followUps ?? []).map(({ streamId, events }) => appendOf({ streamId, expected: 'no_stream', events }));
    return { intentId: record.events[0].metadata.eventId, claims, appends: [appendOf(record), ...followUps] };
  }
}

/** One attempt's reads of reservation keys, kept so that the claims are appended with the revisions the decision saw. */
export class KeyReads {
  private readonly reads = new Map<string, KeyRead<any>>();
  readonly resolution: Resolution = { resolving: new Set(), depth: 0, trace: { wrote: false } };

  constructor(
    private readonly reservations: Reservations,
    /** The record this attempt writes: its own entries are never in its way. */
    readonly ownStreamId: string,
  ) {}

  /** What the other records hold at a key (pending writes met there are finished first). */
  async entries<V>(ledger: ReservationLedger<V>, id: string): Promise<LedgerEntry<V>[]> {
    const read = await this.read(ledger, ledger.key(id));
    return ledgerEntries(read.state).filter((entry) => entry.recordStreamId !== this.ownStreamId);
  }

  async read<V>(ledger: ReservationLedger<V>, key: string): Promise<KeyRead<V>> {
    let read = this.reads.get(key) as KeyRead<V> | undefined;
    if (!read) {
      read = await this.reservations.read(ledger, key, this.resolution);
      this.reads.set(key, read);
    }
    // Finishing a write met on the way appended records this attempt may have read before: start over.
    if (this.resolution.trace.wrote) throw new RetryAttempt(key, 'a write met there was finished first');
    return read;
  }

  /** After a refusal by the rule of a key read: whether checking its records against their own streams found anything new. */
  async recheck(error: unknown): Promise<boolean> {
    let checked = false;
    for (const read of this.reads.values()) {
      if (isRefusalOf(read.ledger.rule, error)) checked = (await this.reservations.verifyAll(read)) || checked;
    }
    return checked;
  }

  /** Claims the reservation's keys, then appends the record and its follow-ups (see Reservations). */
  write(reservation: Reservation, record: RecordAppend): Promise<AppendResult> {
    return this.reservations.commit(this.reservations.intentOf(reservation, record), this);
  }

  /**
   * Decides with the facts `build` gathers from these reads; a refusal by a key's rule is checked
   * once more after the key's records were checked against their own streams (a termination, a
   * withdrawal or a void frees what a key still says is held).
   */
  async decide<C, E>(build: () => Promise<C> | C, decide: (command: C) => readonly E[]): Promise<readonly E[]> {
    try {
      return decide(await build());
    } catch (error) {
      if (!(await this.recheck(error))) throw error;
      return decide(await build());
    }
  }
}
