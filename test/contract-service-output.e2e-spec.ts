import { READ_STORE, ReadStore } from '@sws/read-store';
import { award, contractBody, created, operatorOf, organization, read, station } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Today in these tests is 2026-11-24 (China time). */
describe("a contract's service output, read a station-year at a time", () => {
  let t: TestApp;
  let contractId: string;
  let stations: string[];
  let position = '';

  const output = (stationId: string, month: string, overrides: object = {}) => ({
    stationId,
    month,
    casesOpened: 2,
    casesClosed: 1,
    groupSessions: 1,
    communityActivities: 1,
    beneficiaries: 80,
    professionalHours: 150,
    administrativeHours: 50,
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    const purchaserOrgId = await organization(t, 'purchaser', '历城区民政局');
    const operatorOrgId = await organization(t, 'operator', '历城区阳光社会工作服务中心');
    stations = [await station(t, 1), await station(t, 2)];
    const requirements = { serviceTargets: { cases: 24, groups: 12, communityActivities: 12 } };
    contractId = (await award(t, contractBody({ purchaserOrgId, operatorOrgId, stationIds: stations }, { requirements }))).id;
    const operator = operatorOf(operatorOrgId);
    for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) {
      for (const stationId of stations) {
        ({ position } = await created(t, '/service-reports', output(stationId, month), operator));
        ({ position } = await created(t, '/service-reports/satisfaction-surveys', { stationId, month, respondents: 20, satisfied: 18 }, operator));
      }
    }
    // A correction counts in place of the month's first report.
    ({ position } = await created(t, '/service-reports', output(stations[0], '2026-02', { casesOpened: 5, reason: '2月开案数漏报3件' }), operator));
  });

  afterAll(() => t.close());

  it('counts every month reported, the corrections in place of what they correct', async () => {
    const { data } = await read(t, `/contracts/${contractId}/performance`, position);
    // Two stations, six months each, two cases a month, one month corrected from 2 to 5.
    expect(data.serviceOutput.cases).toMatchObject({ annualTarget: 48, actual: 2 * 6 * 2 + 3 });
    expect(data.serviceOutput.monthsMissing).toHaveLength(2 * 4);
    expect(data.satisfaction).toMatchObject({ numerator: 12 * 18, denominator: 12 * 20 });
    const first = data.stations.find((s: { stationId: string }) => s.stationId === stations[0]);
    expect(first.monthsReported).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    // The month's correction is the event behind it, and the month's first report is not.
    const february = (await read(t, `/service-reports?stationId=${stations[0]}&month=2026-02`, position)).data;
    expect(first.eventIds).toContain(february.output.eventId);
    expect(first.eventIds).not.toContain(february.revisions[0].eventId);
  });

  it('reads one service-output document per station and year, not one per month', async () => {
    const store = t.app.get<ReadStore>(READ_STORE);
    const getMany = store.getMany.bind(store);
    const documents: Array<{ collection: string; ids: readonly string[] }> = [];
    const spy = jest.spyOn(store, 'getMany').mockImplementation(async (collection, ids) => {
      // An empty read is a wait for the client's minPosition, not a read of documents.
      if (collection.startsWith('service-output') && ids.length > 0) documents.push({ collection, ids });
      return getMany(collection, ids);
    });
    try {
      for (const path of ['performance', 'renewal-eligibility', 'renewal-dossier']) await read(t, `/contracts/${contractId}/${path}`, position);
    } finally {
      spy.mockRestore();
    }
    const each = { collection: 'service-output-years', ids: stations.map((stationId) => `${stationId}:2026`) };
    expect(documents).toEqual([each, each, each]);
  });
});
