#!/usr/bin/env node
/*
 * A larger log for measuring rebuilds: `copies` copies of an existing log (e.g. the demo's), each
 * with every UUID in its stream ids, data and metadata rewritten to a copy-specific one, appended
 * one copy after another with each stream's revisions continued. Not a realistic national shape
 * (that is `npm run bench:generate`), but valid events the projections fold as they would live.
 *
 *   node scripts/replicate-log.js <from events.db> <to data dir> <copies>
 */
const Database = require('better-sqlite3');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');

const [from, toDir, copiesText] = process.argv.slice(2);
const copies = Number(copiesText);
if (!from || !toDir || !Number.isSafeInteger(copies) || copies < 1) {
  console.error('usage: node scripts/replicate-log.js <from events.db> <to data dir> <copies>');
  process.exit(2);
}
mkdirSync(toDir, { recursive: true });
const source = new Database(from, { readonly: true });
const target = new Database(join(toDir, 'events.db'));
target.pragma('journal_mode = WAL');
target.pragma('synchronous = OFF');
target.exec(`CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
  type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, revision))`);
const rows = source.prepare('SELECT * FROM events ORDER BY position').all();
const insert = target.prepare('INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)');
const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)([0-9a-f]{12})/gi;
const revisions = new Map();
for (let copy = 0; copy < copies; copy++) {
  // XOR with a copy's constant: one-to-one within a copy, so its ids stay distinct.
  const mask = (BigInt(copy) * 0x9e3779b97f4an) & 0xffffffffffffn;
  const rewrite = (text) =>
    copy === 0 ? text : text.replace(UUID, (_, head, node) => `${head}${(BigInt(`0x${node}`) ^ mask).toString(16).padStart(12, '0')}`);
  target.transaction(() => {
    for (const row of rows) {
      const stream = rewrite(row.stream_id);
      const revision = (revisions.get(stream) ?? -1) + 1;
      revisions.set(stream, revision);
      insert.run(rewrite(row.event_id), stream, revision, row.type, row.schema_version, rewrite(row.data), rewrite(row.metadata));
    }
  })();
}
const count = target.prepare('SELECT count(*) AS n FROM events').get().n;
console.error(`${count} events in ${join(toDir, 'events.db')}`);
target.close();
source.close();
