import { Principal } from '../apps/api/src/auth/principal';
import { award, contractBody, created, operatorOf, organization, procurementOf, read, station, worker } from './support/fixtures';
import { slowAppends } from './support/slow-appends';
import { startTestApp, TestApp } from './support/test-app';

const slow = slowAppends();

/** Today in these tests is 2026-11-24 (China time). */
describe('organizations, stations, contracts and staffing through HTTP', () => {
  let t: TestApp;
  let purchaserOrgId: string;
  let operatorOrgId: string;

  beforeEach(async () => {
    slow.on = false;
    t = await startTestApp({ eventStore: slow.wrap });
    purchaserOrgId = await organization(t, 'purchaser', '历城区民政局');
    operatorOrgId = await organization(t, 'operator', '历城区阳光社会工作服务中心');
  });

  afterEach(() => t.close());

  const procurement = () => procurementOf(purchaserOrgId);
  const operator = () => operatorOf(operatorOrgId);

  async function head(): Promise<string | null> {
    return (await t.http().get('/health')).body.head;
  }

  /** Expects a 422 with the code, and that nothing was appended. */
  async function refused(url: string, body: object, code: string, as: Principal) {
    const before = await head();
    const response = await t.as(as).post(url).send(body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code });
    expect(await head()).toBe(before);
    return response.body;
  }

  describe('awarding a contract', () => {
    it('records the contract with the SPEC default requirements where none are given', async () => {
      const stationId = await station(t);
      const { id, position } = await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: [stationId] }));
      const { data } = await read(t, `/contracts/${id}`, position);
      expect(data.requirements).toMatchObject({ minWorkersPerStation: 2, supervisionHoursPerWorkerYear: 24, trainingHoursPerWorkerYear: 40 });
      expect(data.stationIds).toEqual([stationId]);
    });

    it('refuses an operator that is not an operator organization', async () => {
      const evaluator = await organization(t, 'evaluator');
      const stationId = await station(t);
      await refused('/contracts', contractBody({ purchaserOrgId, operatorOrgId: evaluator, stationIds: [stationId] }), 'NOT_AN_OPERATOR', procurement());
    });

    it('refuses a purchaser that is not a purchaser organization', async () => {
      const stationId = await station(t);
      const otherOperator = await organization(t, 'operator', '另一家机构');
      // A token that names an operator organization as its procurement officer's: the rule still holds.
      const body = contractBody({ purchaserOrgId: otherOperator, operatorOrgId, stationIds: [stationId] });
      await refused('/contracts', body, 'NOT_A_PURCHASER', procurementOf(otherOperator));
    });

    it('refuses a term that does not end after it starts', async () => {
      const stationId = await station(t);
      const body = contractBody({ purchaserOrgId, operatorOrgId, stationIds: [stationId] }, { term: { start: '2026-06-01', end: '2026-06-01' } });
      await refused('/contracts', body, 'TERM_ENDS_BEFORE_START', procurement());
    });

    it('refuses funding sources that do not add up to the total', async () => {
      const stationId = await station(t);
      const budget = { totalCny: 600000, sources: [{ kind: 'fiscal', amountCny: 500000 }, { kind: 'charity', amountCny: 99999.99 }] };
      const refusal = await refused('/contracts', contractBody({ purchaserOrgId, operatorOrgId, stationIds: [stationId] }, { budget }), 'FUNDING_MISMATCH', procurement());
      expect(refusal.details).toEqual({ sourcesCny: 599999.99, totalCny: 600000 });
    });

    it('refuses a station that another active contract holds over the same days, and accepts the next year', async () => {
      const stationId = await station(t);
      await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: [stationId] }));
      const rival = await organization(t, 'operator', '竞争机构');
      const overlapping = contractBody({ purchaserOrgId, operatorOrgId: rival, stationIds: [stationId] }, { term: { start: '2026-12-01', end: '2027-11-30' } });
      await refused('/contracts', overlapping, 'STATION_ALREADY_CONTRACTED', procurement());
      const nextYear = contractBody({ purchaserOrgId, operatorOrgId: rival, stationIds: [stationId] }, { term: { start: '2027-01-01', end: '2027-12-31' } });
      await award(t, nextYear);
    });

    it('frees the station from the day a termination takes effect', async () => {
      const stationId = await station(t);
      const first = await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: [stationId] }));
      await created(t, `/contracts/${first.id}/termination`, { reason: '承接机构无法履约', effectiveOn: '2026-07-01' }, procurement());
      const rival = await organization(t, 'operator', '接替机构');
      const early = contractBody({ purchaserOrgId, operatorOrgId: rival, stationIds: [stationId] }, { term: { start: '2026-06-30', end: '2026-12-31' } });
      await refused('/contracts', early, 'STATION_ALREADY_CONTRACTED', procurement());
      const replacement = contractBody({ purchaserOrgId, operatorOrgId: rival, stationIds: [stationId] }, { term: { start: '2026-07-01', end: '2026-12-31' } });
      await award(t, replacement);
    });

    it('lets exactly one of two racing awards for the same station through', async () => {
      const stationId = await station(t);
      const rival = await organization(t, 'operator', '竞争机构');
      slow.on = true;
      const answers = await Promise.all(
        [operatorOrgId, rival].map((operator) =>
          t.as(procurement()).post('/contracts').send(contractBody({ purchaserOrgId, operatorOrgId: operator, stationIds: [stationId] })),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    });
  });

  describe('staffing', () => {
    let stationId: string;
    let contractId: string;

    beforeEach(async () => {
      stationId = await station(t);
      contractId = (await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: [stationId] }))).id;
    });

    const assign = (from: string, at = stationId) => ({ contractId, stationId: at, post: 'resident', from });

    it('assigns a worker to one station at a time', async () => {
      const otherStation = await station(t, 2);
      const other = await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: [otherStation] }));
      const workerId = await worker(t);
      await created(t, `/social-workers/${workerId}/assignments`, assign('2026-02-01'), operator());
      await refused(
        `/social-workers/${workerId}/assignments`,
        { contractId: other.id, stationId: otherStation, post: 'resident', from: '2026-03-01' },
        'WORKER_ALREADY_ASSIGNED',
        operator(),
      );
    });

    it('ends only a current assignment with a departure, never dated before it', async () => {
      const workerId = await worker(t);
      await refused(`/social-workers/${workerId}/departures`, { stationId, on: '2026-03-01', reason: '离职' }, 'NOT_ASSIGNED', operator());
      await created(t, `/social-workers/${workerId}/assignments`, assign('2026-02-01'), operator());
      await refused(`/social-workers/${workerId}/departures`, { stationId, on: '2026-01-31', reason: '离职' }, 'DEPARTURE_BEFORE_ASSIGNMENT', operator());
      await created(t, `/social-workers/${workerId}/departures`, { stationId, on: '2026-02-01', reason: '试岗未通过' }, operator());
    });

    it('keeps an assignment within its contract term', async () => {
      const workerId = await worker(t);
      await refused(`/social-workers/${workerId}/assignments`, assign('2025-12-31'), 'OUTSIDE_CONTRACT_TERM', operator());
      await refused(`/social-workers/${workerId}/assignments`, assign('2026-03-01', (await station(t, 3))), 'STATION_NOT_IN_CONTRACT', operator());
    });

    it('accepts late, backdated records but no fact dated after today, while a term may run into the future', async () => {
      const workerId = await worker(t);
      await refused(`/social-workers/${workerId}/assignments`, assign('2026-11-25'), 'DATE_IN_FUTURE', operator());
      await created(t, `/social-workers/${workerId}/assignments`, assign('2026-01-02'), operator());
      await refused(`/social-workers/${workerId}/departures`, { stationId, on: '2026-12-01', reason: '离职' }, 'DATE_IN_FUTURE', operator());
      await refused(`/social-workers/${workerId}/certifications`, { level: 'intermediate', certificateNo: 'Z1', on: '2026-11-25' }, 'DATE_IN_FUTURE', operator());
      await created(t, `/social-workers/${workerId}/certifications`, { level: 'intermediate', certificateNo: 'Z1', on: '2026-11-24' }, operator());
      const future = await station(t, 4);
      await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: [future] }, { term: { start: '2027-01-01', end: '2027-12-31' } }));
    });

    it('shows the headcount today and its history on the station, from assignments and departures', async () => {
      const [a, b, c] = [await worker(t, '王芳'), await worker(t, '李娜'), await worker(t, '刘洋')];
      await created(t, `/social-workers/${a}/assignments`, assign('2026-01-01'), operator());
      await created(t, `/social-workers/${b}/assignments`, assign('2026-03-01'), operator());
      await created(t, `/social-workers/${c}/assignments`, assign('2026-04-01'), operator());
      const last = await created(t, `/social-workers/${b}/departures`, { stationId, on: '2026-09-01', reason: '考取事业编' }, operator());
      const { data, position } = await read(t, `/stations/${stationId}`, last.position);
      expect(position).toBe(last.position);
      expect(data.staffing.headcountToday).toBe(2);
      expect(data.staffing.meetsMinimum).toBe(true);
      expect(data.staffing.workers.map((w: { name: string }) => w.name).sort()).toEqual(['刘洋', '王芳']);
      expect(data.staffing.history).toEqual([
        { from: '2026-01-01', headcount: 1 },
        { from: '2026-03-01', headcount: 2 },
        { from: '2026-04-01', headcount: 3 },
        { from: '2026-09-01', headcount: 2 },
      ]);
    });

    it("computes the contract's staffing compliance as the share of its days every station met the minimum", async () => {
      const second = await station(t, 2);
      const both = await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: [second] }, { term: { start: '2026-01-01', end: '2026-12-31' } }));
      // One contract with one station: two workers from 2026-01-01, one leaves 2026-10-01 (today 2026-11-24).
      const [a, b] = [await worker(t, '赵静'), await worker(t, '孙磊')];
      await created(t, `/social-workers/${a}/assignments`, assign('2026-01-01'), operator());
      await created(t, `/social-workers/${b}/assignments`, assign('2026-01-01'), operator());
      const last = await created(t, `/social-workers/${b}/departures`, { stationId, on: '2026-10-01', reason: '调岗' }, operator());
      const { data } = await read(t, `/contracts/${contractId}`, last.position);
      // Counted days: 2026-01-01 .. 2026-11-24 = 328; met on 2026-01-01 .. 2026-09-30 = 273.
      expect(data.staffing.compliance).toMatchObject({ firstDay: '2026-01-01', lastDay: '2026-11-24', days: 328, compliantDays: 273 });
      expect(data.staffing.compliance.share).toBeCloseTo(273 / 328, 10);
      expect(data.staffing.compliance.shortfalls).toEqual([
        { from: '2026-10-01', to: '2026-11-24', minimum: 2, stations: [{ stationId, headcount: 1 }] },
      ]);
      const untouched = await read(t, `/contracts/${both.id}`, last.position);
      expect(untouched.data.staffing.compliance.compliantDays).toBe(0);
    });
  });
});
