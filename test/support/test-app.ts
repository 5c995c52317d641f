import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { FixedClock } from '../../apps/api/src/infrastructure/clock';
import { AppConfig } from '../../apps/api/src/infrastructure/config';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly clock: FixedClock;
  readonly dataDir: string;
  readonly http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The service on the embedded stores in a fresh temporary directory, with a clock the test sets. */
export async function startTestApp(options: { now?: string; dataDir?: string } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sws-e2e-'));
  const clock = new FixedClock(new Date(options.now ?? '2026-11-24T10:00:00+08:00'));
  const config: AppConfig = { port: 0, dataDir, synchronous: 'NORMAL', readWaitMs: 3000 };
  const app = await createApp({ config, clock, logger: false });
  return {
    app,
    clock,
    dataDir,
    http: () => request(app.getHttpServer()),
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
