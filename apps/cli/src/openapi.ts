import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../api/src/create-app';

/**
 * The service's OpenAPI document as a development service lists it (with the dev sign-in
 * endpoints), from an empty service in a throwaway data directory: what the console's types are
 * generated from.
 */
export async function openApiDocument(): Promise<object> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-openapi-'));
  const app = await createApp({
    config: {
      port: 0,
      dataDir,
      synchronous: 'OFF',
      readWaitMs: 1000,
      auth: { mode: 'dev', key: { kind: 'secret', secret: randomBytes(32) }, leewaySeconds: 60 },
      rateLimit: null,
      corsOrigins: [],
      bodyLimitBytes: 1_048_576,
    },
    logger: false,
  });
  try {
    const response = await app.inject({ method: 'GET', url: '/docs/openapi.json' });
    return JSON.parse(response.body);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
