import { eventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEventStoreDb } from './testing/fake-eventstoredb';

const SERVER = process.env.EVENTSTORE_CONNECTION_STRING;

describe('event store contract: EventStoreDB adapter on the in-process stand-in', () => {
  eventStoreContract(async () => {
    const server = new FakeEventStoreDb();
    return { open: async (registry) => new EventStoreDbEventStore(server.client(), registry), dispose: async () => {} };
  });
});

if (SERVER) {
  describe(`event store contract: EventStoreDB at EVENTSTORE_CONNECTION_STRING`, () => {
    eventStoreContract(async () => ({
      open: async (registry) => EventStoreDbEventStore.connect(SERVER, registry),
      dispose: async () => {},
    }));
  });
} else {
  console.log('SKIPPED: event store contract against a real EventStoreDB (set EVENTSTORE_CONNECTION_STRING to run it)');
  describe.skip('event store contract: EventStoreDB server (skipped: EVENTSTORE_CONNECTION_STRING is not set)', () => {
    it('runs the contract against the server', () => undefined);
  });
}
