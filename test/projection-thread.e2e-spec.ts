import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@sws/event-store';
import { InMemoryReadStore, ProjectionPump, SqliteReadStore } from '@sws/read-store';
import { PROJECTIONS } from '../apps/api/src/infrastructure/projections';
import { eventTypeRegistry } from '../apps/api/src/infrastructure/stores';
import { COUNTY, creditCode } from './support/fixtures';
import { serviceClient, SERVICE_ENV } from './support/service-client';
import { ensureBuilt, exited, ServiceProcess, startService } from './support/service-process';

const COMMIT_FAULTS = join(__dirname, 'support', 'read-store-commit-faults.js');
const ORGANIZATIONS = 30;
const CLEAN = { signal: 'SIGTERM', code: null, prompt: true, errors: null };

/**
 * The embedded default folds the read models on a worker thread of the service (PROJECTIONS=thread):
 * the thread answering requests commits nothing to the read-model store (a preload makes it fail
 * if it tries), every write is read back at its position at once, SIGTERM stops both threads
 * cleanly, and a restart goes on from the checkpoints with read models equal to a fold of the log.
 * When the thread's own commits fail, the service says so and keeps answering.
 */
describe('read models folded on a thread of the service (the embedded default)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-thread-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  let service: ServiceProcess | null = null;

  const start = (env: NodeJS.ProcessEnv = {}) => startService(dataDir, port, { ...SERVICE_ENV, ...env }, { preload: COMMIT_FAULTS });
  /** SIGTERM: Nest closes the application (the thread stopped, every store closed), then ends on the signal; what it says about it. */
  const stop = async () => {
    const { child, output } = service!;
    const started = Date.now();
    child.kill('SIGTERM');
    await exited(child);
    service = null;
    return { signal: child.signalCode, code: child.exitCode, prompt: Date.now() - started < 5000, errors: output().match(/ERROR|Error:.*/g) };
  };
  /** /health once it says degraded, or after 5 s. */
  const degradedHealth = async (api: ReturnType<typeof serviceClient>) => {
    let health = (await api.get('/health')).body;
    for (let tries = 0; tries < 50 && health.status !== 'degraded'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = (await api.get('/health')).body;
    }
    return health;
  };
  const register = (api: ReturnType<typeof serviceClient>, n: number) =>
    api.created('/organizations', { name: `第${n}社会工作服务中心`, kind: 'operator', creditCode: creditCode('52'), region: COUNTY });

  beforeAll(() => ensureBuilt(), 120_000);
  afterAll(async () => {
    if (service) await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads every write back at its position, and says on /health where it folds', async () => {
    service = await start();
    const api = serviceClient(service.url);
    const ids: string[] = [];
    for (let n = 1; n <= ORGANIZATIONS; n++) {
      const written = await register(api, n);
      ids.push(written.id);
      const read = await api.get(`/organizations/${written.id}?minPosition=${written.position}`);
      expect({ status: read.status, name: read.body.data?.name }).toEqual({ status: 200, name: `第${n}社会工作服务中心` });
    }
    const health = await api.get('/health');
    expect(health.body).toMatchObject({ status: 'ok', projectionsRun: 'thread', behind: 0 });
    expect(health.body.projections.every((p: { caughtUp: boolean }) => p.caughtUp)).toBe(true);
  }, 60_000);

  it('stops the projections of a service that folds on the thread answering requests (PROJECTIONS=in-process)', async () => {
    // The check itself: with the pump on the requests' thread, its first commit fails.
    await stop();
    service = await start({ PROJECTIONS: 'in-process' });
    const api = serviceClient(service.url);
    const written = await register(api, ORGANIZATIONS + 1);
    const health = await degradedHealth(api);
    expect(health).toMatchObject({ status: 'degraded', projectionsRun: 'in-process' });
    const read = await api.get(`/organizations/${written.id}?minPosition=${written.position}`);
    expect(read.status).toBe(503);
  }, 60_000);

  it('stops cleanly on SIGTERM and goes on from its checkpoints, equal to a fold of the log', async () => {
    await stop();
    service = await start();
    const api = serviceClient(service.url);
    // Caught up over what the in-process run could not fold, then more writes.
    const written = await register(api, ORGANIZATIONS + 2);
    expect((await api.get(`/organizations/${written.id}?minPosition=${written.position}`)).status).toBe(200);
    expect(await stop()).toEqual(CLEAN);

    service = await start();
    const again = serviceClient(service.url);
    const last = await register(again, ORGANIZATIONS + 3);
    expect((await again.get(`/organizations/${last.id}?minPosition=${last.position}`)).status).toBe(200);
    expect(await stop()).toEqual(CLEAN);

    const events = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry());
    const live = new SqliteReadStore(join(dataDir, 'read-models.db'));
    try {
      const head = await events.headPosition();
      const rebuilt = new InMemoryReadStore();
      await new ProjectionPump(events, rebuilt, PROJECTIONS).catchUp();
      for (const projection of PROJECTIONS) {
        expect((await live.checkpoint(projection.name))?.position).toBe(head);
        const all = (store: SqliteReadStore | InMemoryReadStore) => store.list(projection.collection, { limit: 1_000_000 });
        expect(await all(live)).toEqual(await all(rebuilt));
      }
      expect((await live.list('organizations', { limit: 1_000 })).length).toBe(ORGANIZATIONS + 3);
    } finally {
      await live.close();
      await events.close();
    }
  }, 90_000);

  it('says degraded when the projection thread fails, and reads say the read model is behind', async () => {
    service = await start({ FAIL_COMMITS_ON: 'projection', READ_WAIT_MS: '200' });
    const api = serviceClient(service.url);
    const written = await register(api, ORGANIZATIONS + 4);
    const health = await degradedHealth(api);
    expect(health).toMatchObject({ status: 'degraded', projectionsRun: 'thread' });
    const read = await api.get(`/organizations/${written.id}?minPosition=${written.position}`);
    expect({ status: read.status, code: read.body.code }).toEqual({ status: 503, code: 'READ_MODEL_BEHIND' });
    // What was folded before still answers.
    expect((await api.get('/organizations?limit=1')).status).toBe(200);
    expect(service.output()).toMatch(/the projections stopped: Error: .*FAIL_COMMITS_ON=projection/);
  }, 60_000);
});
