import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { Principal } from '../../apps/api/src/auth/principal';
import { bearer, testAuth } from '../../apps/api/src/auth/testing/test-auth';
import { FixedClock } from '../../apps/api/src/infrastructure/clock';
import { AppConfig, RateLimitConfig } from '../../apps/api/src/infrastructure/config';
import { openEmbeddedStores } from '../../apps/api/src/infrastructure/stores';
import { EventStore } from '@sws/event-store';

/** Requests made as one principal: the bearer token is set on each. */
export interface AsPrincipal {
  get(url: string): request.Test;
  post(url: string): request.Test;
}

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly clock: FixedClock;
  readonly dataDir: string;
  /** Requests with no credentials. */
  readonly http: () => ReturnType<typeof request>;
  /** Requests as a principal, with a token the service accepts. */
  as(principal: Principal): AsPrincipal;
  /** The Authorization header value for a principal. */
  authorization(principal: Principal): string;
  /** The secret tokens are signed with, for tests that forge bad ones. */
  readonly secret: Buffer;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly now?: string;
  readonly dataDir?: string;
  readonly rateLimit?: RateLimitConfig | null;
  readonly corsOrigins?: readonly string[];
  /** Wraps the embedded event store, e.g. to slow it down so that concurrent commands interleave. */
  readonly eventStore?: (embedded: EventStore) => EventStore;
}

/** The service on the embedded stores in a fresh temporary directory, with a clock the test sets. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sws-e2e-'));
  const clock = new FixedClock(new Date(options.now ?? '2026-11-24T10:00:00+08:00'));
  const auth = testAuth();
  const config: AppConfig = {
    port: 0,
    dataDir,
    synchronous: 'NORMAL',
    readWaitMs: 3000,
    auth: auth.config,
    rateLimit: options.rateLimit ?? null,
    corsOrigins: options.corsOrigins ?? [],
    bodyLimitBytes: 1_048_576,
  };
  const embedded = options.eventStore ? openEmbeddedStores(config) : null;
  const stores = embedded && options.eventStore ? { events: options.eventStore(embedded.events), readModels: embedded.readModels } : undefined;
  const app = await createApp({ config, clock, logger: false, stores });
  const authorization = (principal: Principal) => bearer(principal, auth.secret, clock.now().getTime());
  return {
    app,
    clock,
    dataDir,
    secret: auth.secret,
    http: () => request(app.getHttpServer()),
    authorization,
    as(principal) {
      return {
        get: (url) => request(app.getHttpServer()).get(url).set('Authorization', authorization(principal)),
        post: (url) => request(app.getHttpServer()).post(url).set('Authorization', authorization(principal)),
      };
    },
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
