import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Projection } from '@sws/kernel';
import { Position, SqliteEventStore } from '@sws/event-store';
import { ReadStore, SqliteReadStore } from '@sws/read-store';
import { createApp } from '../apps/api/src/create-app';
import { ADMIN, procurementOf } from '../apps/api/src/auth/testing/principals';
import { testAuth } from '../apps/api/src/auth/testing/test-auth';
import { mintToken } from '../apps/api/src/auth/token-verifier';
import { Principal } from '../apps/api/src/auth/principal';
import { FixedClock } from '../apps/api/src/infrastructure/clock';
import { PROJECTIONS } from '../apps/api/src/infrastructure/projections';
import { eventTypeRegistry } from '../apps/api/src/infrastructure/stores';
import { generateHistory } from '../apps/cli/src/generate/generator';
import { ensureBuilt, runCli } from './support/service-process';

/**
 * CI's check of the generated data set (issue 12): a city's year made by `bench:generate`, folded
 * into every read model by `rebuild --all`, equals a fold of the same events in memory with the
 * projections' own `evolve`; the service starts on it and answers reads; and since the generator
 * writes no reservation claims (a "legacy" log), a command that a rule spanning records forbids is
 * still refused, its key opened from the read model.
 */
const OPTIONS = { scale: 0.01, years: 1, seed: 7, lastYear: 2025 } as const;

async function allDocuments(store: ReadStore, collection: string): Promise<Map<string, unknown>> {
  const all = new Map<string, unknown>();
  let after: string | undefined;
  for (;;) {
    const page = await store.list(collection, { limit: 2000, afterId: after });
    if (page.length === 0) return all;
    for (const { id, document } of page) all.set(id, document);
    after = page[page.length - 1].id;
  }
}

/** Every projection folded over the whole log in memory: collection → id → document. */
async function foldInMemory(events: SqliteEventStore, projections: readonly Projection<any>[]): Promise<Map<string, Map<string, unknown>>> {
  const collections = new Map<string, Map<string, unknown>>();
  for (const projection of projections) if (!collections.has(projection.collection)) collections.set(projection.collection, new Map());
  let after: Position | null = null;
  for (;;) {
    const page = await events.readAll(after, 5000);
    if (page.length === 0) return collections;
    for (const event of page) {
      const projected = { ...event, position: event.position as string };
      for (const projection of projections) {
        if (!projection.handles.includes(event.type)) continue;
        const documents = collections.get(projection.collection)!;
        // A projection with lookups reads documents of its own as the fold has left them.
        const lookedUp = projection.lookups ? (id: string) => documents.get(id) ?? null : undefined;
        for (const id of projection.documentIds(projected, lookedUp)) {
          const next = projection.evolve(documents.get(id) ?? null, projected, lookedUp && { id, lookedUp });
          if (next === null) documents.delete(id);
          else documents.set(id, next);
        }
      }
    }
    after = page[page.length - 1].position;
  }
}

/** Documents as the store keeps them: JSON. */
const asJson = (documents: Map<string, unknown>) => [...documents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, d]) => [id, JSON.parse(JSON.stringify(d))]);

function logDigest(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const hash = createHash('sha256');
    for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate()) hash.update(JSON.stringify(row));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

function typeCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT type, count(*) AS n FROM events GROUP BY type').all() as Array<{ type: string; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.type, row.n]));
  } finally {
    db.close();
  }
}

describe('the generated data set', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-generated-'));
  let types: Record<string, number>;

  beforeAll(() => {
    ensureBuilt();
    const args = ['generate', '--scale', String(OPTIONS.scale), '--years', String(OPTIONS.years), '--seed', String(OPTIONS.seed), '--data-dir', dataDir];
    const made = runCli(args, {});
    if (made.status !== 0) throw new Error(`generate exited with ${made.status}: ${made.stderr}`);
    types = typeCounts(join(dataDir, 'events.db'));
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('holds a city year of every kind of record the commands make', () => {
    expect(types.StationRegistered).toBe(290);
    expect(Object.values(types).reduce((a, b) => a + b, 0)).toBeGreaterThan(25_000);
    for (const type of [
      'OrganizationRegistered',
      'ContractAwarded',
      'SocialWorkerAssigned',
      'SocialWorkerDeparted',
      'SocialWorkerCertified',
      'SupervisorRegistered',
      'SupervisionSessionLogged',
      'SupervisionSessionAttested',
      'TrainingHeld',
      'TrainingAttendanceRecorded',
      'TrainingEffectivenessAssessed',
      'ServiceOutputReported',
      'SatisfactionSurveyRecorded',
      'RubricPublished',
      'AssessmentStarted',
      'AssessmentItemsScored',
      'AssessmentSubmitted',
      'AssessmentResponded',
      'AssessmentFinalized',
      'RenewalReviewOpened',
    ]) {
      expect({ type, present: (types[type] ?? 0) > 0 }).toEqual({ type, present: true });
    }
  });

  it('refuses a data directory that holds a log already, and leaves it as it was', () => {
    const before = logDigest(join(dataDir, 'events.db'));
    const again = runCli(['generate', '--scale', '0.01', '--years', '1', '--data-dir', dataDir], {});
    expect({ status: again.status, stderr: again.stderr }).toEqual({ status: 2, stderr: expect.stringContaining('holds an events.db already') });
    expect(logDigest(join(dataDir, 'events.db'))).toBe(before);
  });

  it('is the same log, row for row, from the same seed (written on a thread or not), and another from another seed', () => {
    const again = mkdtempSync(join(tmpdir(), 'sws-generated-again-'));
    const other = mkdtempSync(join(tmpdir(), 'sws-generated-other-'));
    try {
      generateHistory({ ...OPTIONS, dataDir: again, threaded: false });
      generateHistory({ ...OPTIONS, seed: OPTIONS.seed + 1, scale: 0.002, dataDir: other });
      expect(logDigest(join(again, 'events.db'))).toBe(logDigest(join(dataDir, 'events.db')));
      expect(logDigest(join(other, 'events.db'))).not.toBe(logDigest(join(dataDir, 'events.db')));
    } finally {
      rmSync(again, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  }, 60_000);

  describe('rebuilt and served', () => {
    let app: NestFastifyApplication;
    let authorize: (principal: Principal) => string;
    let rebuildOutput = '';

    beforeAll(() => {
      // Small batches and a small cache, so that the write-back drops documents while they are
      // still being changed and reads them back: the fold below must not see the difference.
      const rebuilt = runCli(['rebuild', '--all'], { DATA_DIR: dataDir, REBUILD_BATCH_SIZE: '700', REBUILD_CACHED_DOCUMENTS: '3000' });
      if (rebuilt.status !== 0) throw new Error(`rebuild --all exited with ${rebuilt.status}: ${rebuilt.stderr}`);
      rebuildOutput = rebuilt.stderr;
    }, 120_000);
    afterAll(async () => app?.close());

    it('folds in a part per core, up to two, unless REBUILD_PARTS says otherwise', () => {
      const parts = Math.min(2, availableParallelism());
      expect(rebuildOutput).toContain(parts === 1 ? 'in one pass:' : `in ${parts} parts, a pass each:`);
      // With parts, when each finished: how evenly they split the work.
      for (let part = 1; parts > 1 && part <= parts; part++) expect(rebuildOutput).toMatch(new RegExp(`part ${part} of ${parts} \\(\\d+ read models\\) folded after \\d+\\.\\d\\d s`));
    });

    it('gives every read model the documents a fold of the same events in memory gives', async () => {
      const events = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry());
      const readModels = new SqliteReadStore(join(dataDir, 'read-models.db'));
      try {
        const expected = await foldInMemory(events, PROJECTIONS);
        const head = await events.headPosition();
        for (const projection of PROJECTIONS) {
          expect({ projection: projection.name, checkpoint: (await readModels.checkpoint(projection.name))?.position }).toEqual({
            projection: projection.name,
            checkpoint: head,
          });
        }
        let documents = 0;
        for (const [collection, folded] of expected) {
          const stored = await allDocuments(readModels, collection);
          documents += stored.size;
          expect({ collection, documents: asJson(stored) }).toEqual({ collection, documents: asJson(folded) });
        }
        expect(documents).toBeGreaterThan(types.StationRegistered);
      } finally {
        await events.close();
        await readModels.close();
      }
    }, 60_000);

    it('starts the service on it and answers a scorecard, an eligibility and a rollup', async () => {
      const clock = new FixedClock(new Date('2026-11-24T10:00:00+08:00'));
      const auth = testAuth();
      app = await createApp({
        config: { port: 0, dataDir, synchronous: 'NORMAL', readWaitMs: 5000, auth: auth.config, rateLimit: null, corsOrigins: [], bodyLimitBytes: 1_048_576 },
        clock,
        logger: false,
      });
      authorize = (principal) => mintToken(principal, auth.secret, { nowMs: clock.now().getTime(), ttlSeconds: 3600 });
      const get = async (url: string) => {
        const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${authorize(ADMIN)}` } });
        return { status: response.statusCode, body: JSON.parse(response.body) };
      };
      const stations = await get('/stations?limit=5');
      expect(stations.status).toBe(200);
      const station = stations.body.data.items?.[0] ?? stations.body.data[0];
      const stationId: string = station.stationId ?? station.id;
      const scorecard = await get(`/stations/${stationId}/scorecard`);
      expect(scorecard.status).toBe(200);
      const contracts = await get('/contracts?limit=5');
      expect(contracts.status).toBe(200);
      const contract = contracts.body.data.items?.[0] ?? contracts.body.data[0];
      const contractId: string = contract.contractId ?? contract.id;
      for (const url of [
        `/contracts/${contractId}/renewal-eligibility?asOf=2025-12-31`,
        `/contracts/${contractId}/performance?asOf=2025-06-30`,
        '/regions/370100/rollup',
      ]) {
        expect({ url, status: (await get(url)).status }).toEqual({ url, status: 200 });
      }
    }, 60_000);

    it('refuses a second contract on a station the log holds, the key opened from the read model', async () => {
      const { body } = await (async () => {
        const response = await app.inject({ method: 'GET', url: '/contracts?limit=1', headers: { authorization: `Bearer ${authorize(ADMIN)}` } });
        return { body: JSON.parse(response.body) };
      })();
      const held = body.data.items?.[0] ?? body.data[0];
      const contractId: string = held.contractId ?? held.id;
      const detail = JSON.parse(
        (await app.inject({ method: 'GET', url: `/contracts/${contractId}`, headers: { authorization: `Bearer ${authorize(ADMIN)}` } })).body,
      ).data;
      const award = (term: { start: string; end: string }) =>
        app.inject({
          method: 'POST',
          url: '/contracts',
          headers: { authorization: `Bearer ${authorize(procurementOf(detail.purchaserOrgId))}` },
          payload: {
            purchaserOrgId: detail.purchaserOrgId,
            operatorOrgId: detail.operatorOrgId,
            stationIds: [detail.stationIds[0]],
            term,
            budget: { totalCny: 300000, sources: [{ kind: 'fiscal', amountCny: 300000 }] },
          },
        });
      const clash = await award({ start: '2025-07-01', end: '2026-06-30' });
      expect({ status: clash.statusCode, code: JSON.parse(clash.body).code }).toEqual({ status: 422, code: 'STATION_ALREADY_CONTRACTED' });
      const after = await award({ start: '2027-01-01', end: '2027-12-31' });
      expect(after.statusCode).toBe(201);
    }, 60_000);
  });
});
