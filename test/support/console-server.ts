import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { devSecret } from '../../apps/api/src/auth/auth.config';
import { mintToken } from '../../apps/api/src/auth/token-verifier';
import { FixedClock } from '../../apps/api/src/infrastructure/clock';
import { loadDemo } from '../../apps/cli/src/demo';

/** The built console, where `npm run build` leaves it. */
export const CONSOLE_DIR = resolve('dist/console');

export interface ConsoleServer {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly dataDir: string;
  readonly clock: FixedClock;
  close(): Promise<void>;
}

/**
 * The service as `AUTH_MODE=dev npm start` runs it after `npm run demo`, listening on a loopback
 * port: development sign-in, the built console under /console/, the sample county loaded, and
 * the clock on 2026-11-24 10:00 in China (the day the demo's plan is written for).
 */
export async function startConsoleServer(options: { readonly demo?: boolean; readonly consoleDir?: string } = {}): Promise<ConsoleServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-console-'));
  const clock = new FixedClock(new Date('2026-11-24T10:00:00+08:00'));
  const secret = devSecret(dataDir);
  const app = await createApp({
    config: {
      port: 0,
      dataDir,
      synchronous: 'OFF',
      readWaitMs: 5000,
      auth: { mode: 'dev', key: { kind: 'secret', secret }, leewaySeconds: 60 },
      rateLimit: null,
      corsOrigins: [],
      bodyLimitBytes: 1_048_576,
    },
    clock,
    logger: false,
    consoleDir: options.consoleDir ?? CONSOLE_DIR,
  });
  if (options.demo !== false) await loadDemo(app, (principal) => mintToken(principal, secret, { nowMs: clock.now().getTime(), ttlSeconds: 3600 }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    clock,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
