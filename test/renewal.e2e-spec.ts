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
  socialWorkerOf,
  station,
  supervisorOf,
  THREE_ITEM_RUBRIC,
  worker,
} from './support/fixtures';
import { appendFaults } from './support/append-faults';
import { slowAppends } from './support/slow-appends';
import { startTestApp, TestApp } from './support/test-app';

const slow = slowAppends();

/** Points for the three items that make each total the tests use. */
const POINTS: Record<number, [number, number, number]> = { 85: [35, 15, 35], 72: [30, 12, 30], 55: [20, 10, 25] };
const scores = (total: number) =>
  ['OPS.MAIN.A', 'OPS.MAIN.B', 'SVC.OUT.C'].map((itemCode, i) => ({ itemCode, points: POINTS[total][i], evidence: '现场核查与台账抽查' }));

interface County {
  readonly purchaser: string;
  readonly operator: string;
  readonly evaluator: string;
  readonly stations: string[];
  readonly contract: string;
  readonly workers: string[];
  readonly assessments: Array<string | null>;
}

const at = (t: TestApp, moment: string) => t.clock.set(`${moment}+08:00`);

/**
 * A county with one contract for 2026: two workers per station from 1 January (the second from
 * `secondWorkerFrom` when given), a supervisor who meets both monthly for two hours (24 h a
 * year, attested), a 40-hour pre-service course, and per station an annual third-party
 * assessment finalized in December with the total asked for (none where null).
 */
async function county(
  t: TestApp,
  options: { scores: Array<number | null>; secondWorkerFrom?: string; term?: { start: string; end: string } } = { scores: [85] },
): Promise<County> {
  at(t, '2026-12-20T09:00:00');
  const purchaser = await organization(t, 'purchaser', '历城区民政局');
  const operator = await organization(t, 'operator', '阳光社工服务中心');
  const evaluator = await organization(t, 'evaluator', '泉城第三方评估中心');
  const stations: string[] = [];
  for (let n = 1; n <= options.scores.length; n++) stations.push(await station(t, n));
  const term = options.term ?? { start: '2026-01-01', end: '2026-12-31' };
  const contract = (await award(t, contractBody({ purchaserOrgId: purchaser, operatorOrgId: operator, stationIds: stations }, { term }))).id;
  const asOperator = operatorOf(operator);
  const workers: string[] = [];
  for (const [n, stationId] of stations.entries()) {
    for (const from of ['2026-01-01', options.secondWorkerFrom ?? '2026-01-01']) {
      const id = await worker(t, `社工${n}-${workers.length}`, 'assistant', asOperator);
      await created(t, `/social-workers/${id}/assignments`, { contractId: contract, stationId, post: 'resident', from }, asOperator);
      workers.push(id);
    }
  }
  const supervisorId = (await created(t, '/supervisors', { name: '陈晓红', tier: 'county', affiliation: 'independent' })).id;
  const supervisor = supervisorOf('0190a0a0-0000-7000-8000-00000000cafe', supervisorId);
  for (const [n, stationId] of stations.entries()) {
    const pair = workers.slice(n * 2, n * 2 + 2);
    for (let month = 1; month <= 12; month++) {
      const day = month === 12 ? '01' : month === 2 ? '26' : '15';
      const heldOn = `2026-${String(month).padStart(2, '0')}-${day}`;
      const startTime = `${String(8 + 3 * n).padStart(2, '0')}:00`;
      const present = pair.filter((_, i) => i === 0 || (options.secondWorkerFrom ?? '2026-01-01') <= heldOn);
      const session = await created(
        t,
        '/supervision-sessions',
        {
          contractId: contract,
          stationId,
          superviseeIds: present,
          heldOn,
          startTime,
          durationMinutes: 120,
          format: present.length > 1 ? 'group' : 'individual',
          functions: ['educational', 'supportive'],
          topics: ['个案研讨'],
          summary: '月度督导',
          followUps: [],
        },
        supervisor,
      );
      for (const socialWorkerId of present) {
        // Attesting confirms when the session was held and how long it lasted.
        const attested = { heldOn, startTime, durationMinutes: 120 };
        await created(t, `/supervision-sessions/${session.id}/attestations`, attested, socialWorkerOf(operator, socialWorkerId));
      }
    }
  }
  const training = await created(
    t,
    '/trainings',
    { title: '乡镇社工站岗前培训', kind: 'pre_service', provider: '山东大学社会工作系', heldOn: '2026-03-10', hours: 40, contractId: contract },
    asOperator,
  );
  await created(t, `/trainings/${training.id}/attendance`, { socialWorkerIds: workers, hoursCredited: 40 }, asOperator);
  await created(t, '/rubrics', THREE_ITEM_RUBRIC);
  const assessments: Array<string | null> = [];
  for (const [n, stationId] of stations.entries()) {
    const total = options.scores[n];
    if (total === null) {
      assessments.push(null);
      continue;
    }
    assessments.push(await finalizedAssessment(t, { contract, stationId, evaluator, operator, total }));
  }
  at(t, '2027-01-20T10:00:00');
  return { purchaser, operator, evaluator, stations, contract, workers, assessments };
}

async function finalizedAssessment(t: TestApp, a: { contract: string; stationId: string; evaluator: string; operator: string; total: number }) {
  at(t, '2026-12-20T09:00:00');
  const as = evaluatorOf(a.evaluator);
  const period = { kind: 'annual', from: '2026-01-01', to: '2026-12-31' };
  const id = (
    await created(t, '/assessments', { contractId: a.contract, stationId: a.stationId, period, assessorKind: 'third_party', rubricCode: THREE_ITEM_RUBRIC.code, rubricVersion: 1 }, as)
  ).id;
  await created(t, `/assessments/${id}/scores`, { scores: scores(a.total) }, as);
  await created(t, `/assessments/${id}/submission`, { findings: '运营规范', recommendations: '加强社区服务', wouldRecommend: a.total >= 80 }, as);
  await created(t, `/assessments/${id}/response`, { comment: '无异议', agrees: true }, operatorOf(a.operator));
  at(t, '2026-12-21T09:00:00');
  await created(t, `/assessments/${id}/finalization`, {}, as);
  return id;
}

async function eligibility(t: TestApp, contract: string, query = '', as: Principal = ADMIN) {
  const response = await t.as(as).get(`/contracts/${contract}/renewal-eligibility${query}`);
  if (response.status !== 200) throw new Error(`eligibility answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

const codes = (judged: { reasons: Array<{ code: string }> }) => judged.reasons.map((r) => r.code);

describe('renewal eligibility through HTTP', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
  });

  afterEach(() => t.close());

  it('is eligible with an annual score of 85 and every requirement met, and says why with figures and events', async () => {
    const c = await county(t);
    const judged = await eligibility(t, c.contract);
    expect(judged).toMatchObject({ status: 'eligible', contractScore: 85, policyVersion: 1, reasons: [] });
    expect(judged.staffing).toMatchObject({ share: 1, met: true, threshold: 0.9 });
    expect(judged.supervision).toMatchObject({ share: 1, met: true, counted: 2, of: 2 });
    expect(judged.training).toMatchObject({ share: 1, met: true, counted: 2, of: 2 });
    expect(judged.stations[0].components[0]).toMatchObject({ assessmentId: c.assessments[0], score: 85, grade: 'good' });
    expect(judged.supervision.sourceEventIds.length).toBeGreaterThanOrEqual(12);
    expect(judged.basis).toMatchObject({ source: 'read-models', asOf: '2027-01-20' });

    // The same question answered by replaying the contract's streams gives the same answer.
    const replayed = await eligibility(t, c.contract, `?asOf=2027-01-20&knownAt=${encodeURIComponent(judged.basis.knownAt)}`);
    expect(replayed.basis).toMatchObject({ source: 'replay' });
    expect(replayed.basis.replayed.streams).toBeLessThan(30);
    const { basis: _live, ...live } = judged;
    const { basis: _past, ...past } = replayed;
    expect(past).toEqual(live);
  });

  it('is conditional at 72, with a reason naming 72 and the threshold 80', async () => {
    const c = await county(t, { scores: [72] });
    const judged = await eligibility(t, c.contract);
    expect(judged.status).toBe('conditional');
    const reason = judged.reasons.find((r: { code: string }) => r.code === 'CONTRACT_SCORE_BELOW_GOOD');
    expect(reason).toMatchObject({ figure: 72, threshold: 80, effect: 'conditional' });
    expect(reason.message).toContain('72.00');
    expect(reason.message).toContain('80.00');
    expect(reason.messageZh).toContain('72.00');
    expect(reason.sourceEventIds.length).toBeGreaterThan(0);
  });

  it('is ineligible at 55', async () => {
    const c = await county(t, { scores: [55] });
    const judged = await eligibility(t, c.contract);
    expect(judged.status).toBe('ineligible');
    expect(codes(judged)).toEqual(expect.arrayContaining(['CONTRACT_SCORE_BELOW_PASS', 'STATION_SCORE_BELOW_PASS']));
  });

  it('has insufficient data while a station has no finalized annual assessment', async () => {
    const c = await county(t, { scores: [85, null] });
    const judged = await eligibility(t, c.contract);
    expect(judged.status).toBe('insufficient_data');
    expect(judged.reasons).toEqual([expect.objectContaining({ code: 'NO_COUNTING_ASSESSMENT', stationId: c.stations[1] })]);
  });

  it('is conditional when staffing compliance is 85%', async () => {
    // The second worker arrives on 25 February: the station is short for 55 of 365 days.
    const c = await county(t, { scores: [85], secondWorkerFrom: '2026-02-25' });
    const judged = await eligibility(t, c.contract);
    expect(judged.staffing).toMatchObject({ counted: 310, of: 365, threshold: 0.9, met: false });
    expect(judged.staffing.share).toBeCloseTo(0.8493, 4);
    expect(judged.status).toBe('conditional');
    expect(codes(judged)).toEqual(['STAFFING_BELOW_THRESHOLD']);
  });
});

describe('renewal decisions and time travel through HTTP', () => {
  let t: TestApp;

  beforeEach(async () => {
    slow.on = false;
    t = await startTestApp({ eventStore: slow.wrap });
  });

  afterEach(() => t.close());

  async function openReview(c: County, asOf = '2026-12-31') {
    return (await created(t, '/renewal-reviews', { contractId: c.contract, asOf }, procurementOf(c.purchaser))).id;
  }

  const successor = { term: { start: '2027-01-01', end: '2027-12-31' }, budget: { totalCny: 620000, sources: [{ kind: 'fiscal', amountCny: 620000 }] } };

  it('answers as known at a moment before an amendment, and that answer is the snapshot the decision stored then', async () => {
    const c = await county(t);
    const review = await openReview(c);
    at(t, '2027-01-21T15:30:00');
    const decided = await created(t, `/renewal-reviews/${review}/decision`, { decision: 'renew', justification: '评估良好，同意续签', successor }, procurementOf(c.purchaser));
    const decisionMoment = '2027-01-21T15:30:00.000+08:00';

    at(t, '2027-02-10T11:00:00');
    await created(
      t,
      `/assessments/${c.assessments[0]}/amendments`,
      { scores: [{ itemCode: 'SVC.OUT.C', points: 22, evidence: '复核发现服务台账缺失' }], reason: '复核更正' },
      evaluatorOf(c.evaluator),
    );

    const now = await eligibility(t, c.contract, '?asOf=2026-12-31');
    expect({ status: now.status, score: now.contractScore }).toEqual({ status: 'conditional', score: 72 });
    const then = await eligibility(t, c.contract, `?asOf=2026-12-31&knownAt=${encodeURIComponent(decisionMoment)}`);
    expect({ status: then.status, score: then.contractScore }).toEqual({ status: 'eligible', score: 85 });
    expect(then.basis).toMatchObject({ source: 'replay', knownAt: decisionMoment });

    const stored = (await read(t, `/renewal-reviews/${review}`, decided.position)).data.decision;
    const { basis: _basis, statusZh: _statusZh, reasons, ...judgement } = then;
    expect({ ...judgement, reasons: reasons.map(({ messageZh: _zh, ...r }: { messageZh: string }) => r) }).toEqual(stored.eligibilitySnapshot);
    expect(stored).toMatchObject({ decision: 'renew', against: false, eligibilityStatus: 'eligible' });
  });

  it('stores, for a decision with conditions on a review of today, what a replay at its moment gives', async () => {
    const c = await county(t);
    const review = (await created(t, '/renewal-reviews', { contractId: c.contract }, procurementOf(c.purchaser))).id;
    at(t, '2027-01-20T16:00:00');
    const conditions = { items: ['补充社区活动台账'], deadline: '2027-02-28' };
    const body = { decision: 'renew_with_conditions', justification: '附条件续签', conditions, successor };
    const decided = await created(t, `/renewal-reviews/${review}/decision`, body, procurementOf(c.purchaser));
    const stored = (await read(t, `/renewal-reviews/${review}`, decided.position)).data.decision;
    at(t, '2027-01-21T09:00:00');
    const replayed = await eligibility(t, c.contract, `?asOf=2027-01-20&knownAt=${encodeURIComponent(stored.recordedAt)}`);
    const { basis: _basis, statusZh: _statusZh, reasons, ...judgement } = replayed;
    expect({ ...judgement, reasons: reasons.map(({ messageZh: _zh, ...r }: { messageZh: string }) => r) }).toEqual(stored.eligibilitySnapshot);
    // From the next day on, the rectification the decision required is part of the picture.
    const later = await eligibility(t, c.contract, '?asOf=2027-01-21');
    expect(later.rectifications).toEqual([expect.objectContaining({ status: 'open', deadline: '2027-02-28' })]);
  });

  it('judged as of the end of the first contract year, ignores the facts dated after it', async () => {
    const c = await county(t, { scores: [85], term: { start: '2026-01-01', end: '2027-12-31' } });
    // In the second year a worker leaves in March and the 2027 annual assessment finds 55.
    at(t, '2027-06-01T09:00:00');
    await created(t, `/social-workers/${c.workers[1]}/departures`, { stationId: c.stations[0], on: '2027-03-01', reason: '辞职' }, operatorOf(c.operator));
    at(t, '2027-12-20T09:00:00');
    const as = evaluatorOf(c.evaluator);
    const second = (
      await created(
        t,
        '/assessments',
        { contractId: c.contract, stationId: c.stations[0], period: { kind: 'annual', from: '2027-01-01', to: '2027-12-31' }, assessorKind: 'third_party', rubricCode: THREE_ITEM_RUBRIC.code, rubricVersion: 1 },
        as,
      )
    ).id;
    await created(t, `/assessments/${second}/scores`, { scores: scores(55) }, as);
    await created(t, `/assessments/${second}/submission`, { findings: '服务缩减', recommendations: '补齐人员', wouldRecommend: false }, as);
    await created(t, `/assessments/${second}/response`, { comment: '接受', agrees: true }, operatorOf(c.operator));
    at(t, '2027-12-21T09:00:00');
    await created(t, `/assessments/${second}/finalization`, {}, as);
    at(t, '2028-01-10T09:00:00');

    const today = await eligibility(t, c.contract);
    expect(today.status).toBe('ineligible');
    const firstYear = await eligibility(t, c.contract, '?asOf=2026-12-31');
    expect(firstYear).toMatchObject({ status: 'eligible', contractScore: 85, asOf: '2026-12-31', reasons: [] });
    expect(firstYear.staffing).toMatchObject({ counted: 365, of: 365 });
  });

  it('refuses a renewal of an ineligible contract unless the decision says it overrides, and then flags it', async () => {
    const c = await county(t, { scores: [55] });
    const review = await openReview(c);
    const body = { decision: 'renew', justification: '街道无其他承接机构，暂续一年', successor };
    const refused = await t.as(procurementOf(c.purchaser)).post(`/renewal-reviews/${review}/decision`).send(body);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'DECISION_AGAINST_ELIGIBILITY' });
    const overridden = await created(t, `/renewal-reviews/${review}/decision`, { ...body, overridesEligibility: true }, procurementOf(c.purchaser));
    const stored = (await read(t, `/renewal-reviews/${review}`, overridden.position)).data.decision;
    expect(stored).toMatchObject({ against: true, overridesEligibility: true, eligibilityStatus: 'ineligible' });
    const dossier = (await read(t, `/contracts/${c.contract}/renewal-dossier`, overridden.position)).data;
    expect(dossier.decisions).toEqual([expect.objectContaining({ decision: 'renew', against: true })]);
    const html = await t.as(procurementOf(c.purchaser)).get(`/contracts/${c.contract}/renewal-dossier?format=html`);
    expect(html.text).toContain('与资格评判相悖');
    expect(html.text).toContain('是（已明确说明）');
  });

  it('awards, at the next start, a successor whose award a crash interrupted after the decision was recorded', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sws-renewal-'));
    try {
      await t.close();
      const faults = appendFaults();
      t = await startTestApp({ dataDir, eventStore: faults.wrap });
      const c = await county(t);
      const review = await openReview(c);
      // The decision is stored; the successor's award, its follow-up, is not.
      faults.failNext((streamId, events) => streamId.startsWith('Contract-') && events[0].metadata.causationId !== null);
      const interrupted = await t.as(procurementOf(c.purchaser)).post(`/renewal-reviews/${review}/decision`).send({ decision: 'renew', justification: '同意续签', successor });
      expect(interrupted.status).toBe(500);
      const decision = (await t.as(ADMIN).get(`/renewal-reviews/${review}?minPosition=${(await t.http().get('/health')).body.head}`)).body.data.decision;
      const successorId = decision.successor.contractId;
      expect((await t.as(ADMIN).get(`/streams/Contract-${successorId}/events`)).status).toBe(404);

      await t.close();
      t = await startTestApp({ dataDir, now: '2027-01-20T10:00:00+08:00' });
      let awarded = 0;
      for (let tries = 0; tries < 100 && awarded === 0; tries++) {
        awarded = (await t.as(ADMIN).get(`/streams/Contract-${successorId}/events`)).body.events?.length ?? 0;
        if (awarded === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const events = (await t.as(ADMIN).get(`/streams/Contract-${successorId}/events`)).body.events;
      expect(events).toEqual([expect.objectContaining({ type: 'ContractAwarded', data: expect.objectContaining({ predecessorContractId: c.contract }) })]);
      expect(events[0].metadata).toMatchObject({ causationId: decision.eventId, actor: expect.objectContaining({ role: 'procurement', orgId: c.purchaser }) });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps one open review per contract, even when two are opened at once', async () => {
    const c = await county(t);
    slow.on = true;
    const answers = await Promise.all(
      ['2026-12-30', '2026-12-31'].map((asOf) => t.as(procurementOf(c.purchaser)).post('/renewal-reviews').send({ contractId: c.contract, asOf })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    expect(answers.find((a) => a.status === 422)!.body.code).toBe('REVIEW_ALREADY_OPEN');
  });

  it('awards the successor contract linked to its predecessor, once', async () => {
    const c = await county(t);
    at(t, '2026-12-22T09:00:00');
    const review = await openReview(c, '2026-12-22');
    const decided = await created(t, `/renewal-reviews/${review}/decision`, { decision: 'renew', justification: '同意续签', successor }, procurementOf(c.purchaser));
    const stored = (await read(t, `/renewal-reviews/${review}`, decided.position)).data.decision;
    const next = (await read(t, `/contracts/${stored.successor.contractId}`, decided.position)).data;
    expect(next).toMatchObject({ predecessorContractId: c.contract, stationIds: c.stations, term: successor.term, operatorOrgId: c.operator });
    // Before its term starts the successor exists all the same: today's answer and a replay agree.
    at(t, '2026-12-28T09:00:00');
    const present = await eligibility(t, next.id);
    const replayed = await eligibility(t, next.id, '?asOf=2026-12-28');
    expect({ present: present.status, replayed: replayed.status }).toEqual({ present: 'insufficient_data', replayed: 'insufficient_data' });
    at(t, '2027-01-20T10:00:00');
    const again = await t.as(procurementOf(c.purchaser)).post(`/renewal-reviews/${review}/decision`).send({ decision: 'renew', justification: '同意续签', successor });
    expect(again.body.code).toBe('ALREADY_DECIDED');
  });

  it('turns an eligible contract conditional on the day after an open rectification deadline, not on the deadline', async () => {
    const c = await county(t);
    const review = await openReview(c);
    const conditions = { items: ['建立督导台账并按月报送'], deadline: '2027-03-31' };
    const decided = await created(
      t,
      `/renewal-reviews/${review}/decision`,
      { decision: 'renew_with_conditions', justification: '整改后续签', conditions, successor },
      procurementOf(c.purchaser),
    );
    const successorId = (await read(t, `/renewal-reviews/${review}`, decided.position)).data.decision.successor.contractId;
    at(t, '2027-03-31T18:00:00');
    expect((await eligibility(t, c.contract)).status).toBe('eligible');
    at(t, '2027-04-01T08:00:00');
    const late = await eligibility(t, c.contract);
    expect(late.status).toBe('conditional');
    expect(late.reasons).toEqual([expect.objectContaining({ code: 'RECTIFICATION_OVERDUE', figure: 1, threshold: 0 })]);
    // The successor the renewal awarded is bound by the same rectification.
    const bound = await eligibility(t, successorId);
    expect(codes(bound)).toContain('RECTIFICATION_OVERDUE');
    // Reported and closed as completed, it no longer holds the contract back.
    await created(t, `/renewal-reviews/${review}/rectification-reports`, { evidence: '督导台账已建立，见附件' }, operatorOf(c.operator));
    await created(t, `/renewal-reviews/${review}/rectification-closure`, { outcome: 'completed' }, procurementOf(c.purchaser));
    at(t, '2027-04-02T08:00:00');
    expect((await eligibility(t, c.contract)).status).toBe('eligible');
  });

  it('traces every figure of the dossier to events that exist, in JSON and in CSV', async () => {
    const c = await county(t, { scores: [72] });
    const dossier = (await t.as(procurementOf(c.purchaser)).get(`/contracts/${c.contract}/renewal-dossier`)).body.data;
    const figures = [
      ...dossier.eligibility.reasons,
      ...dossier.eligibility.stations,
      dossier.eligibility.staffing,
      dossier.eligibility.supervision,
      dossier.eligibility.training,
      dossier.staffing,
      dossier.contract,
      ...dossier.scores.flatMap((s: { periods: unknown[] }) => s.periods),
    ] as Array<{ sourceEventIds: string[] }>;
    const cited = new Set(figures.flatMap((f) => f.sourceEventIds));
    expect(figures.every((f) => f.sourceEventIds.length > 0)).toBe(true);
    // Every cited event is in the audit trail of a record the dossier is about: the contract, its
    // assessment, its workers, and the sessions and trainings their ledgers name.
    const ledger = (await t.as(ADMIN).get(`/social-workers/${c.workers[0]}/ledger?year=2026`)).body.data;
    const streams = [
      `Contract-${c.contract}`,
      `Assessment-${c.assessments[0]}`,
      ...c.workers.map((w) => `SocialWorker-${w}`),
      ...ledger.sessions.map((s: { sessionId: string }) => `SupervisionSession-${s.sessionId}`),
      ...ledger.trainings.map((x: { trainingId: string }) => `Training-${x.trainingId}`),
    ];
    const known = new Set<string>();
    for (const stream of streams) {
      for (const e of (await t.as(ADMIN).get(`/streams/${stream}/events`)).body.events) known.add(e.metadata.eventId);
    }
    const hours = [...dossier.supervision.eventIds, ...dossier.training.eventIds];
    expect(hours.length).toBeGreaterThan(12);
    expect([...cited, ...hours].filter((id) => !known.has(id))).toEqual([]);

    const csv = await t.as(procurementOf(c.purchaser)).get(`/contracts/${c.contract}/renewal-dossier?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('figure,subject_id,subject,detail,value,threshold,met,source_event_ids');
    expect(lines.find((l) => l.startsWith('contract_score,'))).toContain(',72,80,false,');
  });

  it('keeps the dossier and the judgement to the contract parties', async () => {
    const c = await county(t);
    const stranger = procurementOf('0190a0a0-0000-7000-8000-0000000000ff');
    expect((await t.as(stranger).get(`/contracts/${c.contract}/renewal-dossier`)).status).toBe(403);
    expect((await t.as(stranger).get(`/contracts/${c.contract}/renewal-eligibility?asOf=2026-12-31`)).status).toBe(403);
    expect((await t.as(operatorOf(c.operator)).get(`/contracts/${c.contract}/renewal-eligibility`)).status).toBe(200);
    const future = await t.as(ADMIN).get(`/contracts/${c.contract}/renewal-eligibility?asOf=2027-06-30`);
    expect({ status: future.status, field: future.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'asOf' });
  });
});
