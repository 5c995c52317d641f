import { commandsBenchOptionsFromEnvironment, forTesting } from './commands';

const { sessionBody, assessmentBody, commandFigures, loadStationBody } = forTesting;

const principal = (i: number) => ({ userId: `u${i}`, role: 'supervisor' as const, orgId: 'x', supervisorId: `sup${i}` });
const fixtures = {
  contractId: 'c',
  evaluator: { userId: 'e', role: 'evaluator' as const, orgId: 'o' },
  workers: Array.from({ length: 50 }, (_, i) => ({ stationId: `s${i % 10}`, socialWorkerId: `w${i}` })),
  supervisors: Array.from({ length: 7 }, (_, i) => principal(i)),
  stationIds: Array.from({ length: 30 }, (_, i) => `s${i}`),
  denseSessions: false,
};

/** The national shape's fixtures as the defaults seed them: 500 supervisors, 1,000 workers ten to a station. */
const national = {
  ...fixtures,
  workers: Array.from({ length: 1000 }, (_, i) => ({ stationId: `s${i % 100}`, socialWorkerId: `w${i}` })),
  supervisors: Array.from({ length: 500 }, (_, i) => principal(i)),
};

describe('the commands benchmark', () => {
  it.each([
    ['national', fixtures, 7 * 11 * 26],
    ['dense', { ...fixtures, denseSessions: true }, 2000],
  ])("never gives one supervisor two sessions that overlap, and keeps every session in the contract's year and before today (%s shape)", (_, shape, count) => {
    const bySupervisor = new Map<string, Array<{ start: number; end: number }>>();
    for (let n = 0; n < count; n++) {
      const { as, body } = sessionBody(shape, n);
      const start = Date.parse(`${body.heldOn}T${body.startTime}:00+08:00`);
      expect(Number.isNaN(start)).toBe(false);
      const end = start + body.durationMinutes * 60_000;
      expect(body.heldOn >= '2026-01-01' && body.heldOn < '2026-12-01').toBe(true);
      const mine = bySupervisor.get(as.supervisorId!) ?? [];
      expect(mine.some((other) => start < other.end && other.start < end)).toBe(false);
      mine.push({ start, end });
      bySupervisor.set(as.supervisorId!, mine);
    }
    expect(bySupervisor.size).toBe(7);
  });

  it('says plainly when the national shape runs out of days for its supervisors', () => {
    expect(() => sessionBody(fixtures, 7 * 11 * 26)).toThrow(/more than 7 supervisors/);
  });

  it("gives a supervisor's month and a worker's year about as many sessions as the national data set does, where the dense shape gives tens and hundreds", () => {
    const density = (shape: typeof fixtures, sessions: number) => {
      const months = new Map<string, number>();
      const years = new Map<string, number>();
      for (let n = 0; n < sessions; n++) {
        const { as, body } = sessionBody(shape, n);
        const month = `${as.supervisorId} ${body.heldOn.slice(0, 7)}`;
        months.set(month, (months.get(month) ?? 0) + 1);
        for (const worker of body.superviseeIds) years.set(worker, (years.get(worker) ?? 0) + 1);
        expect(shape.workers.find((w) => w.socialWorkerId === body.superviseeIds[0])!.stationId).toBe(body.stationId);
      }
      return { month: Math.max(...months.values()), year: Math.max(...years.values()) };
    };
    // The defaults: 1,000 sessions to warm up, then three runs of 5,000.
    expect(density(national, 16_000)).toEqual({ month: 3, year: 16 });
    expect(density({ ...national, supervisors: national.supervisors.slice(0, 200), workers: fixtures.workers, denseSessions: true }, 16_000)).toEqual({
      month: 80,
      year: 320,
    });
  });

  it('starts each assessment for its own station, period and assessor kind, and consecutive ones at different stations', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 30 * 36; n++) {
      const body = assessmentBody(fixtures, n);
      const key = `${body.stationId} ${body.period.from} ${body.assessorKind}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      if (n > 0) expect(body.stationId).not.toBe(assessmentBody(fixtures, n - 1).stationId);
    }
    expect(() => assessmentBody(fixtures, 30 * 36)).toThrow(/more than 30 stations/);
  });

  it('reports each command beside the bare POST of the same run, and counts every non-2xx answer', () => {
    const run = (perSecond: number, non2xx = 0) => ({ perSecond, p50: 5, p99: 40, non2xx, errors: 0, behind: { atStart: 0, max: 0 } });
    const section = commandFigures(
      { bare: [run(1000), run(2000), run(4000)], station: [run(500), run(800), run(1200, 2)], session: [], assessment: [] },
      { ...commandsBenchOptionsFromEnvironment({}), runs: 3 },
    );
    const byName = new Map(section.figures.map((f) => [f.name, f]));
    expect(byName.get('POST /stations (register a station) / bare POST')!.runs).toEqual([0.5, 0.4, 0.3]);
    expect(byName.get('POST /stations (register a station) / bare POST')!.met).toBe(true);
    expect(byName.get('POST /stations (register a station)')!.met).toBe(false);
    expect(byName.get('POST /stations (register a station)')!.note).toMatch(/non-2xx or errors: 2/);
    expect(byName.get('POST /stations (register a station) non-2xx or errors')).toMatchObject({ runs: [0, 0, 2], met: false });
    expect(byName.get('POST /stations (register a station) p99')!.met).toBe(true);
    expect(byName.has('POST /supervision-sessions (log a session)')).toBe(false);
  });

  it('registers the stations under load in the real counties in turn, each growing alike, unless told to keep them in one county', () => {
    const options = commandsBenchOptionsFromEnvironment({});
    const bodies = Array.from({ length: 16_000 }, (_, n) => loadStationBody(options, n));
    const byCounty = new Map<string, number>();
    for (const { region } of bodies) {
      expect(region.code).toMatch(/^\d{9}$/);
      byCounty.set(region.code.slice(0, 6), (byCounty.get(region.code.slice(0, 6)) ?? 0) + 1);
    }
    expect(byCounty.size).toBeGreaterThan(400);
    expect(Math.max(...byCounty.values()) - Math.min(...byCounty.values())).toBeLessThanOrEqual(1);
    // The first of a county's: a real county with its city and province, and a township code of its own.
    expect(bodies.find((b) => b.region.code.startsWith('370112'))!.region).toMatchObject({ province: '山东省', city: '济南市', county: '历城区', code: '370112001' });
    expect(new Set(bodies.map((b) => b.region.code)).size).toBe(bodies.length);
    const oneCounty = commandsBenchOptionsFromEnvironment({ BENCH_ONE_COUNTY: '1' });
    expect(new Set(Array.from({ length: 2000 }, (_, n) => loadStationBody(oneCounty, n).region.code.slice(0, 6)))).toEqual(new Set(['370112']));
  });

  it('refuses an unknown command in BENCH_ONLY', () => {
    expect(commandsBenchOptionsFromEnvironment({ BENCH_ONLY: 'sessions' }).only).toEqual(['sessions']);
    expect(() => commandsBenchOptionsFromEnvironment({ BENCH_ONLY: 'sessions,nonsense' })).toThrow(/nonsense/);
  });
});
