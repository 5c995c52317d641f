import { ADMIN, operatorOf } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const station = {
  name: '港沟街道社工站',
  kind: 'street',
  region: { code: '370112003', province: '山东省', city: '济南市', county: '历城区', township: '港沟街道' },
  operatingModel: 'outsourced',
  villageCount: 7,
};

describe('hostile input', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  const head = async () => (await t.http().get('/health')).body.head as string | null;

  async function refusedWithNothingAppended(send: () => Promise<{ status: number; body: any }>, status: number) {
    const before = await head();
    const response = await send();
    expect(response.status).toBe(status);
    expect(await head()).toBe(before);
    return response.body;
  }

  it('refuses a body over the size limit with 413', async () => {
    const body = { ...station, name: 'x'.repeat(1_100_000) };
    await refusedWithNothingAppended(() => t.as(ADMIN).post('/stations').send(body), 413);
  });

  it('refuses JSON nested deeper than 16 levels before parsing it', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const payload = JSON.stringify(station).replace('"villageCount":7', `"villageCount":${deep}`);
    const body = await refusedWithNothingAppended(
      () => t.as(ADMIN).post('/stations').set('content-type', 'application/json').send(payload),
      400,
    );
    expect(body.code).toBe('BODY_TOO_DEEP');
  });

  it('refuses prototype-polluting keys', async () => {
    const payload = JSON.stringify(station).replace('{', '{"__proto__":{"isAdmin":true},');
    const body = await refusedWithNothingAppended(() => t.as(ADMIN).post('/stations').set('content-type', 'application/json').send(payload), 400);
    expect(body.code).toBe('FORBIDDEN_PROPERTY');
    const nested = JSON.stringify(station).replace('"region":{', '"region":{"constructor":{"prototype":{"x":1}},');
    expect((await t.as(ADMIN).post('/stations').set('content-type', 'application/json').send(nested)).body.code).toBe('FORBIDDEN_PROPERTY');
  });

  it('bounds every string: a field by its own limit, anything by the body limit on strings', async () => {
    const named = await refusedWithNothingAppended(() => t.as(ADMIN).post('/stations').send({ ...station, name: '站'.repeat(201) }), 400);
    expect(named.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    const huge = await refusedWithNothingAppended(() => t.as(ADMIN).post('/stations').send({ ...station, region: { ...station.region, county: 'x'.repeat(20_001) } }), 400);
    expect(huge.errors[0].field).toBe('region.county');
  });

  it('refuses null for a field that may only be left out', async () => {
    const body = await refusedWithNothingAppended(() => t.as(ADMIN).post('/stations').send({ ...station, region: { ...station.region, township: null } }), 400);
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['region.township']);
  });

  it('refuses a body that is not JSON, and content types it does not read', async () => {
    await refusedWithNothingAppended(() => t.as(ADMIN).post('/stations').set('content-type', 'application/json').send('{"name":'), 400);
    await refusedWithNothingAppended(() => t.as(ADMIN).post('/stations').set('content-type', 'text/plain').send('name=x'), 415);
    await refusedWithNothingAppended(() => t.as(ADMIN).post('/stations').type('form').send({ name: 'x' }), 415);
  });

  it('sends security headers and no CORS headers when no origin is configured', async () => {
    const response = await t.http().get('/health').set('Origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    // Plain-HTTP intranets must still load the OpenAPI page's own scripts.
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const docs = await t.http().get('/docs');
    const scripts = [...docs.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((attributes) => /src="\.\/docs\//.test(attributes))).toBe(true);
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.http().options('/stations').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS when origins are configured', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ corsOrigins: ['https://jinan-mzj.example'] });
  });

  afterAll(() => t.close());

  it('allows the configured origin and no other', async () => {
    const allowed = await t.http().options('/stations').set('Origin', 'https://jinan-mzj.example').set('Access-Control-Request-Method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://jinan-mzj.example');
    const other = await t.http().options('/stations').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimit: { perIpPerMinute: 8, perUserPerMinute: 3 } });
  });

  afterAll(() => t.close());

  it('limits each user, then each address, counts failed sign-ins, and leaves health alone', async () => {
    const user = operatorOf('0190a0a0-0000-7000-8000-000000000001');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.as(user).get('/organizations')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await t.as(user).get('/organizations');
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    // Another user from the same address still gets through, until the address's limit.
    expect((await t.as(ADMIN).get('/organizations')).status).toBe(200);
    const attempts: number[] = [];
    for (let i = 0; i < 3; i++) attempts.push((await t.http().get('/organizations').set('Authorization', 'Bearer forged')).status);
    expect(attempts).toEqual([401, 401, 429]);
    expect((await t.as({ ...ADMIN, userId: 'admin-zhang' }).get('/organizations')).status).toBe(429);

    for (let i = 0; i < 20; i++) expect((await t.http().get('/health')).status).toBe(200);
  });
});
