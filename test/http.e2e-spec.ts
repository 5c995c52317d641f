import Database from 'better-sqlite3';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { ADMIN, award, procurementOf, contractBody, created, operatorOf, organization, read, station, worker } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('HTTP behaviour', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
  });

  afterEach(() => t.close());

  const events = () => t.app.get<EventStore>(EVENT_STORE);
  const head = () => events().headPosition();

  describe('bad input', () => {
    it('answers 400 naming each offending field, nested ones by their path, and records nothing', async () => {
      const response = await t
        .as(ADMIN)
        .post('/stations')
        .send({ name: '', kind: 'village', region: { code: '37', province: '山东省' }, operatingModel: 'outsourced', villageCount: -1, extra: 1 });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['extra', 'kind', 'name', 'region.city', 'region.code', 'region.county', 'villageCount']);
      expect(await head()).toBeNull();
    });

    it('names a bad credit code check character', async () => {
      const response = await t.as(ADMIN).post('/organizations').send({
        name: '某机构',
        kind: 'operator',
        creditCode: '914403001922038217',
        region: { code: '370112', province: '山东省', city: '济南市', county: '历城区' },
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'creditCode', problems: ['creditCode has check character 7 where 6 is due'] }]);
    });

    it('refuses impossible dates, money with fractions of a fen and ids that are not UUIDs', async () => {
      const response = await t
        .as(procurementOf('0190a0a0-0000-7000-8000-0000000000aa'))
        .post('/contracts')
        .send({
          purchaserOrgId: 'nope',
          operatorOrgId: '0190a0a0-0000-7000-8000-000000000000',
          stationIds: [],
          term: { start: '2026-02-30', end: '2026-12-31' },
          budget: { totalCny: 10.001, sources: [{ kind: 'fiscal', amountCny: 10.001 }] },
        });
      expect(response.status).toBe(400);
      const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['budget.sources.0.amountCny', 'budget.totalCny', 'purchaserOrgId', 'stationIds', 'term.start']);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const response = await t.as(ADMIN).post('/stations').set('content-type', 'application/json').send('{"name":');
      expect(response.status).toBe(400);
    });

    it('answers 400 naming a path id that is not a UUID', async () => {
      const response = await t.as(ADMIN).get('/stations/not-a-uuid');
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('stationId');
    });
  });

  describe('unknown records', () => {
    it('answers 404 for a record that does not exist, on reads and on writes, and records nothing', async () => {
      const id = '0190a0a0-0000-7000-8000-000000000001';
      expect((await t.as(ADMIN).get(`/stations/${id}`)).status).toBe(404);
      expect((await t.as(ADMIN).get(`/contracts/${id}`)).status).toBe(404);
      expect((await t.as(ADMIN).get(`/social-workers/${id}`)).status).toBe(404);
      expect((await t.as(ADMIN).get(`/organizations/${id}`)).status).toBe(404);
      const write = await t.as(ADMIN).post(`/stations/${id}/closure`).send({ on: '2026-06-30', reason: '合并' });
      expect(write.status).toBe(404);
      expect(await head()).toBeNull();
    });
  });

  describe('writes and reads', () => {
    it('answers a write with the record id, its revision and the global position, and a read with the position it reflects', async () => {
      const first = await created(t, '/social-workers', { name: '陈静', certification: 'none', socialWorkDegree: false });
      expect(first).toEqual({ id: expect.any(String), revision: 0, position: expect.any(String) });
      const second = await created(t, `/social-workers/${first.id}/certifications`, { level: 'assistant', certificateNo: 'A1', on: '2026-05-20' });
      expect(second.revision).toBe(1);
      expect(events().comparePositions(second.position as never, first.position as never)).toBeGreaterThan(0);
      const body = await read(t, `/social-workers/${first.id}`, second.position);
      expect(body.position).toBe(second.position);
      expect(body.data.certification).toBe('assistant');
    });

    it('refuses a minPosition this service never issued', async () => {
      const id = await worker(t);
      const response = await t.as(ADMIN).get(`/social-workers/${id}?minPosition=abc`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('minPosition');
      const beyond = await t.as(ADMIN).get(`/social-workers/${id}?minPosition=999999`);
      expect(beyond.status).toBe(400);
      expect(beyond.body.errors[0].field).toBe('minPosition');
    });

    it('answers 409 to a write whose If-Match revision is stale, and accepts the current one', async () => {
      const id = await worker(t);
      const stale = await t.as(ADMIN).post(`/social-workers/${id}/certifications`).set('If-Match', '"3"').send({ level: 'assistant', certificateNo: 'A1', on: '2026-05-20' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'CONCURRENT_WRITE', currentRevision: 0 });
      const current = await t.as(ADMIN).post(`/social-workers/${id}/certifications`).set('If-Match', '0').send({ level: 'assistant', certificateNo: 'A1', on: '2026-05-20' });
      expect(current.status).toBe(201);
    });

    it('carries the request id into the response and into the events it caused', async () => {
      const response = await t.as(ADMIN).post('/social-workers').set('X-Request-Id', 'req-42').send({ name: '周杰', certification: 'none', socialWorkDegree: true });
      expect(response.headers['x-request-id']).toBe('req-42');
      const [event] = await events().readStream(`SocialWorker-${response.body.id}`);
      expect(event.metadata).toMatchObject({ correlationId: 'req-42', recordedAt: '2026-11-24T10:00:00.000+08:00' });
      const generated = await t.http().get('/health');
      expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('lists', () => {
    it('pages through a read model in id order', async () => {
      const ids: string[] = [];
      let last = '';
      for (const name of ['甲', '乙', '丙']) {
        const answer = await created(t, '/social-workers', { name, certification: 'none', socialWorkDegree: false });
        ids.push(answer.id);
        last = answer.position;
      }
      await read(t, `/social-workers/${ids[2]}`, last);
      const first = await t.as(ADMIN).get('/social-workers?limit=2');
      expect(first.body.data.map((w: { id: string }) => w.id)).toEqual([...ids].sort().slice(0, 2));
      const second = await t.as(ADMIN).get(`/social-workers?limit=2&after=${first.body.next}`);
      expect(second.body).toMatchObject({ next: null, data: [{ id: [...ids].sort()[2] }] });
      expect((await t.as(ADMIN).get('/social-workers?limit=0')).status).toBe(400);
    });
  });

  describe('Idempotency-Key', () => {
    const body = { name: '黄磊', certification: 'assistant', socialWorkDegree: true };

    it('answers a retry with the same key and body as the first time and appends nothing', async () => {
      const first = await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', 'k-1').send(body);
      const positionAfterFirst = await head();
      const retry = await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', 'k-1').send(body);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await head()).toBe(positionAfterFirst);
    });

    it('refuses the same key with another body', async () => {
      await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', 'k-2').send(body);
      const before = await head();
      const other = await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', 'k-2').send({ ...body, name: '别人' });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await head()).toBe(before);
    });

    it('finds the events of a request whose answer was lost, and appends nothing again', async () => {
      const id = await worker(t);
      const certify = { level: 'intermediate', certificateNo: 'B7', on: '2026-06-01' };
      const first = await t.as(ADMIN).post(`/social-workers/${id}/certifications`).set('Idempotency-Key', 'k-3').send(certify);
      // The service stopped after appending but before it remembered the answer.
      const answers = new Database(join(t.dataDir, 'requests.db'));
      answers.exec('DELETE FROM answers');
      answers.close();
      const retry = await t.as(ADMIN).post(`/social-workers/${id}/certifications`).set('Idempotency-Key', 'k-3').send(certify);
      expect(retry.body).toEqual(first.body);
      expect(await events().readStream(`SocialWorker-${id}`)).toHaveLength(2);
    });

    it('keeps no refusal: the key of a refused request is free for the corrected one', async () => {
      const refused = await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', 'k-4').send({ ...body, certification: 'grand' });
      expect(refused.status).toBe(400);
      const corrected = await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', 'k-4').send(body);
      expect(corrected.status).toBe(201);
      const retry = await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', 'k-4').send(body);
      expect(retry.body).toEqual(corrected.body);
      const other = await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', 'k-4').send({ ...body, certification: 'grand' });
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('checks the role before it answers from an earlier request', async () => {
      await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', 'k-5').send(body);
      const sameUserOtherRole = await t.as({ ...ADMIN, role: 'evaluator' }).post('/social-workers').set('Idempotency-Key', 'k-5').send(body);
      expect(sameUserOtherRole.status).toBe(403);
    });

    it('refuses a key that is not visible ASCII', async () => {
      const response = await t.as(ADMIN).post('/social-workers').set('Idempotency-Key', ' ').send(body);
      expect(response.status).toBe(400);
    });
  });

  describe('concurrent writes', () => {
    it('lets one of two simultaneous assignments of the same worker through and refuses the other', async () => {
      const purchaserOrgId = await organization(t, 'purchaser');
      const operatorOrgId = await organization(t, 'operator');
      const [s1, s2] = [await station(t, 1), await station(t, 2)];
      const contract = await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: [s1, s2] }));
      const id = await worker(t);
      const answers = await Promise.all(
        [s1, s2].map((stationId) =>
          t.as(operatorOf(operatorOrgId)).post(`/social-workers/${id}/assignments`).send({ contractId: contract.id, stationId, post: 'resident', from: '2026-02-01' }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
      expect(await events().readStream(`SocialWorker-${id}`)).toHaveLength(2);
    });
  });

  describe('documentation and health', () => {
    it('serves the OpenAPI document with every resource', async () => {
      const response = await t.http().get('/docs/openapi.json');
      expect(response.status).toBe(200);
      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining(['/organizations', '/stations', '/contracts', '/social-workers/{socialWorkerId}/assignments', '/health']),
      );
      expect((await t.http().get('/docs')).status).toBe(200);
    });

    it('reports the head of the log and where each read model stands', async () => {
      const { id, position } = await created(t, '/social-workers', { name: '吴敏', certification: 'none', socialWorkDegree: false });
      await read(t, `/social-workers/${id}`, position);
      const response = await t.http().get('/health');
      expect(response.body).toMatchObject({ status: 'ok', head: position });
      expect(response.body.projections.map((p: { projection: string }) => p.projection)).toContain('station-detail');
    });
  });
});
