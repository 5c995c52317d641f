import { ADMIN, award, contractBody, created, operatorOf, organization, procurementOf, station } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('the audit trail of a record', () => {
  let t: TestApp;
  let purchaser: string;
  let operator: string;
  let contract: string;

  beforeAll(async () => {
    t = await startTestApp();
    purchaser = await organization(t, 'purchaser');
    operator = await organization(t, 'operator');
    contract = (await award(t, contractBody({ purchaserOrgId: purchaser, operatorOrgId: operator, stationIds: [await station(t)] }))).id;
    await t
      .as(procurementOf(purchaser))
      .post(`/contracts/${contract}/amendments`)
      .set('X-Request-Id', 'amend-2026-06')
      .send({ reason: '追加督导经费', budget: { totalCny: 650000, sources: [{ kind: 'fiscal', amountCny: 650000 }] } })
      .expect(201);
  });

  afterAll(() => t.close());

  it('gives every event with who recorded it, when it took effect, when it was recorded and which request caused it', async () => {
    const response = await t.as(operatorOf(operator)).get(`/streams/Contract-${contract}/events`);
    expect(response.status).toBe(200);
    expect(response.body.stream).toBe(`Contract-${contract}`);
    expect(response.body.events.map((e: { type: string; revision: number }) => [e.revision, e.type])).toEqual([
      [0, 'ContractAwarded'],
      [1, 'ContractAmended'],
    ]);
    const amended = response.body.events[1];
    expect(amended.metadata).toMatchObject({
      actor: { userId: procurementOf(purchaser).userId, role: 'procurement', orgId: purchaser },
      correlationId: 'amend-2026-06',
      recordedAt: '2026-11-24T10:00:00.000+08:00',
    });
    expect(amended.data.reason).toBe('追加督导经费');
    expect(response.body.next).toBeNull();
  });

  it('pages by revision', async () => {
    const page = await t.as(ADMIN).get(`/streams/Contract-${contract}/events?limit=1`);
    expect(page.body.events).toHaveLength(1);
    expect(page.body.next).toBe(1);
    const rest = await t.as(ADMIN).get(`/streams/Contract-${contract}/events?fromRevision=1`);
    expect(rest.body.events.map((e: { revision: number }) => e.revision)).toEqual([1]);
  });

  it('answers 404 for a record that does not exist and 400 for a stream name it does not know', async () => {
    expect((await t.as(ADMIN).get('/streams/Contract-0190a0a0-0000-7000-8000-000000000999/events')).status).toBe(404);
    const unknown = await t.as(ADMIN).get('/streams/Spaceship-1/events');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('stream');
    expect((await t.as(ADMIN).get(`/streams/Contract-${contract}/events?limit=5000`)).status).toBe(400);
  });

  it('shows an organization its own history and not another organization', async () => {
    expect((await t.as(operatorOf(operator)).get(`/streams/Organization-${operator}/events`)).status).toBe(200);
    expect((await t.as(operatorOf(operator)).get(`/streams/Organization-${purchaser}/events`)).status).toBe(403);
    const worker = await created(t, '/social-workers', { name: '冯雪', certification: 'none', socialWorkDegree: true }, operatorOf(operator));
    expect((await t.as(operatorOf(operator)).get(`/streams/SocialWorker-${worker.id}/events`)).status).toBe(200);
    expect((await t.as(procurementOf(purchaser)).get(`/streams/SocialWorker-${worker.id}/events`)).status).toBe(403);
  });
});
