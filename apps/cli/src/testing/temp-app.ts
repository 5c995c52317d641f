import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../../api/src/create-app';
import { Principal } from '../../../api/src/auth/principal';
import { ADMIN } from '../../../api/src/auth/testing/principals';
import { testAuth } from '../../../api/src/auth/testing/test-auth';
import { mintToken } from '../../../api/src/auth/token-verifier';
import { FixedClock } from '../../../api/src/infrastructure/clock';

export interface TempApp {
  readonly app: NestFastifyApplication;
  readonly dataDir: string;
  /** Signs a token for a principal, as the demo loader needs. */
  authorize(principal: Principal): string;
  /** GETs a path as the administrator and returns the parsed body, failing on anything but 200. */
  get<T = any>(url: string): Promise<T>;
  close(): Promise<void>;
}

/** The service on the embedded stores in a fresh temporary directory, on 2026-11-24 in China. */
export async function startTempApp(): Promise<TempApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-cli-'));
  const clock = new FixedClock(new Date('2026-11-24T10:00:00+08:00'));
  const auth = testAuth();
  const app = await createApp({
    config: {
      port: 0,
      dataDir,
      synchronous: 'NORMAL',
      readWaitMs: 5000,
      auth: auth.config,
      rateLimit: null,
      corsOrigins: [],
      bodyLimitBytes: 1_048_576,
    },
    clock,
    logger: false,
  });
  const authorize = (principal: Principal) => mintToken(principal, auth.secret, { nowMs: clock.now().getTime(), ttlSeconds: 3600 });
  return {
    app,
    dataDir,
    authorize,
    async get(url) {
      const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${authorize(ADMIN)}` } });
      if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
      return JSON.parse(response.body);
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until every read model reflects the whole log, as /health reports it. */
export async function settled(t: TempApp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await t.get<{ head: string | null; projections: Array<{ projection: string; position: string | null }> }>('/health');
    if (health.projections.every((p) => p.position === health.head)) return;
    if (Date.now() > deadline) throw new Error(`read models did not catch up with ${health.head}: ${JSON.stringify(health.projections)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
