import { formatSection, isSectionName } from './bench-store';
import { storeBenchOptionsFromEnvironment, storeSection } from './bench/store';

describe('the store benchmark', () => {
  it('measures appends and reads of the store, raw better-sqlite3 and emmett-sqlite, in runs, with their ratios', async () => {
    const section = await storeSection({ runs: 2, appends: 60, writers: 10, reads: 3000, emmettAppends: 30, synchronous: 'OFF' });
    const byName = new Map(section.figures.map((f) => [f.name, f]));
    for (const f of section.figures) {
      expect(f.runs).toHaveLength(2);
      f.runs.forEach((value) => expect(value).toBeGreaterThan(0));
    }
    const raw = byName.get('append, raw better-sqlite3 (1 event per transaction)')!;
    const single = byName.get('append, SqliteEventStore, 1 writer')!;
    const ratio = byName.get('append store/raw, 1 writer')!;
    expect(ratio.runs).toEqual(single.runs.map((rate, i) => rate / raw.runs[i]!));
    const emmett = byName.get('append, emmett-sqlite 0.38.5, 1 writer')!;
    expect(byName.get('append store/emmett-sqlite, 1 writer each')!.runs).toEqual(single.runs.map((rate, i) => rate / emmett.runs[i]!));
    expect(byName.get('append store/emmett-sqlite, 1 writer each')!.target).toBe('≥ 10');
    const read = byName.get('read-all store/raw')!;
    expect(read.met).toBe((read.runs[0]! + read.runs[1]!) / 2 >= 0.5);
    // Ten writers at once are committed together: more than one append per commit.
    expect(byName.get('append, SqliteEventStore, 10 concurrent writers')!.note).toMatch(/group commit: (\d+\.\d) appends per commit/);
    expect(Number(/group commit: (\d+\.\d)/.exec(byName.get('append, SqliteEventStore, 10 concurrent writers')!.note!)![1])).toBeGreaterThan(1);
  }, 60_000);

  it('prints a section with median, min and max, and MISSED for a target not met', () => {
    const text = formatSection({
      title: 'T',
      figures: [
        { name: 'append store/raw', unit: '×', runs: [0.4, 0.3, 0.45], target: '≥ 0.5', met: false },
        { name: 'read', unit: 'events/s', runs: [1000, 3000, 2000] },
      ],
    });
    expect(text).toMatch(/append store\/raw\s+×\s+0\.40\s+0\.30\s+0\.45\s+3\s+≥ 0\.5\s+MISSED/);
    expect(text).toMatch(/read\s+events\/s\s+2,000\s+1,000\s+3,000\s+3/);
  });

  it('takes its sizes and durability from the environment, FULL by default', () => {
    expect(storeBenchOptionsFromEnvironment({})).toEqual({ runs: 3, appends: 5000, writers: 50, reads: 200_000, emmettAppends: 1000, synchronous: 'FULL' });
    expect(storeBenchOptionsFromEnvironment({ BENCH_EVENTS: '10', BENCH_READ_EVENTS: '20', BENCH_SYNCHRONOUS: 'normal' })).toMatchObject({
      appends: 10,
      reads: 20,
      synchronous: 'NORMAL',
    });
    expect(() => storeBenchOptionsFromEnvironment({ BENCH_EVENTS: '-1' })).toThrow(/BENCH_EVENTS/);
    expect(isSectionName('commands')).toBe(true);
    expect(isSectionName('nonsense')).toBe(false);
  });
});
