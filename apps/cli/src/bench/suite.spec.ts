import { formatMarkdown, formatTable, parseSuiteOptions, SuiteUsageError } from './suite';
import { Section } from './report';

const SECTION: Section = {
  title: 'Query latency (city)',
  figures: [
    { name: 'station scorecard: p99', unit: 'ms', runs: [4, 12, 6], target: 'p99 < 10 ms', met: true },
    { name: 'region rollup, city: p99', unit: 'ms', runs: [150, 180, 170], target: 'p99 < 10 ms', met: false },
  ],
  notes: ['200 sequential requests per query and run'],
};

describe('the benchmark suite', () => {
  it('prints min, median and max of each figure with its target and whether it is met', () => {
    const table = formatTable([SECTION]);
    expect(table).toMatch(/station scorecard: p99\s+ms\s+4\.00\s+6\.00\s+12\.00\s+3\s+p99 < 10 ms\s+met/);
    expect(table).toMatch(/region rollup, city: p99\s+ms\s+150\s+170\s+180\s+3\s+p99 < 10 ms\s+MISSED/);
  });

  it('writes BENCHMARKS.md with the machine, versions, the command and the date', () => {
    const machine = { cpu: 'Test CPU', cores: 2, memoryGb: 8, node: 'v20.0.0', sqlite: '3.45.0', load: [1.5, 1.2, 0.9], packages: { 'better-sqlite3': '12.0.0' } };
    const markdown = formatMarkdown([SECTION], machine, 'npm run bench -- --scale 0.01', new Date('2026-12-02T14:00:00Z'));
    for (const expected of ['| CPU | Test CPU |', '| cores | 2 |', '| Node | v20.0.0 |', '| SQLite | 3.45.0 |', '| better-sqlite3 | 12.0.0 |', '| load average (1, 5, 15 min) at the end | 1.5, 1.2, 0.9 |', '`npm run bench -- --scale 0.01`', '2026-12-02 14:00 UTC']) {
      expect(markdown).toContain(expected);
    }
    expect(markdown).toContain('| region rollup, city: p99 | ms | 150 | 170 | 180 | 3 | p99 < 10 ms | **missed** |');
    expect(markdown).toContain('- 200 sequential requests per query and run');
  });

  it('takes its options, writes BENCHMARKS.md only for the whole suite, and refuses unknown sections', () => {
    expect(parseSuiteOptions([])).toMatchObject({ scale: 1, years: 5, runs: 3, only: null, out: 'BENCHMARKS.md' });
    expect(parseSuiteOptions(['--only', 'queries', '--scale', '0.01'])).toMatchObject({ only: 'queries', scale: 0.01, out: null });
    expect(() => parseSuiteOptions(['--only', 'nope'])).toThrow(SuiteUsageError);
    expect(() => parseSuiteOptions(['--runs', '0'])).toThrow(/--runs 0/);
  });
});
