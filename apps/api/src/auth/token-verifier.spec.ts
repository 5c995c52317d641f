import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authConfigFromEnvironment, AuthConfig, DEV_SECRET_FILE } from './auth.config';
import { InvalidToken, signHs256 } from './jwt';
import { JwksKeySource } from './key-source';
import { TokenVerifier } from './token-verifier';

const NOW_MS = Date.parse('2026-11-24T02:00:00Z');
const NOW = NOW_MS / 1000;
const WORKER_ID = '0190a0a0-0000-7000-8000-000000000042';

function rs256(payload: object, privateKey: Parameters<typeof sign>[2], kid?: string): string {
  const header = { alg: 'RS256', typ: 'JWT', ...(kid ? { kid } : {}) };
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidToken);
    return (error as Error).message;
  }
  throw new Error('the token was accepted');
}

describe('reading the token settings', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'sws-auth-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start without a key unless AUTH_MODE=dev', () => {
    expect(() => authConfigFromEnvironment({}, dataDir)).toThrow(/no key to verify bearer tokens.*AUTH_MODE=dev/);
  });

  it('in dev mode keeps one secret in the data directory, readable by the token command', () => {
    const first = authConfigFromEnvironment({ AUTH_MODE: 'dev' }, dataDir);
    const second = authConfigFromEnvironment({ AUTH_MODE: 'dev' }, dataDir);
    expect(first.mode).toBe('dev');
    expect(first.key).toEqual(second.key);
    expect(first.key.kind === 'secret' && first.key.secret.toString()).toBe(readFileSync(join(dataDir, DEV_SECRET_FILE), 'utf8'));
  });

  it('refuses a short secret, two keys at once, an unknown mode, and a JWKS address over plain http', () => {
    expect(() => authConfigFromEnvironment({ AUTH_JWT_SECRET: 'short' }, dataDir)).toThrow(/at least 32 bytes/);
    expect(() => authConfigFromEnvironment({ AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_JWKS_URL: 'https://idp.example/jwks' }, dataDir)).toThrow(/only one/);
    expect(() => authConfigFromEnvironment({ AUTH_MODE: 'demo' }, dataDir)).toThrow(/AUTH_MODE/);
    expect(() => authConfigFromEnvironment({ AUTH_JWKS_URL: 'http://idp.example/jwks' }, dataDir)).toThrow(/https/);
    expect(authConfigFromEnvironment({ AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' }, dataDir).key.kind).toBe('jwks');
  });

  it('reads an RSA public key file', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const file = join(dataDir, 'idp.pem');
    writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
    expect(authConfigFromEnvironment({ AUTH_JWT_PUBLIC_KEY_FILE: file }, dataDir).key.kind).toBe('public-key');
  });
});

describe('verifying tokens', () => {
  const secret = Buffer.from('a shared secret of at least thirty-two bytes');
  const hs: AuthConfig = { mode: 'production', key: { kind: 'secret', secret }, leewaySeconds: 60 };
  const claims = { sub: 'u-1', role: 'social_worker', orgId: 'ORG-1', socialWorkerId: WORKER_ID, exp: NOW + 300 };

  it('turns valid claims into the principal', async () => {
    await expect(new TokenVerifier(hs).verify(signHs256(claims, secret), NOW_MS)).resolves.toEqual({
      userId: 'u-1',
      role: 'social_worker',
      orgId: 'ORG-1',
      socialWorkerId: WORKER_ID,
    });
  });

  it('tolerates the configured clock difference and not a second more', async () => {
    const verifier = new TokenVerifier(hs);
    await expect(verifier.verify(signHs256({ ...claims, exp: NOW - 59 }, secret), NOW_MS)).resolves.toBeDefined();
    expect(await refusal(verifier.verify(signHs256({ ...claims, exp: NOW - 60 }, secret), NOW_MS))).toMatch(/expired/);
    await expect(verifier.verify(signHs256({ ...claims, nbf: NOW + 60 }, secret), NOW_MS)).resolves.toBeDefined();
    expect(await refusal(verifier.verify(signHs256({ ...claims, nbf: NOW + 61 }, secret), NOW_MS))).toMatch(/not valid yet/);
  });

  it('checks issuer and audience when they are configured', async () => {
    const verifier = new TokenVerifier({ ...hs, issuer: 'https://idp.jinan.example', audience: 'sws' });
    await expect(verifier.verify(signHs256({ ...claims, iss: 'https://idp.jinan.example', aud: ['sws', 'x'] }, secret), NOW_MS)).resolves.toBeDefined();
    expect(await refusal(verifier.verify(signHs256({ ...claims, iss: 'https://other.example', aud: 'sws' }, secret), NOW_MS))).toMatch(/issued by/);
    expect(await refusal(verifier.verify(signHs256({ ...claims, iss: 'https://idp.jinan.example', aud: 'other' }, secret), NOW_MS))).toMatch(/meant for/);
  });

  it('needs the record ids of social workers and supervisors', async () => {
    const verifier = new TokenVerifier(hs);
    expect(await refusal(verifier.verify(signHs256({ ...claims, socialWorkerId: 'w-1' }, secret), NOW_MS))).toMatch(/socialWorkerId/);
    expect(await refusal(verifier.verify(signHs256({ ...claims, role: 'supervisor' }, secret), NOW_MS))).toMatch(/supervisorId/);
  });

  it('keeps a verified token: the next request skips its signature, but it still expires on time', async () => {
    let keyLookups = 0;
    const verifier = new TokenVerifier(hs, {
      keyFor: async () => {
        keyLookups += 1;
        return { alg: 'HS256', secret };
      },
    });
    const token = signHs256({ ...claims, exp: NOW + 100 }, secret);
    const first = await verifier.verify(token, NOW_MS);
    await expect(verifier.verify(token, NOW_MS + 50_000)).resolves.toBe(first);
    expect(keyLookups).toBe(1);
    // exp + leeway (60 s) has passed: refused although it was kept.
    expect(await refusal(verifier.verify(token, NOW_MS + 160_000))).toMatch(/expired/);
    // A token with one character changed is a different token: verified, and refused.
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(await refusal(verifier.verify(forged, NOW_MS))).toMatch(/does not verify|signature/);
  });

  it('verifies RS256 with a public key, and refuses an HS256 token signed with that public key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const verifier = new TokenVerifier({ mode: 'production', key: { kind: 'public-key', publicKey }, leewaySeconds: 60 });
    await expect(verifier.verify(rs256(claims, privateKey), NOW_MS)).resolves.toMatchObject({ userId: 'u-1' });
    const pem = Buffer.from(publicKey.export({ type: 'spki', format: 'pem' }) as string);
    expect(await refusal(verifier.verify(signHs256(claims, pem), NOW_MS))).toMatch(/accepts RS256/);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(await refusal(verifier.verify(rs256(claims, other), NOW_MS))).toMatch(/does not verify/);
  });
});

describe('keys from a JWKS address', () => {
  const keys = [generateKeyPairSync('rsa', { modulusLength: 2048 }), generateKeyPairSync('rsa', { modulusLength: 2048 })];
  const claims = { sub: 'u-2', role: 'evaluator', orgId: 'ORG-E', exp: NOW + 300 };
  let published: number[];
  let fetches: number;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      fetches += 1;
      const jwks = published.map((n) => ({ ...keys[n].publicKey.export({ format: 'jwk' }), kid: `k${n}`, use: 'sig', alg: 'RS256' }));
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [{ kty: 'oct', kid: 'symmetric', k: 'c2VjcmV0' }, ...jwks] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });

  beforeEach(() => {
    published = [0];
    fetches = 0;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('verifies with the published key, fetching the set once', async () => {
    const verifier = new TokenVerifier({ mode: 'production', key: { kind: 'jwks', url }, leewaySeconds: 60 });
    for (let i = 0; i < 3; i++) await expect(verifier.verify(rs256(claims, keys[0].privateKey, 'k0'), NOW_MS)).resolves.toMatchObject({ role: 'evaluator' });
    expect(fetches).toBe(1);
  });

  it('fetches again for a key id it has not seen (key rotation), but not more often than it is allowed to', async () => {
    let clock = 0;
    const source = new JwksKeySource(url, { minRefreshMs: 30_000, now: () => clock });
    const verifier = new TokenVerifier({ mode: 'production', key: { kind: 'jwks', url }, leewaySeconds: 60 }, source);
    await verifier.verify(rs256(claims, keys[0].privateKey, 'k0'), NOW_MS);
    published = [0, 1];
    clock = 10_000;
    expect(await refusal(verifier.verify(rs256(claims, keys[1].privateKey, 'k1'), NOW_MS))).toMatch(/no signing key k1/);
    expect(fetches).toBe(1);
    clock = 40_000;
    await expect(verifier.verify(rs256(claims, keys[1].privateKey, 'k1'), NOW_MS)).resolves.toBeDefined();
    expect(fetches).toBe(2);
  });

  it('refuses tokens, and does not crash, when the key server cannot be reached', async () => {
    const verifier = new TokenVerifier({ mode: 'production', key: { kind: 'jwks', url: 'http://127.0.0.1:9/jwks' }, leewaySeconds: 60 });
    expect(await refusal(verifier.verify(rs256(claims, keys[0].privateKey, 'k0'), NOW_MS))).toMatch(/could not be fetched/);
  });
});
