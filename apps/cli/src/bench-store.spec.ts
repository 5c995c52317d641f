import { benchOptionsFromEnvironment, benchStore, formatBenchReport } from './bench-store';

describe('the store benchmark', () => {
  it('measures appends and reads against raw better-sqlite3 and reports the ratios', async () => {
    const report = await benchStore({ appends: 50, reads: 3000, synchronous: 'OFF' });
    expect(report.figures.map((f) => f.operation)).toEqual(['append', 'read']);
    for (const f of report.figures) {
      expect(f.rawPerSecond).toBeGreaterThan(0);
      expect(f.storePerSecond).toBeGreaterThan(0);
      expect(f.ratio).toBeCloseTo(f.storePerSecond / f.rawPerSecond);
      expect(f.met).toBe(f.ratio >= 0.5);
    }
  });

  it('says MISSED for a figure below half the raw rate', () => {
    const text = formatBenchReport({
      options: { appends: 10, reads: 10, synchronous: 'FULL' },
      figures: [
        { operation: 'append', events: 10, rawPerSecond: 1000, storePerSecond: 400, ratio: 0.4, met: false },
        { operation: 'read', events: 10, rawPerSecond: 1000, storePerSecond: 900, ratio: 0.9, met: true },
      ],
    });
    expect(text).toMatch(/MISSED: append at 40% of raw/);
    expect(text).toMatch(/read \(pages of 1000\).*90%\s+met/);
  });

  it('takes its sizes and durability from the environment, FULL by default', () => {
    expect(benchOptionsFromEnvironment({})).toEqual({ appends: 5000, reads: 200_000, synchronous: 'FULL' });
    expect(benchOptionsFromEnvironment({ BENCH_EVENTS: '10', BENCH_READ_EVENTS: '20', BENCH_SYNCHRONOUS: 'normal' })).toEqual({
      appends: 10,
      reads: 20,
      synchronous: 'NORMAL',
    });
    expect(() => benchOptionsFromEnvironment({ BENCH_EVENTS: '-1' })).toThrow(/BENCH_EVENTS/);
  });
});
