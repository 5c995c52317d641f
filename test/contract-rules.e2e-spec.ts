import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Principal } from '../apps/api/src/auth/principal';
import {
  ADMIN,
  award,
  contractBody,
  created,
  evaluatorOf,
  operatorOf,
  organization,
  procurementOf,
  read,
  station,
  THREE_ITEM_RUBRIC,
  worker,
} from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 10, cases 3, 4 and 5: a contract amendment takes effect on a date, a station closed during
 * a contract stops counting from its closure, and thresholds are judged on exact figures. The
 * service's clock stands at 2026-11-24 unless a test moves it.
 */

/** Points for THREE_ITEM_RUBRIC that add up to `total` (from 50 to 95, to the hundredth). */
function pointsFor(total: number) {
  const third = Math.round((total - 45) * 100) / 100;
  return [
    { itemCode: 'OPS.MAIN.A', points: 35, evidence: '现场核查' },
    { itemCode: 'OPS.MAIN.B', points: 10, evidence: '档案抽查' },
    { itemCode: 'SVC.OUT.C', points: third, evidence: '台账核对' },
  ];
}

interface Setup {
  readonly purchaser: string;
  readonly operator: string;
  readonly evaluator: string;
  readonly stations: string[];
  readonly contract: string;
  /** Two per station, in station order, each from 1 January 2026. */
  readonly workers: string[];
}

/**
 * A contract for 2026 over `stations` stations, each staffed by two workers from 1 January.
 * Supervision and training ask nothing unless `requirements` says so, so that only the rule a
 * test is about can move the judgement.
 */
async function setup(t: TestApp, stations: number, requirements: object = {}): Promise<Setup> {
  const purchaser = await organization(t, 'purchaser', '历城区民政局');
  const operator = await organization(t, 'operator', '阳光社工服务中心');
  const evaluator = await organization(t, 'evaluator', '泉城第三方评估中心');
  const stationIds: string[] = [];
  for (let n = 1; n <= stations; n++) stationIds.push(await station(t, n));
  const body = contractBody(
    { purchaserOrgId: purchaser, operatorOrgId: operator, stationIds },
    { requirements: { supervisionHoursPerWorkerYear: 0, trainingHoursPerWorkerYear: 0, ...requirements } },
  );
  const contract = (await award(t, body)).id;
  const workers: string[] = [];
  for (const stationId of stationIds) {
    for (let i = 0; i < 2; i++) {
      const id = await worker(t, `社工${workers.length + 1}`, 'assistant', operatorOf(operator));
      await created(t, `/social-workers/${id}/assignments`, { contractId: contract, stationId, post: 'resident', from: '2026-01-01' }, operatorOf(operator));
      workers.push(id);
    }
  }
  return { purchaser, operator, evaluator, stations: stationIds, contract, workers };
}

/** An annual third-party assessment of the station for 2026, scored `total` and finalized today. */
async function finalizedAssessment(t: TestApp, s: Setup, stationId: string, total: number, period = { kind: 'annual', from: '2026-01-01', to: '2026-12-31' }) {
  const as = evaluatorOf(s.evaluator);
  const body = { contractId: s.contract, stationId, period, assessorKind: 'third_party', rubricCode: THREE_ITEM_RUBRIC.code, rubricVersion: 1 };
  const id = (await created(t, '/assessments', body, as)).id;
  await created(t, `/assessments/${id}/scores`, { scores: pointsFor(total) }, as);
  await created(t, `/assessments/${id}/submission`, { findings: '运营规范', recommendations: '加强社区服务', wouldRecommend: true }, as);
  await created(t, `/assessments/${id}/response`, { comment: '无异议', agrees: true }, operatorOf(s.operator));
  return created(t, `/assessments/${id}/finalization`, {}, as);
}

async function get(t: TestApp, url: string, as: Principal = ADMIN) {
  const response = await t.as(as).get(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

const eligibility = (t: TestApp, contract: string, query = '') => get(t, `/contracts/${contract}/renewal-eligibility${query}`);
const codes = (judged: { reasons: Array<{ code: string }> }) => judged.reasons.map((r) => r.code);

async function refused(t: TestApp, url: string, body: object, as: Principal) {
  const response = await t.as(as).post(url).send(body);
  // A 400 names the field, a 422 the rule.
  return { status: response.status, code: response.status === 400 ? response.body.errors?.[0]?.field : response.body.code };
}

describe('a contract amendment takes effect on a date', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
  });

  afterEach(() => t.close());

  it('raising the minimum from 2 to 3 in November leaves June compliant, today and as of a date in June', async () => {
    t.clock.set('2026-11-20T10:00:00+08:00');
    const s = await setup(t, 1, { supervisionHoursPerWorkerYear: 24 });
    const beforeAmendment = '2026-11-23T12:00:00.000+08:00';
    t.clock.set('2026-11-24T10:00:00+08:00');
    const amended = await created(
      t,
      `/contracts/${s.contract}/amendments`,
      { reason: '补充协议：自11月起每站驻站社工不少于3人，督导加倍', effectiveOn: '2026-11-01', requirements: { minWorkersPerStation: 3, supervisionHoursPerWorkerYear: 48 } },
      procurementOf(s.purchaser),
    );

    const contract = await read(t, `/contracts/${s.contract}`, amended.position);
    expect(contract.data.amendments).toEqual([expect.objectContaining({ effectiveOn: '2026-11-01' })]);
    // 1 January to 24 November is 328 days; from 1 November (24 days) the one station has 2 of 3.
    expect(contract.data.staffing.compliance).toMatchObject({ days: 328, compliantDays: 304 });
    expect(contract.data.staffing.compliance.shortfalls).toEqual([
      { from: '2026-11-01', to: '2026-11-24', minimum: 3, stations: [{ stationId: s.stations[0], headcount: 2 }] },
    ]);

    const june = await eligibility(t, s.contract, '?asOf=2026-06-30');
    expect(june.staffing).toMatchObject({ counted: 181, of: 181, met: true });
    const today = await eligibility(t, s.contract, '?asOf=2026-11-24');
    expect(today.staffing).toMatchObject({ counted: 304, of: 328 });
    // Before the amendment was recorded, the whole year was judged against 2.
    const known = await eligibility(t, s.contract, `?asOf=2026-11-24&knownAt=${encodeURIComponent(beforeAmendment)}`);
    expect(known.staffing).toMatchObject({ counted: 328, of: 328 });

    // The yearly supervision requirement: 24 h for the 304 days to 31 October, 48 h for the 61 after.
    const ledger = await get(t, `/social-workers/${s.workers[0]}/ledger?year=2026`);
    expect(ledger.figures.compliance.supervision.requiredMinutes).toBe(Math.ceil((1440 * 304 + 2880 * 61) / 365));
    const juneFigures = await get(t, `/contracts/${s.contract}/performance?asOf=2026-06-30`);
    expect(juneFigures.supervision.perWorker[0].requiredToDateMinutes).toBe(Math.ceil((1440 * 181) / 365));
  });

  it('takes effect on the day it is recorded unless it says otherwise, and refuses a date outside the term, to come, or before the last amendment', async () => {
    const s = await setup(t, 1);
    const as = procurementOf(s.purchaser);
    const url = `/contracts/${s.contract}/amendments`;
    const budget = (totalCny: number) => ({ totalCny, sources: [{ kind: 'fiscal', amountCny: totalCny }] });
    expect(await refused(t, url, { reason: '追加预算', budget: budget(650000), effectiveOn: '2026-11-31' }, as)).toEqual({ status: 400, code: 'effectiveOn' });
    expect(await refused(t, url, { reason: '追加预算', budget: budget(650000), effectiveOn: '2025-12-31' }, as)).toEqual({ status: 422, code: 'OUTSIDE_CONTRACT_TERM' });
    expect(await refused(t, url, { reason: '追加预算', budget: budget(650000), effectiveOn: '2026-11-25' }, as)).toEqual({ status: 422, code: 'DATE_IN_FUTURE' });
    const first = await created(t, url, { reason: '追加预算', budget: budget(650000) }, as);
    expect((await read(t, `/contracts/${s.contract}`, first.position)).data.amendments).toEqual([expect.objectContaining({ effectiveOn: '2026-11-24' })]);
    expect(await refused(t, url, { reason: '再追加', budget: budget(700000), effectiveOn: '2026-10-01' }, as)).toEqual({ status: 422, code: 'EFFECTIVE_BEFORE_PREVIOUS' });
    const events = (await t.as(ADMIN).get(`/streams/Contract-${s.contract}/events`)).body.events;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['ContractAwarded', 'ContractAmended']);
  });
});

describe('an amendment stored before amendments had a date', () => {
  it('takes effect on the day it was recorded (China time), read through the API', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sws-v1-amendment-'));
    try {
      let t = await startTestApp({ dataDir });
      const s = await setup(t, 1);
      await t.close();

      // Written as the service wrote it at schema version 1: no effectiveOn, business time = recorded time.
      const log = new Database(join(dataDir, 'events.db'));
      const stream = `Contract-${s.contract}`;
      const revision = (log.prepare('SELECT max(revision) FROM events WHERE stream_id = ?').pluck().get(stream) as number) + 1;
      const recordedAt = '2026-10-14T18:30:00.000Z'; // 15 October, 02:30 in China
      const data = {
        contractId: s.contract,
        changes: { requirements: { minWorkersPerStation: 3, minCertifiedShare: 0.5, supervisionHoursPerWorkerYear: 0, trainingHoursPerWorkerYear: 0, serviceTargets: { cases: 20, groups: 6, communityActivities: 12 } } },
        reason: '旧版补充协议',
        stationIds: s.stations,
      };
      const metadata = {
        eventId: '0190a0a0-0000-7000-8000-00000000a001',
        actor: { userId: procurementOf(s.purchaser).userId, role: 'procurement', orgId: s.purchaser },
        occurredAt: recordedAt,
        recordedAt,
        correlationId: 'v1-amendment',
        causationId: null,
      };
      log
        .prepare('INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, 1, ?, ?)')
        .run(metadata.eventId, stream, revision, 'ContractAmended', JSON.stringify(data), JSON.stringify(metadata));
      log.close();

      t = await startTestApp({ dataDir });
      try {
        const head = (await t.http().get('/health')).body.head;
        const trail = (await t.as(ADMIN).get(`/streams/${stream}/events`)).body.events;
        expect(trail[revision]).toMatchObject({ type: 'ContractAmended', storedSchemaVersion: 1, schemaVersion: 2, data: { effectiveOn: '2026-10-15' } });
        const contract = (await read(t, `/contracts/${s.contract}`, head)).data;
        expect(contract.amendments).toEqual([expect.objectContaining({ effectiveOn: '2026-10-15' })]);
        // 1 January to 14 October (287 days) met the minimum of 2; from 15 October, 2 of 3.
        expect(contract.staffing.compliance).toMatchObject({ days: 328, compliantDays: 287 });
        const october = await eligibility(t, s.contract, '?asOf=2026-10-14');
        expect(october.staffing).toMatchObject({ counted: 287, of: 287 });
      } finally {
        await t.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a station closed during a contract stops counting from its closure', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
  });

  afterEach(() => t.close());

  it('after a township merger in July, staffing counts the closed station only while it was open and no annual assessment of it is asked', async () => {
    const s = await setup(t, 2);
    await created(t, '/rubrics', THREE_ITEM_RUBRIC);
    // The merger: station 2 closes on 1 July (its first day closed) and its two workers leave that day.
    t.clock.set('2026-07-03T09:00:00+08:00');
    const closure = await created(t, `/stations/${s.stations[1]}/closure`, { on: '2026-07-01', reason: '乡镇区划调整，与相邻街道社工站合并' });
    for (const id of s.workers.slice(2)) {
      await created(t, `/social-workers/${id}/departures`, { stationId: s.stations[1], on: '2026-07-01', reason: '站点合并' }, operatorOf(s.operator));
    }
    t.clock.set('2026-11-24T10:00:00+08:00');
    const finalized = await finalizedAssessment(t, s, s.stations[0], 85);

    const contract = (await read(t, `/contracts/${s.contract}`, finalized.position)).data;
    expect(contract.staffing.compliance).toMatchObject({ days: 328, compliantDays: 328, shortfalls: [] });

    const judged = await eligibility(t, s.contract);
    expect({ status: judged.status, score: judged.contractScore, reasons: codes(judged) }).toEqual({ status: 'eligible', score: 85, reasons: [] });
    const closureEvent = (await t.as(ADMIN).get(`/streams/Station-${s.stations[1]}/events`)).body.events.find((e: { type: string }) => e.type === 'StationClosed');
    expect(judged.closedStations).toEqual([{ stationId: s.stations[1], closedOn: '2026-07-01', eventId: closureEvent.metadata.eventId, counted: false }]);
    expect(closure.id).toBe(s.stations[1]);

    // As of June the station was open: it still needed its assessment then.
    const june = await eligibility(t, s.contract, '?asOf=2026-06-30');
    expect(june.closedStations).toEqual([]);
    expect(june.staffing).toMatchObject({ counted: 181, of: 181 });

    const dossier = await get(t, `/contracts/${s.contract}/renewal-dossier`, procurementOf(s.purchaser));
    expect(dossier.stationClosures).toEqual([
      expect.objectContaining({ stationId: s.stations[1], on: '2026-07-01', reason: '乡镇区划调整，与相邻街道社工站合并', eventId: closureEvent.metadata.eventId }),
    ]);
    const html = (await t.as(procurementOf(s.purchaser)).get(`/contracts/${s.contract}/renewal-dossier?format=html`)).text;
    expect(html).toContain('2026年7月1日');
    expect(html).toContain(closureEvent.metadata.eventId);
    const csv = (await t.as(procurementOf(s.purchaser)).get(`/contracts/${s.contract}/renewal-dossier?format=csv`)).text;
    expect(csv.split('\r\n').find((line) => line.startsWith('station_closure,'))).toContain(closureEvent.metadata.eventId);
  });

  it('refuses to start an assessment of a closed station for a period that begins after its closure, and allows one of its open months', async () => {
    const s = await setup(t, 1);
    await created(t, '/rubrics', THREE_ITEM_RUBRIC);
    await created(t, `/stations/${s.stations[0]}/closure`, { on: '2026-07-01', reason: '撤并' });
    const as = evaluatorOf(s.evaluator);
    const start = (period: object) => ({ contractId: s.contract, stationId: s.stations[0], period, assessorKind: 'third_party', rubricCode: THREE_ITEM_RUBRIC.code, rubricVersion: 1 });
    expect(await refused(t, '/assessments', start({ kind: 'monthly', from: '2026-07-01', to: '2026-07-31' }), as)).toEqual({ status: 422, code: 'STATION_CLOSED' });
    expect((await t.as(as).post('/assessments').send(start({ kind: 'midterm', from: '2026-01-01', to: '2026-06-30' }))).status).toBe(201);
  });

  it('counts an annual assessment the closed station had while it was open', async () => {
    const s = await setup(t, 2);
    await created(t, '/rubrics', THREE_ITEM_RUBRIC);
    t.clock.set('2026-06-20T09:00:00+08:00');
    await finalizedAssessment(t, s, s.stations[1], 55, { kind: 'annual', from: '2026-01-01', to: '2026-06-30' });
    t.clock.set('2026-07-03T09:00:00+08:00');
    await created(t, `/stations/${s.stations[1]}/closure`, { on: '2026-07-01', reason: '撤并' });
    t.clock.set('2026-11-24T10:00:00+08:00');
    await finalizedAssessment(t, s, s.stations[0], 85);
    const judged = await eligibility(t, s.contract);
    expect({ status: judged.status, score: judged.contractScore }).toEqual({ status: 'conditional', score: 70 });
    expect(codes(judged)).toEqual(['CONTRACT_SCORE_BELOW_GOOD', 'STATION_SCORE_BELOW_PASS']);
    expect(judged.closedStations).toEqual([expect.objectContaining({ stationId: s.stations[1], counted: true })]);
  });
});

describe('thresholds are judged on exact figures', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
  });

  afterEach(() => t.close());

  async function scoredContract(totals: number[]) {
    const s = await setup(t, totals.length);
    await created(t, '/rubrics', THREE_ITEM_RUBRIC);
    for (const [i, total] of totals.entries()) await finalizedAssessment(t, s, s.stations[i], total);
    return s;
  }

  it('judges stations scoring 79.99 and 80.00 (mean 79.995) conditional, and shows 79.99', async () => {
    const s = await scoredContract([79.99, 80]);
    const judged = await eligibility(t, s.contract);
    expect({ status: judged.status, score: judged.contractScore, reasons: codes(judged) }).toEqual({
      status: 'conditional',
      score: 79.99,
      reasons: ['CONTRACT_SCORE_BELOW_GOOD'],
    });
    expect(judged.reasons[0].message).toBe('contract score 79.99 is below 80.00 (good)');
    const csv = (await t.as(procurementOf(s.purchaser)).get(`/contracts/${s.contract}/renewal-dossier?format=csv`)).text;
    expect(csv.split('\r\n').find((line) => line.startsWith('contract_score,'))).toContain(',79.99,80,false,');
  });

  it('judges stations scoring 59.99 and 60.00 (mean 59.995) ineligible, and shows 59.99', async () => {
    const s = await scoredContract([59.99, 60]);
    const judged = await eligibility(t, s.contract);
    expect({ status: judged.status, score: judged.contractScore }).toEqual({ status: 'ineligible', score: 59.99 });
    expect(codes(judged)).toEqual(['CONTRACT_SCORE_BELOW_PASS', 'STATION_SCORE_BELOW_PASS']);
    expect(judged.reasons[0]).toMatchObject({ figure: 59.99, threshold: 60, message: 'contract score 59.99 is below 60.00 (pass)' });
  });
});
