import { CommandMetadata } from '../events';
import {
  IntentAppend,
  KeyClaim,
  LedgerEntry,
  LedgerEvent,
  NOTHING_SETTLED,
  Reserve,
  ReservationIntent,
  ReservationLedger,
  Settlement,
} from '../reservation-ledger';

export const RESERVATION_METADATA: CommandMetadata = {
  now: '2026-03-31T09:00:00+08:00',
  actor: { userId: 'u-1', role: 'admin', orgId: 'org-centre' },
};

/** An append of one event to a stream, the event's id given. */
export function appendTo(streamId: string, eventId: string, expected: IntentAppend['expected'] = 'no_stream'): IntentAppend {
  const { now, actor } = RESERVATION_METADATA;
  return {
    streamId,
    expected,
    events: [{ type: 'Recorded', schemaVersion: 1, data: {}, metadata: { eventId, actor, occurredAt: now, recordedAt: now, correlationId: 'corr-1', causationId: null } }],
  };
}

/**
 * An intent claiming one key of a ledger for a record: by default it creates the record, or,
 * with `expected`, changes one read at that revision.
 */
export function intentOn<V>(
  ledger: ReservationLedger<V>,
  keyId: string,
  entry: LedgerEntry<V>,
  { intentId = `intent-${entry.recordStreamId}`, expected = 'no_stream' as IntentAppend['expected'], otherKeys = [] as readonly string[] } = {},
): ReservationIntent<V> {
  const claims: KeyClaim<V>[] = [ledger.key(keyId), ...otherKeys].sort().map((key) => ({ key, ...entry }));
  return { intentId, claims, appends: [appendTo(entry.recordStreamId, intentId, expected)] };
}

export function reserve<V>(ledger: ReservationLedger<V>, keyId: string, intent: ReservationIntent<V>, settled: Settlement<V> = NOTHING_SETTLED): Reserve<V> {
  return { type: 'Reserve', data: { key: ledger.key(keyId), intent, settled }, metadata: RESERVATION_METADATA };
}

/** The event a key's claim is stored as. */
export function reserved<V>(ledger: ReservationLedger<V>, keyId: string, intent: ReservationIntent<V>, settled: Settlement<V> = NOTHING_SETTLED): LedgerEvent<V> {
  return { type: ledger.rule.types.reserved, data: { key: ledger.key(keyId), intent, settled } };
}

export function opened<V>(ledger: ReservationLedger<V>, entries: readonly LedgerEntry<V>[]): LedgerEvent<V> {
  return { type: ledger.rule.types.opened, data: { entries } };
}

export function settled<V>(ledger: ReservationLedger<V>, settlement: Settlement<V>): LedgerEvent<V> {
  return { type: ledger.rule.types.settled, data: { settled: settlement } };
}
