import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devSecret } from '../apps/api/src/auth/auth.config';
import { ADMIN } from '../apps/api/src/auth/testing/principals';
import { mintToken } from '../apps/api/src/auth/token-verifier';
import { ensureBuilt, exited, startService } from './support/service-process';
import { startTestApp } from './support/test-app';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('store topology', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-topology-'));
  const port = 20000 + Math.floor(Math.random() * 20000);

  beforeAll(() => ensureBuilt(), 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    [{ EVENT_STORE: 'eventstoredb' }, /EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING/],
    [{ EVENT_STORE: 'kafka' }, /EVENT_STORE must be one of sqlite, eventstoredb/],
    [{ READ_STORE: 'mongodb', MONGO_URL: 'mongodb://127.0.0.1:1/sws' }, /READ_STORE=mongodb needs EVENT_STORE=eventstoredb/],
    [{ PROJECTIONS: 'elsewhere' }, /PROJECTIONS must be one of thread, in-process, off \(not elsewhere\)/],
  ])('refuses to start with %j and says which variable is wrong', async (env, message) => {
    // A service that starts after all is stopped again, so a failing case leaves nothing running.
    const outcome = await startService(dataDir, port, { AUTH_MODE: 'dev', ...env }).then(
      async (service) => {
        service.child.kill('SIGKILL');
        await exited(service.child);
        return new Error('the service started');
      },
      (error: Error) => error,
    );
    expect(outcome.message).toMatch(new RegExp(`exited with 1[\\s\\S]*${message.source}`));
  });

  it('reports the embedded stores as reachable on /health', async () => {
    const t = await startTestApp();
    try {
      const response = await t.http().get('/health');
      expect(response.status).toBe(200);
      expect(response.body.stores).toEqual({
        events: { kind: 'sqlite', reachable: true, latencyMs: expect.any(Number) },
        readModels: { kind: 'sqlite', reachable: true, latencyMs: expect.any(Number) },
      });
    } finally {
      await t.close();
    }
  });

  it('starts on an EventStoreDB it cannot reach, says so on /health with a 503, and answers writes with 503 and Retry-After', async () => {
    const esdb = `esdb://127.0.0.1:${await closedPort()}?tls=false`;
    const service = await startService(
      dataDir,
      port,
      { AUTH_MODE: 'dev', EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: esdb },
      { answered: (health) => health.status === 503 },
    );
    try {
      const health = await fetch(`${service.url}/health`);
      expect(health.status).toBe(503);
      const body = await health.json();
      expect(body).toMatchObject({
        status: 'unavailable',
        head: null,
        stores: {
          events: { kind: 'eventstoredb', reachable: false, error: expect.stringMatching(/EventStoreDB event store is unreachable: 14 UNAVAILABLE/) },
          readModels: { kind: 'sqlite', reachable: true },
        },
      });
      const token = mintToken(ADMIN, devSecret(dataDir), { nowMs: Date.now(), ttlSeconds: 60 });
      const write = await fetch(`${service.url}/supervisors`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: '王督导', tier: 'city', affiliation: 'independent' }),
      });
      expect(write.status).toBe(503);
      expect(write.headers.get('retry-after')).toBe('5');
      expect(await write.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    } finally {
      service.child.kill('SIGTERM');
      await exited(service.child);
    }
  }, 60_000);
});
