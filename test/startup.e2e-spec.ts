import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, exited, runCli, startService } from './support/service-process';

/** How the service starts as its own process: never without a way to verify tokens. */
describe('starting the service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-startup-'));
  const port = 20000 + Math.floor(Math.random() * 20000);

  beforeAll(() => ensureBuilt(), 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start without a key to verify tokens', async () => {
    await expect(startService(dataDir, port, {})).rejects.toThrow(/exited with 1[\s\S]*no key to verify bearer tokens/);
  });

  it('starts with AUTH_MODE=dev, warns, and accepts the development tokens `npm run token` mints', async () => {
    const service = await startService(dataDir, port, { AUTH_MODE: 'dev' });
    try {
      expect(service.output()).toMatch(/AUTH_MODE=dev/);
      const minted = runCli(['token', '--role', 'admin', '--org', 'centre-370112'], { DATA_DIR: dataDir });
      expect(minted.status).toBe(0);
      const token = minted.stdout.trim();
      expect(token.split('.')).toHaveLength(3);
      const authorized = await fetch(`${service.url}/stations`, { headers: { authorization: `Bearer ${token}` } });
      expect(authorized.status).toBe(200);
      const anonymous = await fetch(`${service.url}/stations`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
      const badRole = runCli(['token', '--role', 'mayor', '--org', 'x'], { DATA_DIR: dataDir });
      expect({ status: badRole.status, stderr: badRole.stderr }).toEqual({ status: 2, stderr: expect.stringContaining('--role must be one of') });
    } finally {
      service.child.kill('SIGTERM');
      await exited(service.child);
    }
  }, 60_000);
});
