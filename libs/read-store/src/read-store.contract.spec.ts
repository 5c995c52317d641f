import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryReadStore } from './in-memory-read-store';
import { SqliteReadStore } from './sqlite-read-store';
import { readStoreContract } from './testing/read-store.contract';

describe('read store contract: in-memory', () => {
  readStoreContract(async () => {
    const store = new InMemoryReadStore();
    return { open: async () => store, dispose: async () => {} };
  });
});

describe('read store contract: SQLite', () => {
  readStoreContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sws-read-'));
    return {
      open: async () => new SqliteReadStore(join(dir, 'read.db')),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});
