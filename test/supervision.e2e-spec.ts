import { Principal } from '../apps/api/src/auth/principal';
import {
  ADMIN,
  award,
  contractBody,
  created,
  operatorOf,
  organization,
  read,
  socialWorkerOf,
  station,
  supervisorOf,
  worker,
} from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { slowAppends } from './support/slow-appends';

const slow = slowAppends();

/** Today in these tests is 2026-11-24 (China time). */
describe('supervision sessions, attestations and the worker ledger through HTTP', () => {
  let t: TestApp;
  let operatorOrgId: string;
  let contractId: string;
  let stations: string[];
  /** Three workers at the first station since the contract's first day. */
  let workers: string[];
  let supervisor: Principal;
  let otherSupervisor: Principal;

  const operator = () => operatorOf(operatorOrgId);
  const workerPrincipal = (id: string) => socialWorkerOf(operatorOrgId, id);

  beforeEach(async () => {
    slow.on = false;
    t = await startTestApp({ eventStore: slow.wrap });
    const purchaserOrgId = await organization(t, 'purchaser', '历城区民政局');
    operatorOrgId = await organization(t, 'operator', '历城区阳光社会工作服务中心');
    stations = [await station(t, 1), await station(t, 2)];
    contractId = (await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: stations }))).id;
    workers = [];
    for (const name of ['王芳', '李娜', '张伟']) {
      const id = await worker(t, name, 'assistant', operator());
      await created(t, `/social-workers/${id}/assignments`, { contractId, stationId: stations[0], post: 'resident', from: '2026-01-01' }, operator());
      workers.push(id);
    }
    const university = await created(t, '/supervisors', { name: '陈晓红', tier: 'city', affiliation: 'university' });
    const independent = await created(t, '/supervisors', { name: '周建国', tier: 'county', affiliation: 'independent' });
    supervisor = supervisorOf('org-sdu', university.id);
    otherSupervisor = supervisorOf('org-none', independent.id);
  });

  afterEach(() => t.close());

  const head = async (): Promise<string | null> => (await t.http().get('/health')).body.head;

  function session(overrides: object = {}) {
    return {
      contractId,
      stationId: stations[0],
      superviseeIds: workers,
      heldOn: '2026-03-10',
      startTime: '14:00',
      durationMinutes: 120,
      format: 'group',
      functions: ['educational', 'supportive'],
      topics: ['困境儿童个案评估'],
      summary: '梳理三个困境儿童个案的评估要点与服务计划',
      followUps: ['月底前完成个案评估表'],
      ...overrides,
    };
  }

  const log = (overrides: object = {}, as: Principal = supervisor) => created(t, '/supervision-sessions', session(overrides), as);

  /** The supervisee co-signs the time the session says now. */
  async function attest(sessionId: string, socialWorkerId: string, confirms = { heldOn: '2026-03-10', startTime: '14:00', durationMinutes: 120 }) {
    return created(t, `/supervision-sessions/${sessionId}/attestations`, confirms, workerPrincipal(socialWorkerId));
  }

  async function ledger(socialWorkerId: string, position: string) {
    return (await read(t, `/social-workers/${socialWorkerId}/ledger?year=2026`, position)).data;
  }

  /** Expects a 422 with the code, and that nothing was appended. */
  async function refused(url: string, body: object, code: string, as: Principal) {
    const before = await head();
    const response = await t.as(as).post(url).send(body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code });
    expect(await head()).toBe(before);
    return response.body;
  }

  async function forbidden(url: string, body: object, as: Principal) {
    const before = await head();
    const response = await t.as(as).post(url).send(body);
    expect(response.status).toBe(403);
    expect(await head()).toBe(before);
  }

  it('gives a group session of three workers, two of whom attest, as attested hours to those two only', async () => {
    const { id } = await log();
    await attest(id, workers[0]);
    const { position } = await attest(id, workers[1]);
    for (const attester of [workers[0], workers[1]]) {
      const { figures } = await ledger(attester, position);
      expect(figures.supervision.attested).toMatchObject({ minutes: 120, hours: 2, sessions: 1 });
      expect(figures.supervision.attested.byFormat.group.minutes).toBe(120);
      expect(figures.supervision.attested.byFunction).toMatchObject({ educational: { minutes: 120 }, supportive: { minutes: 120 }, administrative: { minutes: 0 } });
      expect(figures.supervision.unattested.minutes).toBe(0);
      expect(figures.compliance.supervision.actualMinutes).toBe(120);
    }
    const { figures } = await ledger(workers[2], position);
    expect(figures.supervision.attested.minutes).toBe(0);
    expect(figures.supervision.unattested).toMatchObject({ minutes: 120, sessions: 1 });
    expect(figures.compliance.supervision.actualMinutes).toBe(0);

    const detail = (await read(t, `/supervision-sessions/${id}`, position, supervisor)).data;
    expect(detail.attestations.map((a: { socialWorkerId: string }) => a.socialWorkerId)).toEqual([workers[0], workers[1]]);
  });

  it('clears the attestations when a correction changes the duration, and the ledger follows', async () => {
    const { id } = await log();
    const attested = await attest(id, workers[0]);
    expect((await ledger(workers[0], attested.position)).figures.supervision.attested.minutes).toBe(120);

    const corrected = await created(t, `/supervision-sessions/${id}/corrections`, { reason: '实际时长为90分钟', changes: { durationMinutes: 90 } }, supervisor);
    const after = await ledger(workers[0], corrected.position);
    expect(after.figures.supervision.attested.minutes).toBe(0);
    expect(after.figures.supervision.unattested.minutes).toBe(90);
    const detail = (await read(t, `/supervision-sessions/${id}`, corrected.position)).data;
    expect(detail).toMatchObject({ durationMinutes: 90, attestations: [], corrections: [{ reason: '实际时长为90分钟', changedFields: ['durationMinutes'], clearedAttestations: [workers[0]] }] });

    // Co-signing the old length is refused; the new one is attested again.
    await refused(`/supervision-sessions/${id}/attestations`, { heldOn: '2026-03-10', startTime: '14:00', durationMinutes: 120 }, 'ATTESTATION_MISMATCH', workerPrincipal(workers[0]));
    const again = await attest(id, workers[0], { heldOn: '2026-03-10', startTime: '14:00', durationMinutes: 90 });
    expect((await ledger(workers[0], again.position)).figures.supervision.attested.minutes).toBe(90);
  });

  it('keeps the attestations a correction of the topics leaves standing, and clears only a removed supervisee’s', async () => {
    const { id } = await log();
    await attest(id, workers[0]);
    await attest(id, workers[1]);
    const topics = await created(t, `/supervision-sessions/${id}/corrections`, { reason: '补记议题', changes: { topics: ['困境儿童个案评估', '服务记录规范'] } }, supervisor);
    expect((await ledger(workers[0], topics.position)).figures.supervision.attested.minutes).toBe(120);
    const removed = await created(t, `/supervision-sessions/${id}/corrections`, { reason: '李娜当天请假', changes: { superviseeIds: [workers[0], workers[2]] } }, supervisor);
    expect((await ledger(workers[0], removed.position)).figures.supervision.attested.minutes).toBe(120);
    const gone = await ledger(workers[1], removed.position);
    expect(gone.figures.supervision.attested.minutes + gone.figures.supervision.unattested.minutes).toBe(0);
    expect(gone.sessions).toEqual([]);
  });

  describe('overlapping sessions', () => {
    it('refuses a session of the same supervisor that overlaps another, and accepts one that starts as it ends', async () => {
      await log();
      const refusal = await refused('/supervision-sessions', session({ startTime: '15:59', durationMinutes: 60 }), 'SESSION_OVERLAPS', supervisor);
      expect(refusal.details).toMatchObject({ heldOn: '2026-03-10', startTime: '14:00', durationMinutes: 120 });
      await log({ startTime: '16:00', durationMinutes: 60 });
      // Another supervisor may supervise the same workers at another time only; the rule is per supervisor.
      await log({ startTime: '14:30', durationMinutes: 60, superviseeIds: [workers[0], workers[1]] }, otherSupervisor);
    });

    it('refuses a correction that moves a session onto another', async () => {
      await log();
      const { id } = await log({ heldOn: '2026-03-11' });
      await refused(`/supervision-sessions/${id}/corrections`, { reason: '日期登记有误', changes: { heldOn: '2026-03-10', startTime: '13:00' } }, 'SESSION_OVERLAPS', supervisor);
    });

    it('lets exactly one of several overlapping sessions logged at the same moment in', async () => {
      slow.on = true;
      const before = await head();
      const answers = await Promise.all(
        ['09:00', '09:30', '10:00', '10:30'].map((startTime) => t.as(supervisor).post('/supervision-sessions').send(session({ startTime }))),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422]);
      expect(answers.filter((a) => a.status === 422).map((a) => a.body.code)).toEqual(['SESSION_OVERLAPS', 'SESSION_OVERLAPS', 'SESSION_OVERLAPS']);
      const winner = answers.find((a) => a.status === 201)!.body;
      expect(await head()).not.toBe(before);
      const { data } = await read(t, `/supervisors/${supervisor.supervisorId}/workload?month=2026-03`, winner.position, supervisor);
      expect(data.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([winner.id]);
    });
  });

  it('takes a voided session’s hours out of every ledger and the supervisor’s workload', async () => {
    const { id } = await log();
    const attested = await attest(id, workers[0]);
    expect((await read(t, `/supervisors/${supervisor.supervisorId}/workload?month=2026-03`, attested.position)).data).toMatchObject({
      sessionCount: 1,
      minutes: 120,
      superviseeIds: [...workers].sort(),
      stationIds: [stations[0]],
    });
    const voided = await created(t, `/supervision-sessions/${id}/voiding`, { reason: '与3月11日的督导重复登记' }, supervisor);
    for (const w of workers) {
      const { figures, sessions } = await ledger(w, voided.position);
      expect([figures.supervision.attested.minutes, figures.supervision.unattested.minutes, sessions.length]).toEqual([0, 0, 0]);
    }
    expect((await read(t, `/supervisors/${supervisor.supervisorId}/workload?month=2026-03`, voided.position)).data).toMatchObject({ sessionCount: 0, minutes: 0 });
    const detail = (await read(t, `/supervision-sessions/${id}`, voided.position)).data;
    expect(detail).toMatchObject({ status: 'voided', voided: { reason: '与3月11日的督导重复登记' } });
    await refused(`/supervision-sessions/${id}/attestations`, { heldOn: '2026-03-10', startTime: '14:00', durationMinutes: 120 }, 'SESSION_VOIDED', workerPrincipal(workers[1]));
    // Its time is free again.
    await log({ format: 'on_site' });
  });

  it('counts exactly the required hours as met, and one minute less as not met', async () => {
    // A full year under one contract owes its 24 hours: 1440 minutes. Three on-site days of eight
    // hours for the first worker; for the second, the last day ends a minute early.
    let position = '';
    const plan = [
      [workers[0], ['2026-04-07', 480], ['2026-05-12', 480], ['2026-06-16', 480]],
      [workers[1], ['2026-04-08', 480], ['2026-05-13', 480], ['2026-06-17', 479]],
    ] as const;
    for (const [w, ...days] of plan) {
      for (const [heldOn, durationMinutes] of days) {
        const { id } = await log({ heldOn, startTime: '08:30', durationMinutes, format: 'on_site', superviseeIds: [w] });
        ({ position } = await attest(id, w, { heldOn, startTime: '08:30', durationMinutes }));
      }
    }
    const met = (await ledger(workers[0], position)).figures.compliance.supervision;
    expect(met).toMatchObject({ requiredMinutes: 1440, actualMinutes: 1440, met: true, shortfallMinutes: 0 });
    const short = (await ledger(workers[1], position)).figures.compliance.supervision;
    expect(short).toMatchObject({ requiredMinutes: 1440, actualMinutes: 1439, met: false, shortfallMinutes: 1 });

    const { data } = await read(t, `/contracts/${contractId}/performance`, position);
    const row = (id: string) => data.supervision.perWorker.find((r: { socialWorkerId: string }) => r.socialWorkerId === id);
    expect([row(workers[0]).met, row(workers[1]).met, row(workers[2]).met]).toEqual([true, false, false]);
    expect(data.supervision.workers).toBe(3);
  });

  it('keeps one ledger for a worker who moved stations mid-year, with both stations’ sessions', async () => {
    const [mover] = workers;
    await log({ superviseeIds: [mover], format: 'individual' });
    await attest((await log({ heldOn: '2026-04-14', superviseeIds: [mover], format: 'individual' })).id, mover, { heldOn: '2026-04-14', startTime: '14:00', durationMinutes: 120 });
    await created(t, `/social-workers/${mover}/departures`, { stationId: stations[0], on: '2026-06-01', reason: '区内调岗' }, operator());
    await created(t, `/social-workers/${mover}/assignments`, { contractId, stationId: stations[1], post: 'station_lead', from: '2026-06-01' }, operator());
    // After the move a session at the old station cannot name them; one at the new station can.
    await refused('/supervision-sessions', session({ heldOn: '2026-07-15', superviseeIds: [mover], format: 'individual' }), 'SUPERVISEE_NOT_AT_STATION', supervisor);
    const moved = await log({ heldOn: '2026-07-15', stationId: stations[1], superviseeIds: [mover], format: 'individual', durationMinutes: 90 });
    const last = await attest(moved.id, mover, { heldOn: '2026-07-15', startTime: '14:00', durationMinutes: 90 });

    const view = await ledger(mover, last.position);
    expect(view.sessions.map((s: { stationId: string; heldOn: string }) => [s.heldOn, s.stationId])).toEqual([
      ['2026-03-10', stations[0]],
      ['2026-04-14', stations[0]],
      ['2026-07-15', stations[1]],
    ]);
    expect(view.assignments.map((a: { stationId: string }) => a.stationId)).toEqual([stations[0], stations[1]]);
    expect(view.currentStation).toMatchObject({ stationId: stations[1], from: '2026-06-01' });
    expect(view.figures.supervision.attested.minutes).toBe(210);
    expect(view.figures.supervision.unattested.minutes).toBe(120);
    // Both periods owe their share of the year's hours, and together a full year's.
    expect(view.figures.compliance.supervision.periods.map((p: { stationId: string }) => p.stationId)).toEqual([stations[0], stations[1]]);
    expect(view.figures.compliance.supervision.requiredMinutes).toBe(1440);
  });

  it('flags a session logged more than 30 days after it was held, and refuses one in the future or of a wrong length', async () => {
    const late = await log({ heldOn: '2026-10-24', format: 'on_site' });
    const onTime = await log({ heldOn: '2026-10-25', format: 'on_site' });
    expect((await read(t, `/supervision-sessions/${late.id}`, onTime.position)).data).toMatchObject({ loggedOn: '2026-11-24', late: true });
    expect((await read(t, `/supervision-sessions/${onTime.id}`, onTime.position)).data.late).toBe(false);
    expect((await ledger(workers[0], onTime.position)).figures.supervision.late.sessionIds).toEqual([late.id]);

    await refused('/supervision-sessions', session({ heldOn: '2026-11-25' }), 'DATE_IN_FUTURE', supervisor);
    await refused('/supervision-sessions', session({ heldOn: '2026-05-01', durationMinutes: 14 }), 'DURATION_OUT_OF_RANGE', supervisor);
    await refused('/supervision-sessions', session({ heldOn: '2026-05-01', durationMinutes: 481 }), 'DURATION_OUT_OF_RANGE', supervisor);
    await log({ heldOn: '2026-05-01', durationMinutes: 15 });
    await refused('/supervision-sessions', session({ heldOn: '2026-05-02', format: 'individual' }), 'SUPERVISEE_COUNT', supervisor);
    await refused('/supervision-sessions', session({ heldOn: '2026-05-02', superviseeIds: [workers[0]] }), 'SUPERVISEE_COUNT', supervisor);
  });

  it('refuses a session from a supervisor the pool does not know', async () => {
    const stranger = supervisorOf('org-x', '0190a0a0-0000-7000-8000-0000000000aa');
    await refused('/supervision-sessions', session(), 'SUPERVISOR_NOT_FOUND', stranger);
  });

  describe('who may do what', () => {
    it('lets only its own supervisor correct or void a session', async () => {
      const { id } = await log();
      await forbidden(`/supervision-sessions/${id}/corrections`, { reason: '时长有误', changes: { durationMinutes: 60 } }, otherSupervisor);
      await forbidden(`/supervision-sessions/${id}/voiding`, { reason: '重复' }, otherSupervisor);
      await forbidden(`/supervision-sessions/${id}/voiding`, { reason: '重复' }, ADMIN);
    });

    it('lets only a worker the session names attest it, as themself', async () => {
      const { id } = await log({ superviseeIds: [workers[0], workers[1]] });
      await forbidden(`/supervision-sessions/${id}/attestations`, { heldOn: '2026-03-10', startTime: '14:00', durationMinutes: 120 }, workerPrincipal(workers[2]));
      await forbidden(`/supervision-sessions/${id}/attestations`, { heldOn: '2026-03-10', startTime: '14:00', durationMinutes: 120 }, operator());
      const response = await t
        .as(workerPrincipal(workers[2]))
        .post(`/supervision-sessions/${id}/attestations`)
        .send({ heldOn: '2026-03-10', startTime: '14:00', durationMinutes: 120, socialWorkerId: workers[0] });
      expect(response.status).toBe(400);
      await attest(id, workers[0]);
      await refused(`/supervision-sessions/${id}/attestations`, { heldOn: '2026-03-10', startTime: '14:00', durationMinutes: 120 }, 'ALREADY_ATTESTED', workerPrincipal(workers[0]));
    });

    it('opens a session’s full history to its contract’s operator, and not to another operator', async () => {
      const { id } = await log();
      const corrected = await created(t, `/supervision-sessions/${id}/corrections`, { reason: '补记议题', changes: { topics: ['个案记录规范'] } }, supervisor);
      await read(t, `/supervision-sessions/${id}`, corrected.position);
      const history = await t.as(operator()).get(`/streams/SupervisionSession-${id}/events`);
      expect(history.status).toBe(200);
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['SupervisionSessionLogged', 'SupervisionSessionCorrected']);
      expect(history.body.events[0].metadata.actor).toMatchObject({ role: 'supervisor', supervisorId: supervisor.supervisorId });
      expect((await t.as(operatorOf('0190a0a0-0000-7000-8000-0000000000bb')).get(`/streams/SupervisionSession-${id}/events`)).status).toBe(403);
      expect((await t.as(ADMIN).get(`/streams/Supervisor-${supervisor.supervisorId}/events`)).status).toBe(200);
    });

    it('shows a session to its supervisees and supervisor, and a ledger to its worker, but not to other workers', async () => {
      const { id, position } = await log({ superviseeIds: [workers[0], workers[1]] });
      expect((await t.as(workerPrincipal(workers[0])).get(`/supervision-sessions/${id}?minPosition=${position}`)).status).toBe(200);
      expect((await t.as(workerPrincipal(workers[2])).get(`/supervision-sessions/${id}?minPosition=${position}`)).status).toBe(403);
      expect((await t.as(otherSupervisor).get(`/supervision-sessions/${id}?minPosition=${position}`)).status).toBe(403);
      expect((await t.as(workerPrincipal(workers[0])).get(`/social-workers/${workers[0]}/ledger?year=2026`)).status).toBe(200);
      expect((await t.as(workerPrincipal(workers[0])).get(`/social-workers/${workers[1]}/ledger?year=2026`)).status).toBe(403);
      expect((await t.as(otherSupervisor).get(`/supervisors/${supervisor.supervisorId}/workload?month=2026-03`)).status).toBe(403);
    });
  });
});
