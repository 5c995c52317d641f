import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@sws/event-store';
import { addDays, dateInChina } from '@sws/kernel';
import { Principal } from '../apps/api/src/auth/principal';
import { eventTypeRegistry } from '../apps/api/src/infrastructure/stores';
import { ADMIN, COUNTY, creditCode, evaluatorOf, operatorOf, procurementOf, supervisorOf, THREE_ITEM_RUBRIC, township } from './support/fixtures';
import { Answer, serviceClient, SERVICE_ENV } from './support/service-client';
import { ensureBuilt, exited, ServiceProcess, startService } from './support/service-process';

const RACERS = 20;
/** Appends that take a while, as on a networked store, so that the racing commands interleave. */
const SLOW_STORE = { ...SERVICE_ENV, SLOW_APPENDS_MS: '20' };
const FAULTS = join(__dirname, 'support', 'service-store-faults.js');

/**
 * Two API processes on one SQLite data directory (WAL lets both write the one log), each with
 * its own in-process projections reading that log, and a store slowed so that commands
 * interleave. Every rule that spans records is raced from both at once: the event store
 * arbitrates, so exactly one of the racing writes is accepted and the log holds exactly one record.
 */
describe('two API processes on one log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-two-processes-'));
  const services: ServiceProcess[] = [];
  let apis: Array<ReturnType<typeof serviceClient>>;
  let events: SqliteEventStore;

  const today = dateInChina(new Date().toISOString());
  const term = { start: addDays(today, -200), end: addDays(today, 165) };
  let purchaserOrgId: string;
  let operatorOrgId: string;
  let evaluatorOrgId: string;
  let stationId: string;
  let contractId: string;
  let workerId: string;
  let supervisor: Principal;

  beforeAll(async () => {
    ensureBuilt();
    for (const port of [20000 + Math.floor(Math.random() * 10000), 30000 + Math.floor(Math.random() * 10000)]) {
      services.push(await startService(dataDir, port, SLOW_STORE, { preload: FAULTS }));
    }
    apis = services.map((service) => serviceClient(service.url));
    events = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry());
    const [a, b] = apis;
    const organization = (kind: string, prefix: string) => a.created('/organizations', { name: `${kind}机构`, kind, creditCode: creditCode(prefix), region: COUNTY });
    purchaserOrgId = (await organization('purchaser', '11')).id;
    operatorOrgId = (await organization('operator', '52')).id;
    evaluatorOrgId = (await organization('evaluator', '52')).id;
    stationId = (await b.created('/stations', { name: '第1社工站', kind: 'township', region: township(1), operatingModel: 'outsourced', villageCount: 9 })).id;
    await b.created('/rubrics', THREE_ITEM_RUBRIC);
    const registered = await a.created('/supervisors', { name: '陈晓红', tier: 'city', affiliation: 'university' });
    supervisor = supervisorOf('org-sdu', registered.id);
  }, 120_000);

  afterAll(async () => {
    for (const service of services) {
      service.child.kill('SIGTERM');
      await exited(service.child);
    }
    await events.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Sends `RACERS` writes at once, every other one to the second process; answers in order. */
  async function race(path: string, body: (n: number) => object, as: Principal): Promise<Answer[]> {
    return Promise.all(Array.from({ length: RACERS }, (_, n) => apis[n % 2].post(path, body(n), as)));
  }

  /** Exactly one accepted, every other refused with the rule's code. */
  function exactlyOne(answers: Answer[], code: string): Answer {
    const accepted = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    expect({ accepted: accepted.length, refusals: [...new Set(refused.map((a) => `${a.status} ${a.body.code}`))] }).toEqual({ accepted: 1, refusals: [`422 ${code}`] });
    return accepted[0];
  }

  const recorded = async (type: string, where: (data: any) => boolean) =>
    (await events.readAll(null, 1_000_000)).filter((e) => e.type === type && where(e.data)).map((e) => e.streamId);

  it('awards a station once of twenty awards sent to both at once', async () => {
    const body = () => ({ purchaserOrgId, operatorOrgId, stationIds: [stationId], term, budget: { totalCny: 300000, sources: [{ kind: 'fiscal', amountCny: 300000 }] } });
    const winner = exactlyOne(await race('/contracts', body, procurementOf(purchaserOrgId)), 'STATION_ALREADY_CONTRACTED');
    contractId = winner.body.id;
    expect(await recorded('ContractAwarded', (data) => data.stationIds.includes(stationId))).toEqual([`Contract-${contractId}`]);
  }, 60_000);

  it('logs one of twenty overlapping sessions of one supervisor sent to both at once', async () => {
    workerId = (await apis[0].created('/social-workers', { name: '王芳', certification: 'assistant', socialWorkDegree: true }, operatorOf(operatorOrgId))).id;
    await apis[1].created(`/social-workers/${workerId}/assignments`, { contractId, stationId, post: 'resident', from: term.start }, operatorOf(operatorOrgId));
    // Each starts five minutes after the one before and lasts two hours: every two of them overlap.
    const session = (n: number) => ({
      contractId,
      stationId,
      superviseeIds: [workerId],
      heldOn: addDays(today, -1),
      startTime: `${String(9 + Math.floor((n * 5) / 60)).padStart(2, '0')}:${String((n * 5) % 60).padStart(2, '0')}`,
      durationMinutes: 120,
      format: 'individual',
      functions: ['educational'],
      topics: ['个案评估'],
      summary: '讨论个案评估要点',
      followUps: [],
    });
    const winner = exactlyOne(await race('/supervision-sessions', session, supervisor), 'SESSION_OVERLAPS');
    expect(await recorded('SupervisionSessionLogged', (data) => data.supervisorId === supervisor.supervisorId)).toEqual([`SupervisionSession-${winner.body.id}`]);
  }, 60_000);

  it('starts one of twenty assessments of one station and period sent to both at once', async () => {
    const period = { kind: 'midterm', from: term.start, to: addDays(term.start, 100) };
    const body = () => ({ contractId, stationId, period, assessorKind: 'third_party', rubricCode: THREE_ITEM_RUBRIC.code, rubricVersion: 1 });
    const winner = exactlyOne(await race('/assessments', body, evaluatorOf(evaluatorOrgId)), 'ASSESSMENT_ALREADY_OPEN');
    expect(await recorded('AssessmentStarted', (data) => data.stationId === stationId)).toEqual([`Assessment-${winner.body.id}`]);
  }, 60_000);

  it('opens one of twenty reviews of one contract sent to both at once', async () => {
    const winner = exactlyOne(await race('/renewal-reviews', () => ({ contractId, asOf: today }), procurementOf(purchaserOrgId)), 'REVIEW_ALREADY_OPEN');
    expect(await recorded('RenewalReviewOpened', (data) => data.contractId === contractId)).toEqual([`RenewalReview-${winner.body.id}`]);
  }, 60_000);

  it('registers one of twenty organizations giving one credit code, sent to both at once', async () => {
    const code = creditCode('52');
    const body = (n: number) => ({ name: `第${n}社会工作服务中心`, kind: 'operator', creditCode: code, region: COUNTY });
    const winner = exactlyOne(await race('/organizations', body, ADMIN), 'CREDIT_CODE_TAKEN');
    expect(await recorded('OrganizationRegistered', (data) => data.creditCode === code)).toEqual([`Organization-${winner.body.id}`]);
  }, 60_000);
});
