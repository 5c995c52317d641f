import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateHistory } from '../generate/generator';
import { benchDataDir } from '../generate/options';

export interface DataSet {
  readonly scale: number;
  readonly years: number;
  readonly seed: number;
  /** The data directory: events.db, and read-models.db once a rebuild or a start made it. */
  readonly dataDir: string;
}

/**
 * A generated data set, cached under data/bench/ (git-ignored) by scale, years and seed: made
 * once, reused by every section and later runs. A set whose generation was interrupted left only
 * `events.db.partial`, so it is made again.
 */
export function dataSet(scale: number, years: number, seed: number, log: (line: string) => void): DataSet {
  const dataDir = benchDataDir(scale, years, seed);
  if (!existsSync(join(dataDir, 'events.db'))) {
    mkdirSync(dataDir, { recursive: true });
    log(`generating the data set at scale ${scale}, ${years} year(s), seed ${seed} into ${dataDir}...`);
    let lastShown = 0;
    const result = generateHistory({ scale, years, seed, lastYear: 2025, dataDir, threaded: true }, (p) => {
      if (p.monthIndex - lastShown >= 6 || p.monthIndex === p.months) {
        lastShown = p.monthIndex;
        log(`  month ${p.month}: ${p.events.toLocaleString('en-US')} events`);
      }
    });
    log(`  ${result.events.toLocaleString('en-US')} events in ${result.seconds.toFixed(1)} s (${Math.round(result.eventsPerSecond).toLocaleString('en-US')} events/s)`);
  }
  return { scale, years, seed, dataDir };
}
