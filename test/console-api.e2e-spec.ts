import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ADMIN, award, contractBody, COUNTY, created, creditCode, operatorOf, organization, procurementOf, read, station } from './support/fixtures';
import { ConsoleServer, startConsoleServer } from './support/console-server';
import { startTestApp, TestApp } from './support/test-app';

/** What the web console needs of the API (issue 11): who am I, development sign-in, contract filters, a contract's reviews, the console's files. */

describe('development sign-in outside AUTH_MODE=dev', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('does not exist: 404 and absent from the OpenAPI document', async () => {
    expect((await t.http().get('/dev/people')).status).toBe(404);
    expect((await t.http().post('/dev/tokens').send({ role: 'admin', orgId: 'centre-370112' })).status).toBe(404);
    const paths = Object.keys((await t.http().get('/docs/openapi.json')).body.paths);
    expect(paths.filter((p) => p.startsWith('/dev'))).toEqual([]);
    expect(paths).toContain('/me');
  });

  it('answers /me with who the token says the caller is, the names the read models know, and today', async () => {
    const operator = await organization(t, 'operator', '阳光社工服务中心');
    const answer = await t.as(operatorOf(operator)).get('/me');
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ userId: `operator@${operator}`, role: 'operator', orgId: operator, organizationName: '阳光社工服务中心', name: null, today: '2026-11-24' });
    expect((await t.http().get('/me')).status).toBe(401);
  });
});

describe('contracts filtered by status and parties, and a contract’s reviews', () => {
  let t: TestApp;
  let p: string;
  let o: string;
  let o2: string;
  let running: string;
  let upcoming: string;
  let other: string;

  beforeAll(async () => {
    t = await startTestApp();
    p = await organization(t, 'purchaser', '历城区民政局');
    o = await organization(t, 'operator', '阳光社工服务中心');
    o2 = await organization(t, 'operator', '同心社工服务中心');
    const [s1, s2, s3] = [await station(t, 1), await station(t, 2), await station(t, 3)];
    running = (await award(t, contractBody({ purchaserOrgId: p, operatorOrgId: o, stationIds: [s1] }))).id;
    upcoming = (await award(t, contractBody({ purchaserOrgId: p, operatorOrgId: o, stationIds: [s2] }, { term: { start: '2027-01-01', end: '2027-12-31' } }))).id;
    const last = await award(t, contractBody({ purchaserOrgId: p, operatorOrgId: o2, stationIds: [s3] }));
    other = last.id;
    await read(t, `/contracts/${other}`, last.position);
  });
  afterAll(() => t.close());

  const ids = async (query: string, as = ADMIN) => {
    const response = await t.as(as).get(`/contracts?${query}`);
    expect(response.status).toBe(200);
    return (response.body.data as Array<{ id: string }>).map((c) => c.id).sort();
  };

  it('narrows by where a contract stands today and by its purchaser or operator', async () => {
    expect(await ids('status=active')).toEqual([running, other].sort());
    expect(await ids('status=upcoming')).toEqual([upcoming]);
    expect(await ids('status=ended')).toEqual([]);
    expect(await ids(`operatorOrgId=${o}`)).toEqual([running, upcoming].sort());
    expect(await ids(`purchaserOrgId=${p}&operatorOrgId=${o2}`)).toEqual([other]);
    expect(await ids(`purchaserOrgId=${p}&status=active`)).toEqual([running, other].sort());
  });

  it('pages a filtered list', async () => {
    const first = await t.as(ADMIN).get('/contracts?status=active&limit=1');
    expect(first.body.data).toHaveLength(1);
    const second = await t.as(ADMIN).get(`/contracts?status=active&limit=1&after=${first.body.next}`);
    expect([first.body.data[0].id, second.body.data[0].id].sort()).toEqual([running, other].sort());
    expect(second.body.next).toBeNull();
  });

  it("keeps an operator's list to its own contracts whatever it filters by", async () => {
    expect(await ids(`operatorOrgId=${o2}`, operatorOf(o))).toEqual([]);
    expect(await ids(`purchaserOrgId=${p}`, operatorOf(o2))).toEqual([other]);
  });

  it('refuses a status it does not know, naming the field', async () => {
    const response = await t.as(ADMIN).get('/contracts?status=renewed');
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['status']);
  });

  it("lists a contract's reviews to its parties, the open one included", async () => {
    const opened = await created(t, '/renewal-reviews', { contractId: running, asOf: '2026-11-20' }, procurementOf(p));
    const answer = await t.as(operatorOf(o)).get(`/contracts/${running}/renewal-reviews?minPosition=${opened.position}`);
    expect(answer.status).toBe(200);
    expect(answer.body.data.reviews).toEqual([expect.objectContaining({ reviewId: opened.id, asOf: '2026-11-20', decision: null })]);
    expect((await t.as(operatorOf(o2)).get(`/contracts/${running}/renewal-reviews`)).status).toBe(403);
    expect((await t.as(ADMIN).get(`/contracts/${other}/renewal-reviews`)).body.data.reviews).toEqual([]);
  });
});

describe('the console served with AUTH_MODE=dev', () => {
  let server: ConsoleServer;
  let consoleDir: string;
  const http = () => request(server.app.getHttpServer());

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'sws-console-build-'));
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/console/assets/app-1.js"></script>');
    writeFileSync(join(consoleDir, 'assets', 'app-1.js'), 'console.log(1)');
    server = await startConsoleServer({ demo: false, consoleDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it('serves its files under /console/, index.html for its own routes, and sends / there', async () => {
    const page = await http().get('/console/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await http().get('/console/contracts/3f0c2a1e-0000-7000-8000-000000000001')).text).toContain('<title>console</title>');
    const asset = await http().get('/console/assets/app-1.js');
    expect([asset.status, asset.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect((await http().get('/console/assets/gone-2.js')).status).toBe(404);
    const root = await http().get('/');
    expect([root.status, root.headers.location]).toEqual([302, '/console/']);
  });

  it('never shadows an API path: unknown ones still get the API’s 404 JSON', async () => {
    for (const url of ['/stations/x/y', '/docs/nothing', '/contracts/x/y/z', '/consoles']) {
      const response = await http().get(url);
      expect({ url, status: response.status, json: response.headers['content-type'] }).toEqual({ url, status: 404, json: expect.stringContaining('application/json') });
    }
  });

  it('lists the people the read models know and mints a token for one that the service accepts', async () => {
    // The console sends an Idempotency-Key with every POST; a public one has no caller to scope it by (it answered 500).
    const signIn = await http().post('/dev/tokens').set('Idempotency-Key', 'k1').send({ role: 'admin', orgId: 'centre-370112' });
    expect(signIn.status).toBe(201);
    const admin = signIn.body.token as string;
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const post = async (url: string, body: object, token = admin) => (await http().post(url).set(as(token)).send(body)).body;
    const org = await post('/organizations', { name: '阳光社工服务中心', kind: 'operator', creditCode: creditCode('52'), region: COUNTY });
    await http().get(`/organizations/${org.id}?minPosition=${org.position}`).set(as(admin));
    const supervisor = await post('/supervisors', { name: '陈晓红', tier: 'county', affiliation: 'independent' });
    const worker = await post('/social-workers', { name: '王芳', certification: 'assistant', socialWorkDegree: true });
    await http().get(`/social-workers/${worker.id}?minPosition=${worker.position}`).set(as(admin));
    await http().get(`/supervisors/${supervisor.id}?minPosition=${supervisor.position}`).set(as(admin));
    const people = (await http().get('/dev/people')).body.data as Array<Record<string, string | null>>;
    expect(people).toEqual(
      expect.arrayContaining([
        { role: 'admin', orgId: 'centre-370112', organizationName: '历城区社会工作指导中心', name: null },
        { role: 'operator', orgId: org.id, organizationName: '阳光社工服务中心', name: null },
        { role: 'supervisor', orgId: 'supervisor-pool', organizationName: null, name: '陈晓红', supervisorId: supervisor.id },
        { role: 'social_worker', orgId: 'centre-370112', organizationName: null, name: '王芳', socialWorkerId: worker.id },
      ]),
    );
    const minted = await http().post('/dev/tokens').send({ role: 'social_worker', orgId: 'o', socialWorkerId: worker.id });
    expect(minted.status).toBe(201);
    const me = await http().get('/me').set(as(minted.body.token));
    expect(me.body.data).toMatchObject({ role: 'social_worker', socialWorkerId: worker.id, name: '王芳' });
    const missing = await http().post('/dev/tokens').send({ role: 'social_worker', orgId: 'o' });
    expect([missing.status, missing.body.errors]).toEqual([400, [{ field: 'socialWorkerId', problems: [expect.any(String)] }]]);
    expect((await http().post('/dev/tokens').send({ role: 'mayor', orgId: 'o' })).body.errors[0].field).toBe('role');
  });
});
