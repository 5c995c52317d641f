import { Principal } from '../apps/api/src/auth/principal';
import {
  ADMIN,
  award,
  contractBody,
  created,
  operatorOf,
  organization,
  procurementOf,
  read,
  socialWorkerOf,
  station,
  worker,
} from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Today in these tests is 2026-11-24 (China time). */
describe('trainings and service reports through HTTP', () => {
  let t: TestApp;
  let purchaserOrgId: string;
  let operatorOrgId: string;
  let otherOperatorOrgId: string;
  let contractId: string;
  let stations: string[];
  /** Two workers at the first station since the contract's first day. */
  let workers: string[];

  const operator = () => operatorOf(operatorOrgId);
  const otherOperator = () => operatorOf(otherOperatorOrgId);

  beforeEach(async () => {
    t = await startTestApp();
    purchaserOrgId = await organization(t, 'purchaser', '历城区民政局');
    operatorOrgId = await organization(t, 'operator', '历城区阳光社会工作服务中心');
    otherOperatorOrgId = await organization(t, 'operator', '历城区同心社会工作服务中心');
    stations = [await station(t, 1), await station(t, 2)];
    const requirements = { serviceTargets: { cases: 24, groups: 12, communityActivities: 12 } };
    contractId = (await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: stations }, { requirements }))).id;
    workers = [];
    for (const name of ['王芳', '李娜']) {
      const id = await worker(t, name, 'assistant', operator());
      await created(t, `/social-workers/${id}/assignments`, { contractId, stationId: stations[0], post: 'resident', from: '2026-01-01' }, operator());
      workers.push(id);
    }
  });

  afterEach(() => t.close());

  const head = async (): Promise<string | null> => (await t.http().get('/health')).body.head;

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
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'OUTSIDE_ORGANIZATION_SCOPE' });
    expect(await head()).toBe(before);
  }

  const training = (overrides: object = {}) => ({
    title: '个案管理实务',
    kind: 'in_service',
    provider: '山东大学社会工作系',
    heldOn: '2026-03-20',
    hours: 8,
    contractId,
    ...overrides,
  });

  describe('trainings', () => {
    it('credits each attendee with hours by kind on their ledger, and shows the training to them', async () => {
      const preService = await created(t, '/trainings', training({ title: '新入职社工岗前培训', kind: 'pre_service', heldOn: '2026-01-08', hours: 16 }), operator());
      await created(t, `/trainings/${preService.id}/attendance`, { socialWorkerIds: workers, hoursCredited: 16 }, operator());
      const course = await created(t, '/trainings', training({ hours: 3.5 }), operator());
      const credited = await created(t, `/trainings/${course.id}/attendance`, { socialWorkerIds: [workers[0]], hoursCredited: 3.5 }, operator());
      const scored = await created(t, `/trainings/${course.id}/effectiveness`, { socialWorkerId: workers[0], score: 88, method: '培训前后测对比' }, operator());

      const { data } = await read(t, `/social-workers/${workers[0]}/ledger?year=2026`, scored.position);
      expect(data.figures.training).toMatchObject({ minutes: 1170, hours: 19.5, credits: 2 });
      expect(data.figures.training.byKind).toMatchObject({ pre_service: { minutes: 960 }, in_service: { minutes: 210 } });
      expect(data.trainings.find((c: { trainingId: string }) => c.trainingId === course.id).effectiveness).toMatchObject({ score: 88 });
      const other = await read(t, `/social-workers/${workers[1]}/ledger?year=2026`, credited.position);
      expect(other.data.figures.training.minutes).toBe(960);

      const detail = await read(t, `/trainings/${course.id}`, scored.position, socialWorkerOf(operatorOrgId, workers[0]));
      expect(detail.data).toMatchObject({ organizerOrgId: operatorOrgId, contractId, attendees: [workers[0]], effectiveness: [{ socialWorkerId: workers[0], score: 88 }] });
      expect((await t.as(socialWorkerOf(operatorOrgId, workers[1])).get(`/trainings/${course.id}`)).status).toBe(403);
    });

    it('counts exactly the required training hours as met, and one minute less as not met', async () => {
      // 40 hours a year: five eight-hour days for the first worker; the second leaves the last one a minute early.
      let position = '';
      for (const heldOn of ['2026-02-10', '2026-04-14', '2026-06-09', '2026-08-11', '2026-10-13']) {
        const { id } = await created(t, '/trainings', training({ heldOn }), operator());
        await created(t, `/trainings/${id}/attendance`, { socialWorkerIds: [workers[0]], hoursCredited: 8 }, operator());
        const last = heldOn === '2026-10-13';
        ({ position } = await created(t, `/trainings/${id}/attendance`, { socialWorkerIds: [workers[1]], hoursCredited: last ? 479 / 60 : 8 }, operator()));
      }
      const met = (await read(t, `/social-workers/${workers[0]}/ledger?year=2026`, position)).data.figures.compliance.training;
      expect(met).toMatchObject({ requiredMinutes: 2400, actualMinutes: 2400, met: true });
      const short = (await read(t, `/social-workers/${workers[1]}/ledger?year=2026`, position)).data.figures.compliance.training;
      expect(short).toMatchObject({ requiredMinutes: 2400, actualMinutes: 2399, met: false, shortfallMinutes: 1 });
      const { data } = await read(t, `/contracts/${contractId}/performance`, position, procurementOf(purchaserOrgId));
      expect(data.training).toMatchObject({ workers: 2, meeting: 2, share: 1 });
      expect(data.training.perWorker.map((r: { met: boolean }) => r.met)).toEqual([true, false]);
    });

    it('refuses credits beyond the training’s hours, unknown and repeated attendees and out-of-range scores', async () => {
      const { id } = await created(t, '/trainings', training({ hours: 3 }), operator());
      await refused(`/trainings/${id}/attendance`, { socialWorkerIds: [workers[0]], hoursCredited: 3.5 }, 'CREDIT_EXCEEDS_HOURS', operator());
      await refused(`/trainings/${id}/attendance`, { socialWorkerIds: [workers[0], '0190a0a0-0000-7000-8000-0000000000aa'], hoursCredited: 3 }, 'SOCIAL_WORKER_NOT_FOUND', operator());
      await refused(`/trainings/${id}/attendance`, { socialWorkerIds: [], hoursCredited: 3 }, 'NO_ATTENDEES', operator());
      await created(t, `/trainings/${id}/attendance`, { socialWorkerIds: [workers[0]], hoursCredited: 3 }, operator());
      await refused(`/trainings/${id}/attendance`, { socialWorkerIds: [workers[0]], hoursCredited: 1 }, 'ALREADY_ATTENDED', operator());
      await refused(`/trainings/${id}/effectiveness`, { socialWorkerId: workers[1], score: 80, method: '问卷' }, 'NOT_AN_ATTENDEE', operator());
      await refused(`/trainings/${id}/effectiveness`, { socialWorkerId: workers[0], score: 101, method: '问卷' }, 'SCORE_OUT_OF_RANGE', operator());
      await refused('/trainings', training({ heldOn: '2026-11-25' }), 'DATE_IN_FUTURE', operator());
      await refused('/trainings', training({ hours: 0 }), 'INVALID_HOURS', operator());
    });

    it('lets an operator record training only under its own contracts, and only the organizer add to it', async () => {
      await forbidden('/trainings', training(), otherOperator());
      await forbidden('/trainings', training({ contractId: undefined }), operator());
      const { id } = await created(t, '/trainings', training(), operator());
      await forbidden(`/trainings/${id}/attendance`, { socialWorkerIds: [workers[0]], hoursCredited: 8 }, otherOperator());
      await forbidden(`/trainings/${id}/attendance`, { socialWorkerIds: [workers[0]], hoursCredited: 8 }, ADMIN);
    });

    it("refuses an operator's credit to another organization's worker", async () => {
      const stranger = await worker(t, '周强', 'none', otherOperator());
      const { id } = await created(t, '/trainings', training(), operator());
      await forbidden(`/trainings/${id}/attendance`, { socialWorkerIds: [workers[0], stranger], hoursCredited: 8 }, operator());
      await created(t, `/trainings/${id}/attendance`, { socialWorkerIds: [workers[0]], hoursCredited: 8 }, operator());
    });

    it('lets the centre record a county-organized course that names no contract, credited like any other', async () => {
      const { id } = await created(t, '/trainings', training({ title: '全区社工继续教育', kind: 'continuing_education', provider: '历城区社会工作指导中心', contractId: undefined, hours: 6 }), ADMIN);
      const { position } = await created(t, `/trainings/${id}/attendance`, { socialWorkerIds: workers, hoursCredited: 6 }, ADMIN);
      const { data } = await read(t, `/social-workers/${workers[1]}/ledger?year=2026`, position);
      expect(data.figures.training.byKind.continuing_education.minutes).toBe(360);
      // The workers' operator reads the course its workers attended; another operator does not.
      expect((await read(t, `/trainings/${id}`, position, operator())).data).toMatchObject({ contractId: null, organizerOrgId: ADMIN.orgId });
      expect((await t.as(otherOperator()).get(`/trainings/${id}`)).status).toBe(403);
    });
  });

  describe('service reports', () => {
    const output = (overrides: object = {}) => ({
      stationId: stations[0],
      month: '2026-03',
      casesOpened: 3,
      casesClosed: 1,
      groupSessions: 1,
      communityActivities: 2,
      beneficiaries: 186,
      professionalHours: 300,
      administrativeHours: 100,
      ...overrides,
    });

    it('keeps one report per station and month: a second one is a correction that names its reason', async () => {
      await created(t, '/service-reports', output(), operator());
      await refused('/service-reports', output({ casesClosed: 2 }), 'CORRECTION_NEEDS_REASON', operator());
      const corrected = await created(t, '/service-reports', output({ casesClosed: 2, reason: '3月结案数漏报1件' }), operator());
      const { data } = await read(t, `/service-reports?stationId=${stations[0]}&month=2026-03`, corrected.position, procurementOf(purchaserOrgId));
      expect(data.output).toMatchObject({ casesClosed: 2, correction: { reason: '3月结案数漏报1件' }, contractId });
      expect(data.revisions.map((r: { correction: object | null }) => r.correction)).toEqual([null, { reason: '3月结案数漏报1件' }]);
      expect(corrected.id).toBe(data.reportId);
      await refused('/service-reports', output({ casesClosed: 2, reason: '再次更正' }), 'NOTHING_TO_CORRECT', operator());
      await refused('/service-reports', output({ month: '2026-04', reason: '首次报送' }), 'NOTHING_TO_CORRECT', operator());
    });

    it('refuses a month to come, negative figures and a survey with more satisfied than respondents', async () => {
      await refused('/service-reports', output({ month: '2026-12' }), 'DATE_IN_FUTURE', operator());
      await refused('/service-reports', output({ casesOpened: -1 }), 'INVALID_FIGURE', operator());
      await refused('/service-reports', output({ administrativeHours: 0.001 }), 'INVALID_HOURS', operator());
      const survey = { stationId: stations[0], month: '2026-03' };
      await refused('/service-reports/satisfaction-surveys', { ...survey, respondents: 30, satisfied: 31 }, 'SATISFIED_EXCEEDS_RESPONDENTS', operator());
      await refused('/service-reports/satisfaction-surveys', { ...survey, respondents: 0, satisfied: 0 }, 'NO_RESPONDENTS', operator());
      // The current month may be reported while it runs.
      await created(t, '/service-reports', output({ month: '2026-11' }), operator());
    });

    it('lets only the operator of the contract holding the station report it', async () => {
      await forbidden('/service-reports', output(), otherOperator());
      await forbidden('/service-reports/satisfaction-surveys', { stationId: stations[0], month: '2026-03', respondents: 30, satisfied: 28 }, otherOperator());
      const lone = await station(t, 3);
      await refused('/service-reports', output({ stationId: lone }), 'STATION_NOT_IN_CONTRACT', operator());
      const { position } = await created(t, '/service-reports', output(), operator());
      expect((await t.as(otherOperator()).get(`/service-reports?stationId=${stations[0]}&month=2026-03&minPosition=${position}`)).status).toBe(403);
    });

    it('opens a month’s full history to the contract’s parties, and not to another operator', async () => {
      await created(t, '/service-reports', output(), operator());
      const { id, position } = await created(t, '/service-reports', output({ casesClosed: 3, reason: '结案数更正' }), operator());
      await read(t, `/service-reports?stationId=${stations[0]}&month=2026-03`, position);
      const history = await t.as(procurementOf(purchaserOrgId)).get(`/streams/ServiceReport-${id}/events`);
      expect(history.status).toBe(200);
      expect(history.body.events.map((e: { data: { correction: object | null } }) => e.data.correction)).toEqual([null, { reason: '结案数更正' }]);
      expect((await t.as(otherOperator()).get(`/streams/ServiceReport-${id}/events`)).status).toBe(403);
      const training = await created(t, '/trainings', { title: '督导技巧', kind: 'in_service', provider: '市社工协会', heldOn: '2026-03-20', hours: 2, contractId }, operator());
      expect((await t.as(procurementOf(purchaserOrgId)).get(`/streams/Training-${training.id}/events`)).status).toBe(200);
      expect((await t.as(otherOperator()).get(`/streams/Training-${training.id}/events`)).status).toBe(403);
    });

    it('adds the reports up in the contract’s performance: output against targets, the administrative share and satisfaction', async () => {
      let position = '';
      for (const month of ['2026-01', '2026-02', '2026-03']) {
        for (const stationId of stations) {
          await created(t, '/service-reports', output({ stationId, month, casesOpened: 2, groupSessions: 1, communityActivities: 1, professionalHours: 150, administrativeHours: 50 }), operator());
          ({ position } = await created(t, '/service-reports/satisfaction-surveys', { stationId, month, respondents: 20, satisfied: 18 }, operator()));
        }
      }
      const { data } = await read(t, `/contracts/${contractId}/performance?asOf=2026-03-31`, position);
      // Two stations, three months of twelve: targets of 24 cases, 12 groups, 12 activities per station and year.
      expect(data.serviceOutput.cases).toMatchObject({ annualTarget: 48, expectedToDate: 12, actual: 12, onTrack: true, met: false });
      expect(data.serviceOutput.groups).toMatchObject({ expectedToDate: 6, actual: 6, onTrack: true });
      expect(data.serviceOutput.communityActivities).toMatchObject({ expectedToDate: 6, actual: 6, onTrack: true });
      expect(data.serviceOutput.monthsMissing).toEqual([]);
      expect(data.administrativeShare).toMatchObject({ numerator: 6 * 50 * 60, denominator: 6 * 200 * 60, share: 0.25 });
      expect(data.satisfaction).toMatchObject({ numerator: 108, denominator: 120, share: 0.9 });
      expect(data.satisfaction.eventIds).toHaveLength(6);
      // Today, April to October are missing for both stations.
      const now = (await read(t, `/contracts/${contractId}/performance`, position)).data;
      expect(now.serviceOutput.monthsMissing).toHaveLength(14);
      expect(now.serviceOutput.cases.onTrack).toBe(false);
      expect(now.staffing.compliance).toBeDefined();
    });
  });
});
