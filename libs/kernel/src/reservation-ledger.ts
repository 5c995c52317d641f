import { Decider } from './decider';
import { DomainError, refuse } from './domain-error';
import { EventTypeDefinition } from './event-type-registry';
import { Command, DomainEvent, EventMetadata } from './events';

/**
 * Rules that span records (a station in one contract at a time, a supervisor's sessions not
 * overlapping, ...) are arbitrated by the event store: each key of such a rule (a station, a
 * supervisor's month) has a reservation stream, `<Category>-<id>`, whose folded state says what
 * each record holds there. A write claims its keys first, appending to each with the revision it
 * read, and only then appends its record. The claim carries the whole write (its intent), so
 * that whoever meets a claim whose record is missing can finish it.
 */

/** What one record holds in a key: contract C holds station S from one day to another. */
export interface LedgerEntry<V> {
  readonly recordStreamId: string;
  readonly value: V;
}

export interface KeyClaim<V> extends LedgerEntry<V> {
  /** The reservation stream, `<Category>-<id>`. */
  readonly key: string;
}

/** One append of the intent, with its events exactly as they will be stored. */
export interface IntentAppend {
  readonly streamId: string;
  /** What the writer read: a number, or 'no_stream' for a new record (every follow-up is one). */
  readonly expected: 'no_stream' | number;
  /** Each with the schema version its data was written at, so that a later service finishing it upcasts first. */
  readonly events: ReadonlyArray<{ readonly type: string; readonly schemaVersion: number; readonly data: unknown; readonly metadata: EventMetadata }>;
}

/**
 * A write reserved ahead of its records: its claims in key order (the last key decides it) and
 * the appends that complete it. The first append is the record the command wrote; the others
 * are new records it creates with it (a renewal's successor contract).
 */
export interface ReservationIntent<V = unknown> {
  /** The id of the first event of the first append. */
  readonly intentId: string;
  readonly claims: readonly KeyClaim<V>[];
  readonly appends: readonly IntentAppend[];
}

/** The key where an intent is decided: its last claim's. Holding it there commits the intent. */
export function homeKeyOf(intent: ReservationIntent): string {
  return intent.claims[intent.claims.length - 1].key;
}

/** Whether the intent creates `recordStreamId` (appends to it as a new stream) rather than changing it. */
export function createsRecord(intent: ReservationIntent, recordStreamId: string): boolean {
  return intent.appends.some((append) => append.streamId === recordStreamId && append.expected === 'no_stream');
}

export type IntentOutcome = 'written' | 'void';
export type IntentStatus = 'pending' | IntentOutcome;

/** What became of intents met pending, and what records hold now according to their own streams. */
export interface Settlement<V> {
  readonly intents: ReadonlyArray<{ readonly intentId: string; readonly outcome: IntentOutcome }>;
  readonly records: ReadonlyArray<{ readonly recordStreamId: string; readonly value: V | null }>;
}

export const NOTHING_SETTLED: Settlement<never> = { intents: [], records: [] };

export interface PendingClaim<V> {
  readonly intent: ReservationIntent<V>;
  readonly entry: LedgerEntry<V>;
}

export interface LedgerState<V> {
  /** Whether the stream holds anything yet. */
  readonly opened: boolean;
  /**
   * What each record holds, as last settled from its own stream (absent: nothing). Maps, not
   * objects: a key meets every record and intent of its rule (a supervisor's month, each of its
   * sessions), and each settlement copies them (a Map of 40 entries in about 2 µs, an object
   * spread in about 10).
   */
  readonly records: ReadonlyMap<string, V>;
  /** Every intent the key has met, and what became of it. */
  readonly intents: ReadonlyMap<string, IntentStatus>;
  /** Claims whose records are not known to be written yet. */
  readonly pending: readonly PendingClaim<V>[];
}

export type LedgerOpened<V> = DomainEvent<string, { readonly entries: readonly LedgerEntry<V>[] }>;
export type Reserved<V> = DomainEvent<string, { readonly key: string; readonly intent: ReservationIntent<V>; readonly settled: Settlement<V> }>;
export type Settled<V> = DomainEvent<string, { readonly settled: Settlement<V> }>;
export type LedgerEvent<V> = LedgerOpened<V> | Reserved<V> | Settled<V>;

/** Opens a key over records made before it had a reservation stream. */
export type OpenLedger<V> = Command<'OpenLedger', { readonly entries: readonly LedgerEntry<V>[] }>;
/** Claims the key for an intent, persisting what was settled while reading it. */
export type Reserve<V> = Command<'Reserve', { readonly key: string; readonly intent: ReservationIntent<V>; readonly settled: Settlement<V> }>;
export type Settle<V> = Command<'Settle', { readonly settled: Settlement<V> }>;
export type LedgerCommand<V> = OpenLedger<V> | Reserve<V> | Settle<V>;

/** What a rule says about the claims of one key. */
export interface ReservationRule<V> {
  /** The reservation streams' category: keys are `<category>-<id>`. */
  readonly category: string;
  /** Permanent event type strings. */
  readonly types: { readonly opened: string; readonly reserved: string; readonly settled: string };
  /** The refusal codes of `check`: a command refused with one is checked again against the records' own streams. */
  readonly refusals: readonly string[];
  /** Throws the rule's DomainError when `claim` cannot stand beside `others` (the other records' entries). */
  check(claim: LedgerEntry<V>, others: readonly LedgerEntry<V>[], context: { readonly keyId: string; readonly createsRecord: boolean }): void;
  /** What a record holds in the key now, from its own events; null for nothing. */
  valueOf(keyId: string, recordStreamId: string, events: readonly DomainEvent[]): V | null;
}

export interface ReservationLedger<V> extends Decider<LedgerState<V>, LedgerCommand<V>, LedgerEvent<V>> {
  readonly rule: ReservationRule<V>;
  key(id: string): string;
  /** The id part of a key. */
  idOf(key: string): string;
  /** The three event types, for the library's registry. */
  readonly eventTypes: readonly EventTypeDefinition[];
}

/** Every entry of the key: the settled records' and the pending claims'. */
export function ledgerEntries<V>(state: LedgerState<V>): LedgerEntry<V>[] {
  return [
    ...[...state.records].map(([recordStreamId, value]) => ({ recordStreamId, value })),
    ...state.pending.map((claim) => claim.entry),
  ];
}

export function claimAt<V>(intent: ReservationIntent<V>, key: string): KeyClaim<V> {
  const claim = intent.claims.find((c) => c.key === key);
  if (!claim) throw new Error(`intent ${intent.intentId} claims nothing at ${key}`);
  return claim;
}

export function settlementIsEmpty(settled: Settlement<unknown>): boolean {
  return settled.intents.length === 0 && settled.records.length === 0;
}

/**
 * The state after a settlement: each map copied once, only when the settlement changes it, and
 * changed in the copy (the state given is never changed). A record settled again moves to the end
 * of `records`, where a new one is added.
 */
export function settle<V>(state: LedgerState<V>, settled: Settlement<V>): LedgerState<V> {
  let { intents, pending } = state;
  let records: Map<string, V> | null = null;
  const ownRecords = () => (records ??= new Map(state.records));
  if (settled.intents.length > 0) {
    const ownIntents = new Map(intents);
    for (const { intentId, outcome } of settled.intents) {
      const claim = pending.find((p) => p.intent.intentId === intentId);
      if (claim && outcome === 'written' && !(records ?? state.records).has(claim.entry.recordStreamId)) {
        ownRecords().set(claim.entry.recordStreamId, claim.entry.value);
      }
      ownIntents.set(intentId, outcome);
      pending = pending.filter((p) => p.intent.intentId !== intentId);
    }
    intents = ownIntents;
  }
  for (const { recordStreamId, value } of settled.records) {
    const own = ownRecords();
    own.delete(recordStreamId);
    if (value !== null) own.set(recordStreamId, value);
  }
  return { opened: true, records: records ?? state.records, intents, pending };
}

/** The generic decider of a reservation stream; the rule decides what clashes. */
export function reservationLedger<V>(rule: ReservationRule<V>): ReservationLedger<V> {
  const prefix = `${rule.category}-`;
  const idOf = (key: string) => {
    if (!key.startsWith(prefix)) throw new Error(`${key} is not a ${rule.category} key`);
    return key.slice(prefix.length);
  };
  return {
    rule,
    key: (id) => `${prefix}${id}`,
    idOf,
    eventTypes: [rule.types.opened, rule.types.reserved, rule.types.settled].map((type) => ({ type, schemaVersion: 1 })),

    initialState: () => ({ opened: false, records: new Map(), intents: new Map(), pending: [] }),

    evolve(state, event) {
      switch (event.type) {
        case rule.types.opened: {
          const { entries } = (event as LedgerOpened<V>).data;
          return { ...state, opened: true, records: new Map(entries.map((e) => [e.recordStreamId, e.value])) };
        }
        case rule.types.reserved: {
          const { key, intent, settled } = (event as Reserved<V>).data;
          const after = settle(state, settled);
          if (after.intents.has(intent.intentId)) return after;
          const { recordStreamId, value } = claimAt(intent, key);
          return {
            ...after,
            intents: new Map(after.intents).set(intent.intentId, 'pending'),
            pending: [...after.pending, { intent, entry: { recordStreamId, value } }],
          };
        }
        case rule.types.settled:
          return settle(state, (event as Settled<V>).data.settled);
        default:
          return state;
      }
    },

    decide(command, state) {
      switch (command.type) {
        case 'OpenLedger':
          if (state.opened) throw new Error('the ledger is open already');
          return command.data.entries.length === 0 ? [] : [{ type: rule.types.opened, data: { entries: command.data.entries } }];
        case 'Reserve': {
          const { key, intent, settled } = command.data;
          const after = settle(state, settled);
          const status = after.intents.get(intent.intentId);
          if (status === 'void') refuse('RESERVATION_VOID', `intent ${intent.intentId} was given up at ${key}`, { intentId: intent.intentId });
          if (status !== undefined) return [];
          const { recordStreamId, value } = claimAt(intent, key);
          const others = ledgerEntries(after).filter((entry) => entry.recordStreamId !== recordStreamId);
          rule.check({ recordStreamId, value }, others, { keyId: idOf(key), createsRecord: createsRecord(intent, recordStreamId) });
          return [{ type: rule.types.reserved, data: { key, intent, settled } }];
        }
        case 'Settle':
          return settlementIsEmpty(command.data.settled) ? [] : [{ type: rule.types.settled, data: { settled: command.data.settled } }];
      }
    },
  };
}

/** Whether an error is one of the rule's refusals (worth checking again against the records themselves). */
export function isRefusalOf(rule: ReservationRule<unknown>, error: unknown): error is DomainError {
  return error instanceof DomainError && rule.refusals.includes(error.code);
}
