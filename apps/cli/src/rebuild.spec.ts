import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { READ_STORE, ReadStore, SqliteReadStore } from '@sws/read-store';
import { PROJECTIONS, projectionNamed } from '../../api/src/infrastructure/projections';
import { loadDemo } from './demo';
import { chooseProjections, rebuildProjections, RebuildProgress, UnknownProjection } from './rebuild';
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
});
