import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventTypeRegistry } from '@sws/kernel';
import { SqliteEventStore } from '@sws/event-store';
import { ensureBuilt, exited } from './support/service-process';

/**
 * The embedded store commits concurrent appends in groups. A process writing with 16 concurrent
 * writers (half of them racing on one stream) is killed with SIGKILL mid-burst: every append it
 * answered is in the log at the revision and position it was answered with, and the log has no
 * gap and no duplicate revision.
 */
describe('a crash while appends are committed in groups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sws-group-crash-'));
  const file = join(dir, 'events.db');

  beforeAll(() => ensureBuilt(), 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never answers an append that is not in the log', async () => {
    const root = join(__dirname, '..');
    const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', join(__dirname, 'support', 'group-commit-writer.js')], {
      cwd: root,
      env: { ...process.env, TS_NODE_BASEURL: './dist', EVENTS_FILE: file, WRITERS: '16' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stderr!.on('data', (chunk) => (errors += chunk));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk) => {
        output += chunk;
        if (output.split('\n').length > 3000) resolve();
      });
      child.on('exit', () => reject(new Error(`the writer exited: ${errors}`)));
    });
    child.kill('SIGKILL');
    await exited(child);
    // A line cut off by the kill is not an answer.
    const acks = output
      .split('\n')
      .filter((line) => /^ACK \S+ \d+ \d+$/.test(line))
      .map((line) => line.split(' '))
      .map(([, streamId, revision, position]) => ({ streamId, revision: Number(revision), position }));
    expect(acks.length).toBeGreaterThan(3000);
    expect(acks.some((ack) => ack.streamId === 'Shared')).toBe(true);

    const store = new SqliteEventStore(file, new EventTypeRegistry([{ type: 'Written', schemaVersion: 1 }]));
    try {
      const streams = new Map<string, Map<number, string>>();
      for (const ack of acks) {
        if (!streams.has(ack.streamId)) {
          const events = await store.readStream(ack.streamId);
          expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
          streams.set(ack.streamId, new Map(events.map((e) => [e.revision, e.position])));
        }
        expect(streams.get(ack.streamId)!.get(ack.revision)).toBe(ack.position);
      }
      const head = Number(await store.headPosition());
      expect((await store.readAll(null, head + 10)).map((e) => Number(e.position))).toEqual(
        Array.from({ length: head }, (_, i) => i + 1),
      );
      expect(store.commitStats()).toEqual({ appends: 0, commits: 0 });
    } finally {
      await store.close();
    }
  }, 120_000);
});
