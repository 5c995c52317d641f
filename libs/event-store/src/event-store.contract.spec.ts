import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventLog, InMemoryEventStore } from './in-memory-event-store';
import { SqliteEventStore } from './sqlite-event-store';
import { eventStoreContract } from './testing/event-store.contract';

describe('event store contract: in-memory', () => {
  eventStoreContract(async () => {
    const log = new InMemoryEventLog();
    return { open: async (registry) => new InMemoryEventStore(registry, log), dispose: async () => {} };
  });
});

describe('event store contract: SQLite', () => {
  eventStoreContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sws-events-'));
    return {
      open: async (registry) => new SqliteEventStore(join(dir, 'events.db'), registry, { pollMs: 50 }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});
