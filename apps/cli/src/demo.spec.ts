import { creditCodeProblem } from '@sws/stations-contracts';
import { demoCounty } from './demo-county';
import { DemoSummary, loadDemo } from './demo';
import { demoSupervision } from './demo-supervision';
import { settled, startTempApp, TempApp } from './testing/temp-app';

describe('the sample county plan', () => {
  const county = demoCounty();

  it('is the same on every call', () => {
    expect(demoCounty()).toEqual(county);
  });

  it('gives every organization a valid credit code of its kind', () => {
    for (const o of county.organizations) {
      expect({ name: o.name, problem: creditCodeProblem(o.creditCode) }).toEqual({ name: o.name, problem: null });
      expect(o.creditCode.slice(0, 8)).toBe(`${o.kind === 'purchaser' ? '11' : '52'}370112`);
    }
  });

  it('funds each contract with sources that add up to its total', () => {
    for (const c of county.contracts) {
      expect(Math.round(c.sources.reduce((sum, s) => sum + s.amountCny * 100, 0))).toBe(Math.round(c.totalCny * 100));
    }
  });

  it('dates every fact between January and October 2026', () => {
    const dates = county.workers.flatMap((w) => w.steps.map((s) => s.on));
    expect(dates.every((d) => d >= '2026-01-01' && d <= '2026-10-31')).toBe(true);
  });

  it('plans about two supervision sessions a month per station, trainings and monthly reports, none after mid-November', () => {
    const plan = demoSupervision(county);
    const dates = [...plan.sessions.map((s) => s.heldOn), ...plan.trainings.map((t) => t.heldOn)];
    expect(dates.every((d) => d >= '2026-01-01' && d <= '2026-11-18')).toBe(true);
    for (const station of county.stations) {
      const sessions = plan.sessions.filter((s) => s.stationKey === station.key && s.voidReason === null);
      expect(sessions.length).toBeGreaterThanOrEqual(20);
      expect(new Set(sessions.map((s) => s.format))).toEqual(new Set(['group', 'individual', 'on_site']));
    }
    expect(plan.sessions.filter((s) => s.correction !== null)).toHaveLength(1);
    expect(plan.sessions.filter((s) => s.voidReason !== null)).toHaveLength(1);
    expect(plan.trainings.filter((t) => t.kind === 'pre_service' && t.heldOn.startsWith('2026-01'))).toHaveLength(2);
    expect(plan.serviceReports).toHaveLength(county.stations.length * 10);
    expect(plan.serviceReports.filter((r) => r.correction !== null)).toHaveLength(1);
  });

  it('names one station lead per station and gives the workers distinct names and keys', () => {
    const leads = county.workers.flatMap((w) => w.steps.filter((s) => s.kind === 'assign' && s.post === 'station_lead'));
    expect(leads.map((s) => (s.kind === 'assign' ? s.stationKey : '')).sort()).toEqual(county.stations.map((s) => s.key).sort());
    expect(new Set(county.workers.map((w) => w.name)).size).toBe(county.workers.length);
    expect(new Set(county.workers.map((w) => w.key)).size).toBe(county.workers.length);
  });
});

describe('loading the sample county through the API', () => {
  const county = demoCounty();
  let t: TempApp;
  let summary: DemoSummary;

  beforeAll(async () => {
    t = await startTempApp();
    summary = await loadDemo(t.app, t.authorize);
    await settled(t);
  });

  afterAll(() => t.close());

  async function listed(path: string): Promise<any[]> {
    return (await t.get<{ data: any[] }>(`${path}?limit=500`)).data;
  }

  it('registers the purchaser, the operators and the evaluator', async () => {
    const organizations = await listed('/organizations');
    expect(organizations.map((o) => o.kind).sort()).toEqual(['evaluator', 'operator', 'operator', 'purchaser']);
    expect(summary.organizations).toBe(4);
  });

  it('registers ten stations and 42 social workers', async () => {
    expect(await listed('/stations')).toHaveLength(10);
    expect(await listed('/social-workers')).toHaveLength(county.workers.length);
    expect(county.workers).toHaveLength(42);
    expect(summary).toMatchObject({ stations: 10, socialWorkers: 42 });
  });

  it('awards two contracts of five stations each, whose staffing was compliant on some days but not all', async () => {
    const contracts = (await listed('/contracts')).filter((c) => c.predecessorContractId === null);
    expect(contracts.map((c) => c.id).sort()).toEqual(summary.contracts.map((c) => c.id).sort());
    for (const { id } of summary.contracts) {
      const { data } = await t.get(`/contracts/${id}?minPosition=${summary.lastPosition}`);
      expect(data.stationIds).toHaveLength(5);
      expect(data.budget.totalCny).toBe(1_500_000);
      const share = data.staffing.compliance.share;
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(1);
    }
  });

  it('records the departures and certifications it planned', async () => {
    const workers = await listed('/social-workers');
    const departed = workers.flatMap((w) => w.assignments.filter((a: { until: string | null }) => a.until !== null));
    expect(departed).toHaveLength(summary.departures);
    expect(summary.departures).toBe(5);
    expect(workers.reduce((n, w) => n + w.certifications.length, 0)).toBe(summary.certifications);
  });

  it('loads a year of supervision in which most but not all workers meet their hours', async () => {
    const { data: supervisors } = await t.get('/supervisors?limit=500');
    expect(supervisors.map((s: { affiliation: string }) => s.affiliation).sort()).toEqual(['independent', 'operator', 'university']);
    const rows = { supervision: [] as boolean[], training: [] as boolean[] };
    for (const { id } of summary.contracts) {
      const { data } = await t.get(`/contracts/${id}/performance?minPosition=${summary.lastPosition}`);
      rows.supervision.push(...data.supervision.perWorker.map((r: { met: boolean }) => r.met));
      rows.training.push(...data.training.perWorker.map((r: { met: boolean }) => r.met));
      expect(data.serviceOutput.monthsMissing).toEqual([]);
      expect(data.satisfaction.share).toBeGreaterThan(0.85);
      expect(data.administrativeShare.share).toBeGreaterThan(0.15);
      expect(data.administrativeShare.share).toBeLessThan(0.4);
    }
    for (const met of [rows.supervision, rows.training]) {
      const share = met.filter(Boolean).length / met.length;
      expect(share).toBeGreaterThan(0.6);
      expect(share).toBeLessThan(1);
    }
    expect(summary.supervision).toMatchObject({ supervisors: 3, serviceReports: 100 });
  });

  it('records the voided session, the corrected one and the corrected monthly report', async () => {
    const workers = await listed('/social-workers');
    const ledgers = await Promise.all(workers.map((w) => t.get(`/social-workers/${w.id}/ledger?year=2026`)));
    expect(ledgers.every((l) => l.data.figures.supervision.attested.minutes + l.data.figures.supervision.unattested.minutes > 0)).toBe(true);
    const stations = await listed('/stations');
    const stationNamed = (name: string) => stations.find((s) => s.name === name);
    const baoshan = stationNamed('鲍山街道社工站');
    type Seen = { sessionId: string; stationId: string; heldOn: string; durationMinutes: number };
    const sessions = new Map<string, Seen>(ledgers.flatMap((l) => l.data.sessions.map((s: Seen) => [s.sessionId, s])));
    const onDay = (stationId: string, heldOn: string) => [...sessions.values()].filter((s) => s.stationId === stationId && s.heldOn === heldOn);
    const [corrected] = onDay(baoshan.id, '2026-04-05');
    expect(corrected.durationMinutes).toBe(120);
    expect((await t.get(`/supervision-sessions/${corrected.sessionId}`)).data.corrections).toHaveLength(1);
    // The duplicate logged for 王舍人 on 3 June was voided: one session that day remains.
    expect(onDay(stationNamed('王舍人街道社工站').id, '2026-06-03')).toHaveLength(1);
    const { data: report } = await t.get(`/service-reports?stationId=${baoshan.id}&month=2026-05`);
    expect(report.revisions).toHaveLength(3);
    expect(report.output.correction).toEqual({ reason: '5月结案数漏报1件,补报更正' });
  });

  it('plays out a renewal round: the 2027 policy, both contracts reviewed, the first decided as its eligibility suggests', async () => {
    expect(summary.renewal).toMatchObject({ policies: 1, reviews: 2 });
    const [first] = summary.contracts;
    const { data: dossier } = await t.get(`/contracts/${first.id}/renewal-dossier?minPosition=${summary.lastPosition}`);
    expect(dossier.decisions).toEqual([expect.objectContaining({ decision: summary.renewal.decision, against: false })]);
    const expected = { eligible: 'renew', conditional: 'renew_with_conditions', ineligible: 'do_not_renew', insufficient_data: 'do_not_renew' };
    expect(summary.renewal.decision).toBe(expected[dossier.decisions[0].eligibilityStatus as keyof typeof expected]);
    const successors = (await listed('/contracts')).filter((c) => c.predecessorContractId === first.id);
    expect(successors).toHaveLength(summary.renewal.decision === 'do_not_renew' ? 0 : 1);
    const policies = await t.get('/renewal-policies');
    expect(policies.data.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('appends nothing when run a second time', async () => {
    const before = (await t.get<{ head: string }>('/health')).head;
    const again = await loadDemo(t.app, t.authorize);
    expect((await t.get<{ head: string }>('/health')).head).toBe(before);
    expect(again.headBefore).toBe(again.headAfter);
    expect(again.contracts.map((c) => c.id)).toEqual(summary.contracts.map((c) => c.id));
    expect(again.lastPosition).toBe(summary.lastPosition);
  });
});
