import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { READ_STORE, ReadStore, SqliteReadStore } from '@sws/read-store';
import { PROJECTIONS, projectionNamed } from '../../api/src/infrastructure/projections';
import { loadDemo } from './demo';
import { chooseProjections, rebuildProjections, RebuildProgress, UnknownProjection } from './rebuild';
import { partitionProjections, rebuildAllInParts } from './rebuild-in-parts';
import { settled, startTempApp, TempApp } from './testing/temp-app';

async function everything(store: ReadStore, collection: string): Promise<Array<{ id: string; document: unknown }>> {
  const all: Array<{ id: string; document: unknown }> = [];
  for (;;) {
    const page = await store.list(collection, { limit: 1000, afterId: all[all.length - 1]?.id });
    if (page.length === 0) return all;
    all.push(...page);
  }
}

describe('rebuilding read models from the log', () => {
  let t: TempApp;
  let events: EventStore;
  let live: ReadStore;
  let fresh: SqliteReadStore;

  beforeAll(async () => {
    t = await startTempApp();
    await loadDemo(t.app, t.authorize);
    await settled(t);
    events = t.app.get(EVENT_STORE);
    live = t.app.get(READ_STORE);
    fresh = new SqliteReadStore(join(t.dataDir, 'rebuilt.db'));
  }, 120_000);

  afterAll(async () => {
    await fresh?.close();
    await t?.close();
  });

  it('gives every read model the same documents as the live ones, reporting progress up to the whole log', async () => {
    const progress: RebuildProgress[] = [];
    const results = await rebuildProjections('all', { events, readModels: fresh }, (p) => progress.push(p));
    const head = Number(await events.headPosition());

    expect(results.map((r) => r.projection)).toEqual(PROJECTIONS.map((p) => p.name));
    // One pass over the log for all of them, its progress reported up to the whole log.
    expect(progress.every((p) => p.projection === `${PROJECTIONS.length} read models`)).toBe(true);
    expect(progress[progress.length - 1]).toEqual({ projection: `${PROJECTIONS.length} read models`, events: head, total: head });
    expect(results.every((r) => r.events === head)).toBe(true);
    for (const projection of PROJECTIONS) {
      const rebuilt = await everything(fresh, projection.collection);
      // Every write of the demo was finished, so no reservation is left pending: that read model is empty at rest.
      if (projection.name === 'pending-reservations') expect(rebuilt).toEqual([]);
      else expect(rebuilt.length).toBeGreaterThan(0);
      expect(rebuilt).toEqual(await everything(live, projection.collection));
      expect((await fresh.checkpoint(projection.name))?.position).toBe(String(head));
    }
  });

  it('forgets documents the log does not explain before folding it again', async () => {
    const from = (await fresh.checkpoint('station-detail'))?.position ?? null;
    await fresh.commit({
      changes: [{ collection: 'stations', id: 'not-from-the-log', document: { stale: true } }],
      checkpoints: [{ projection: 'station-detail', version: projectionNamed('station-detail')!.version, from, to: from }],
    });
    await rebuildProjections(['station-detail'], { events, readModels: fresh });
    expect(await fresh.get('stations', 'not-from-the-log')).toBeNull();
    expect(await everything(fresh, 'stations')).toEqual(await everything(live, 'stations'));
  });

  it('refuses an unknown projection, naming the valid ones, and touches nothing', async () => {
    expect(() => chooseProjections(['station-detail', 'stations-detail'])).toThrow(UnknownProjection);
    expect(() => chooseProjections(['stations-detail'])).toThrow(/valid names: .*station-detail/);
    const before = await everything(fresh, 'contracts');
    await expect(rebuildProjections(['contract-detail', 'nope'], { events, readModels: fresh })).rejects.toThrow(UnknownProjection);
    expect(await everything(fresh, 'contracts')).toEqual(before);
  });

  it('rebuilds every read model in parts, each folded into a file of its own and copied into one new file, equal to the live ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sws-parts-'));
    try {
      const source = new Database(join(t.dataDir, 'events.db'), { readonly: true });
      await source.backup(join(dir, 'events.db'));
      source.close();
      const progress: RebuildProgress[] = [];
      const partsDone: Array<{ index: number; readModels: number; seconds: number }> = [];
      const results = await rebuildAllInParts({ dataDir: dir, synchronous: 'NORMAL' }, (p) => progress.push(p), { parts: 3, onPartDone: (part) => partsDone.push(part) });
      expect(partsDone.map((part) => part.index).sort()).toEqual([0, 1, 2]);
      expect(partsDone.reduce((sum, part) => sum + part.readModels, 0)).toBe(PROJECTIONS.length);
      expect(partsDone.every((part) => part.seconds >= 0 && part.seconds <= results[0]!.seconds)).toBe(true);
      const head = Number(await events.headPosition());
      expect(results.map((r) => r.projection).sort()).toEqual(PROJECTIONS.map((p) => p.name).sort());
      expect(results.every((r) => r.events === head)).toBe(true);
      expect(progress[progress.length - 1]?.events).toBe(head);
      expect(readdirSync(dir).filter((name) => name.includes('rebuilding'))).toEqual([]); // the parts' files are gone
      const rebuilt = new SqliteReadStore(join(dir, 'read-models.db'));
      try {
        for (const projection of PROJECTIONS) {
          expect(await everything(rebuilt, projection.collection)).toEqual(await everything(live, projection.collection));
          expect(await rebuilt.checkpoint(projection.name)).toEqual({ position: String(head), version: projection.version });
        }
        // The narrowed lists' indexes came along with the documents.
        const contract = (await everything(live, 'contracts'))[0]!.document as { operatorOrgId: string };
        expect(await rebuilt.list('contracts', { limit: 100, where: { field: 'operatorOrgId', value: contract.operatorOrgId } })).toEqual(
          await live.list('contracts', { limit: 100, where: { field: 'operatorOrgId', value: contract.operatorOrgId } }),
        );
      } finally {
        await rebuilt.close();
      }
      expect(existsSync(join(dir, 'read-models.db'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('splits the read models into parts of about equal cost, each in exactly one part', () => {
    const parts = partitionProjections(PROJECTIONS, 2);
    expect(parts).toHaveLength(2);
    expect(parts.flat().map((p) => p.name).sort()).toEqual(PROJECTIONS.map((p) => p.name).sort());
    const [first, second] = parts.map((part) => part.map((p) => p.collection));
    expect(first).toContain('worker-years');
    expect(second).toContain('assessments'); // the two costliest go to different parts
    expect(partitionProjections(PROJECTIONS, 1)).toEqual([expect.arrayContaining([...PROJECTIONS])]);
  });
});
