import { DomainEvent } from './events';
import { refuse } from './domain-error';
import { ledgerEntries, reservationLedger, settle } from './reservation-ledger';
import { deciderSpecification, intentOn, opened, reserve, reserved, settled } from './testing';

/** A toy rule: a key holds one seat; a record taking it clashes with any other record holding it. */
const seats = reservationLedger<{ seat: number }>({
  category: 'Seat',
  types: { opened: 'SeatLedgerOpened', reserved: 'SeatReserved', settled: 'SeatsSettled' },
  refusals: ['SEAT_TAKEN'],
  check(claim, others, { createsRecord }) {
    const taken = others.find((other) => other.value.seat === claim.value.seat);
    if (taken) refuse('SEAT_TAKEN', `seat ${claim.value.seat} is ${taken.recordStreamId}'s`, { createsRecord });
  },
  valueOf: (_key, _record, events: readonly DomainEvent[]) => (events.length > 0 ? { seat: 1 } : null),
});
const spec = deciderSpecification(seats);

const alice = { recordStreamId: 'Guest-alice', value: { seat: 1 } };
const bob = { recordStreamId: 'Guest-bob', value: { seat: 1 } };
const aliceTakes = intentOn(seats, 'row-a', alice, { intentId: 'i-alice' });
const bobTakes = intentOn(seats, 'row-a', bob, { intentId: 'i-bob' });

describe('a reservation stream', () => {
  describe('when a record claims a key', () => {
    it('reserves it when no other record holds what it claims', () => {
      spec.given([]).when(reserve(seats, 'row-a', aliceTakes)).then([reserved(seats, 'row-a', aliceTakes)]);
    });

    it('refuses it with the rule’s code when another record holds it, written or still pending', () => {
      spec.given([opened(seats, [bob])]).when(reserve(seats, 'row-a', aliceTakes)).thenFails('SEAT_TAKEN');
      spec.given([reserved(seats, 'row-a', bobTakes)]).when(reserve(seats, 'row-a', aliceTakes)).thenFails('SEAT_TAKEN');
    });

    it('never finds a record in its own way: an amendment of what it holds is no clash', () => {
      const aliceAgain = intentOn(seats, 'row-a', alice, { intentId: 'i-alice-2', expected: 0 });
      spec.given([reserved(seats, 'row-a', aliceTakes)]).when(reserve(seats, 'row-a', aliceAgain)).then([reserved(seats, 'row-a', aliceAgain)]);
    });

    it('appends nothing for an intent it holds already (a retried request)', () => {
      spec.given([reserved(seats, 'row-a', aliceTakes)]).when(reserve(seats, 'row-a', aliceTakes)).then([]);
    });

    it('refuses an intent given up at this key', () => {
      const givenUp = { intents: [{ intentId: 'i-alice', outcome: 'void' as const }], records: [] };
      spec.given([settled(seats, givenUp)]).when(reserve(seats, 'row-a', aliceTakes)).thenFails('RESERVATION_VOID');
    });

    it('tells the rule whether the intent creates the record or changes one', () => {
      const changes = intentOn(seats, 'row-a', alice, { intentId: 'i-change', expected: 3 });
      let context: unknown;
      try {
        seats.decide(reserve(seats, 'row-a', changes), [opened(seats, [bob])].reduce(seats.evolve, seats.initialState()));
      } catch (error) {
        context = (error as { details: unknown }).details;
      }
      expect(context).toEqual({ createsRecord: false });
    });
  });

  describe('when what was found in the records’ own streams is settled', () => {
    it('frees what a void intent claimed', () => {
      const bobVoid = { intents: [{ intentId: 'i-bob', outcome: 'void' as const }], records: [] };
      spec.given([reserved(seats, 'row-a', bobTakes)]).when(reserve(seats, 'row-a', aliceTakes, bobVoid)).then([reserved(seats, 'row-a', aliceTakes, bobVoid)]);
    });

    it('keeps what a written intent claimed, as its record now holds it', () => {
      const bobWritten = { intents: [{ intentId: 'i-bob', outcome: 'written' as const }], records: [] };
      spec.given([reserved(seats, 'row-a', bobTakes), settled(seats, bobWritten)]).when(reserve(seats, 'row-a', aliceTakes)).thenFails('SEAT_TAKEN');
    });

    it('frees what a record no longer holds (a release written in the record only)', () => {
      const bobLeft = { intents: [], records: [{ recordStreamId: 'Guest-bob', value: null }] };
      spec.given([opened(seats, [bob])]).when(reserve(seats, 'row-a', aliceTakes, bobLeft)).then([reserved(seats, 'row-a', aliceTakes, bobLeft)]);
    });

    it('lists the settled records and the pending claims as the key’s entries', () => {
      const state = [opened(seats, [bob]), reserved(seats, 'row-a', aliceTakes)].reduce(seats.evolve, seats.initialState());
      expect(ledgerEntries(state)).toEqual([bob, alice]);
      expect(state.intents).toEqual(new Map([['i-alice', 'pending']]));
      const after = settle(state, { intents: [{ intentId: 'i-alice', outcome: 'written' }], records: [{ recordStreamId: 'Guest-bob', value: null }] });
      expect({ entries: ledgerEntries(after), intents: after.intents, pending: after.pending }).toEqual({ entries: [alice], intents: new Map([['i-alice', 'written']]), pending: [] });
    });
  });

  it('settles into copies, never changing the state it is given, and moves a record settled again to the end', () => {
    const carol = { recordStreamId: 'Guest-carol', value: { seat: 3 } };
    const state = [opened(seats, [bob, carol]), reserved(seats, 'row-a', aliceTakes)].reduce(seats.evolve, seats.initialState());
    const before = { entries: ledgerEntries(state), intents: new Map(state.intents), pending: [...state.pending] };
    const after = settle(state, {
      intents: [{ intentId: 'i-alice', outcome: 'written' }],
      records: [{ recordStreamId: 'Guest-bob', value: { seat: 2 } }],
    });
    expect({ entries: ledgerEntries(state), intents: state.intents, pending: state.pending }).toEqual(before);
    expect(ledgerEntries(after)).toEqual([carol, alice, { recordStreamId: 'Guest-bob', value: { seat: 2 } }]);
    // Nothing to settle: the maps are the ones it had.
    const same = settle(after, { intents: [], records: [] });
    expect(same.records).toBe(after.records);
    expect(same.intents).toBe(after.intents);
  });

  it('names its keys `<Category>-<id>` and registers its three event types at version 1', () => {
    expect({ key: seats.key('row-a'), id: seats.idOf('Seat-row-a') }).toEqual({ key: 'Seat-row-a', id: 'row-a' });
    expect(() => seats.idOf('Table-row-a')).toThrow();
    expect(seats.eventTypes).toEqual([
      { type: 'SeatLedgerOpened', schemaVersion: 1 },
      { type: 'SeatReserved', schemaVersion: 1 },
      { type: 'SeatsSettled', schemaVersion: 1 },
    ]);
  });
});
