import { generateKeyPairSync, sign } from 'node:crypto';
import { signHs256 } from '../apps/api/src/auth/jwt';
import { ADMIN } from './support/fixtures';
import { buildWorld, Endpoint, endpoints, World } from './support/endpoints';
import { startTestApp, TestApp } from './support/test-app';

/** Today in these tests is 2026-11-24 10:00 China time. */
const NOW = Math.floor(Date.parse('2026-11-24T10:00:00+08:00') / 1000);
const claims = { sub: 'admin-liu', role: 'admin', orgId: 'centre-370112' };

/** Tokens that must each get a 401, with the reason the service should give. */
function badTokens(secret: Buffer): Array<[string, string | undefined]> {
  const wrongSecret = Buffer.from('another secret that is long enough to be used for HS256');
  const unsigned = (payload: object) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rs256 = (() => {
    const input = `${Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, exp: NOW + 600 })).toString('base64url')}`;
    return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
  })();
  return [
    ['no Authorization header', undefined],
    ['a scheme other than Bearer', 'Basic YWRtaW46YWRtaW4='],
    ['a token that is not a JWT', 'Bearer not-a-token'],
    ['an expired token', `Bearer ${signHs256({ ...claims, exp: NOW - 120 }, secret)}`],
    ['a token not valid yet', `Bearer ${signHs256({ ...claims, nbf: NOW + 3600, exp: NOW + 7200 }, secret)}`],
    ['a token without expiry', `Bearer ${signHs256(claims, secret)}`],
    ['a token signed with another secret', `Bearer ${signHs256({ ...claims, exp: NOW + 600 }, wrongSecret)}`],
    ['an unsigned token (alg none)', `Bearer ${unsigned({ ...claims, exp: NOW + 600 })}`],
    ['an RS256 token where HS256 is configured', `Bearer ${rs256}`],
    ['a token with an unknown role', `Bearer ${signHs256({ ...claims, role: 'mayor', exp: NOW + 600 }, secret)}`],
    ['a token without an organization', `Bearer ${signHs256({ sub: 'x', role: 'operator', exp: NOW + 600 }, secret)}`],
    ['a social worker token that names no worker', `Bearer ${signHs256({ sub: 'x', role: 'social_worker', orgId: 'o', exp: NOW + 600 }, secret)}`],
    ['a token whose signature was cut', `Bearer ${signHs256({ ...claims, exp: NOW + 600 }, secret).slice(0, -4)}`],
    ['a token with a tampered payload', `Bearer ${(() => {
      const [header, , signature] = signHs256({ ...claims, role: 'operator', exp: NOW + 600 }, secret).split('.');
      return `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: NOW + 600 })).toString('base64url')}.${signature}`;
    })()}`],
  ];
}

describe('access control on every endpoint', () => {
  let t: TestApp;
  let w: World;
  let table: Endpoint[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    table = endpoints(w);
  });

  afterAll(() => t.close());

  const head = async () => (await t.http().get('/health')).body.head as string;

  function send(endpoint: Endpoint, authorization: string | undefined) {
    const request = endpoint.method === 'GET' ? t.http().get(endpoint.url) : t.http().post(endpoint.url).send(endpoint.body ?? {});
    return authorization === undefined ? request : request.set('Authorization', authorization);
  }

  it('covers every endpoint the OpenAPI document lists, and nothing it does not', async () => {
    const document = (await t.http().get('/docs/openapi.json')).body;
    const listed = Object.entries(document.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(table.map((e) => `${e.method} ${e.path}`).sort()).toEqual(listed.sort());
  });

  it('answers 401 with WWW-Authenticate to a request without a valid token, and appends nothing', async () => {
    const before = await head();
    const failures: string[] = [];
    for (const endpoint of table.filter((e) => e.allowed !== null)) {
      for (const [what, authorization] of badTokens(t.secret)) {
        const response = await send(endpoint, authorization);
        const challenge = response.headers['www-authenticate'] ?? '';
        const ok =
          response.status === 401 &&
          challenge.startsWith('Bearer realm=') &&
          (authorization === undefined ? !challenge.includes('error=') : challenge.includes('error="invalid_token"'));
        if (!ok) failures.push(`${endpoint.method} ${endpoint.url} with ${what}: ${response.status} ${challenge}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await head()).toBe(before);
  }, 120_000); // every endpoint with each bad token: on a loaded 2-core machine that can take over the default 30 s

  it('answers 403 to each role and organization that may not use an endpoint, and appends nothing', async () => {
    const before = await head();
    const failures: string[] = [];
    for (const endpoint of table.filter((e) => e.allowed !== null)) {
      for (const [name, principal] of Object.entries(w.people).filter(([name]) => !endpoint.allowed!.includes(name))) {
        const response = await send(endpoint, t.authorization(principal));
        if (response.status !== 403 || !['ROLE_NOT_ALLOWED', 'OUTSIDE_ORGANIZATION_SCOPE'].includes(response.body.code)) {
          failures.push(`${endpoint.method} ${endpoint.url} as ${name}: ${response.status} ${JSON.stringify(response.body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await head()).toBe(before);
  });

  it("narrows lists to the records of the caller's organization", async () => {
    const ids = async (url: string, who: string) =>
      ((await t.as(w.people[who]).get(`${url}?limit=500`)).body.data as Array<{ id: string }>).map((d) => d.id);
    expect(await ids('/stations', 'operator O')).toEqual([w.station]);
    expect(await ids('/stations', 'operator O2')).toEqual([]);
    expect(await ids('/stations', 'procurement of P2')).toEqual([]);
    expect(await ids('/contracts', 'procurement of P')).toEqual([w.contract]);
    expect(await ids('/contracts', 'operator O2')).toEqual([]);
    expect(await ids('/social-workers', 'operator O')).toContain(w.worker);
    expect(await ids('/social-workers', 'operator O')).not.toContain(w.otherWorker);
    expect(await ids('/social-workers', 'worker W2')).toEqual([w.otherWorker]);
    expect((await ids('/stations', 'evaluator E')).length).toBeGreaterThanOrEqual(1);
  });

  // Last: the allowed calls change the world (a termination, an assignment).
  it('lets each allowed role and organization through with a valid body (the table is not too strict)', async () => {
    const failures: string[] = [];
    for (const endpoint of table.filter((e) => e.allowed !== null)) {
      for (const name of endpoint.allowed!) {
        const response = await send(endpoint, t.authorization(w.people[name]));
        if ([400, 401, 403].includes(response.status) || response.status >= 500) {
          failures.push(`${endpoint.method} ${endpoint.url} as ${name}: ${response.status} ${JSON.stringify(response.body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect((await send(table.find((e) => e.path === '/health')!, undefined)).status).toBe(200);
  });

});

describe('the actor recorded in events', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  it('comes from the token even when the request names someone else', async () => {
    const body = { name: '孙丽', certification: 'none', socialWorkDegree: false };
    const impostor = await t.as(ADMIN).post('/social-workers').send({ ...body, actor: { userId: 'someone-else', role: 'admin' } });
    expect(impostor.status).toBe(400);
    expect(impostor.body.errors.map((e: { field: string }) => e.field)).toEqual(['actor']);

    const response = await t
      .as(ADMIN)
      .post('/social-workers')
      .set('X-User-Id', 'someone-else')
      .set('X-Org-Id', 'another-org')
      .set('X-Role', 'operator')
      .send(body);
    expect(response.status).toBe(201);
    const history = await t.as(ADMIN).get(`/streams/SocialWorker-${response.body.id}/events`);
    expect(history.status).toBe(200);
    expect(history.body.events[0].metadata.actor).toEqual({ userId: ADMIN.userId, role: 'admin', orgId: ADMIN.orgId });
  });

  it('keeps the idempotency scope per user: the same key from two users makes two records', async () => {
    const body = { name: '钱进', certification: 'none', socialWorkDegree: false };
    const a = await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', 'same').send(body);
    const b = await t.as({ ...ADMIN, userId: 'admin-zhang' }).post('/social-workers').set('Idempotency-Key', 'same').send(body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });
});

describe('ids derived from an Idempotency-Key', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  it('never collide between users whose id and key share a separator', async () => {
    const body = (name: string) => ({ name, certification: 'none', socialWorkDegree: false });
    const a = await t.as({ ...ADMIN, userId: 'centre' }).post('/social-workers').set('Idempotency-Key', 'k1:k2').send(body('甲'));
    const b = await t.as({ ...ADMIN, userId: 'centre:k1' }).post('/social-workers').set('Idempotency-Key', 'k2').send(body('乙'));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });
});
