import { ProjectedEvent, Projection } from './projection';
import { Reserved, ReservationRule, Settled } from './reservation-ledger';

/** An intent that claimed a key and whose record is not in the log yet, by intent id: the key its first claim was appended to. */
export interface PendingReservation {
  readonly intentId: string;
  readonly key: string;
}

/**
 * The intents to finish at start-up: a claim adds its intent, and the intent's first record
 * event (whose id is the intent's id) or a settlement naming it takes it away again. What is
 * left after a crash is exactly the claims whose records were never written.
 */
export function pendingReservationsProjection(
  rules: ReadonlyArray<Pick<ReservationRule<unknown>, 'types'>>,
  recordTypes: readonly string[],
): Projection<PendingReservation> {
  const reserved = new Set(rules.map((rule) => rule.types.reserved));
  const settled = new Set(rules.map((rule) => rule.types.settled));
  return {
    name: 'pending-reservations',
    version: 1,
    collection: 'pending-reservations',
    handles: [...reserved, ...settled, ...recordTypes],
    documentIds(event: ProjectedEvent) {
      if (reserved.has(event.type)) return [(event as unknown as Reserved<unknown>).data.intent.intentId];
      if (settled.has(event.type)) return (event as unknown as Settled<unknown>).data.settled.intents.map((i) => i.intentId);
      return [event.metadata.eventId];
    },
    evolve(document, event) {
      if (!reserved.has(event.type)) return null;
      const { intent, key } = (event as unknown as Reserved<unknown>).data;
      return document ?? { intentId: intent.intentId, key };
    },
  };
}
