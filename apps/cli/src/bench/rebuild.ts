import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Measured, Section, summarize } from './report';
import { dataSet, DataSet } from './data-sets';
import { runCliMeasured } from './processes';

export interface RebuildOptions {
  readonly scales: readonly number[];
  readonly years: number;
  readonly seed: number;
  readonly runs: number;
}

/** How many events a data set's log holds. */
export function logEvents(set: DataSet): number {
  const db = new Database(join(set.dataDir, 'events.db'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) FROM events').pluck().get() as number) ?? 0;
  } finally {
    db.close();
  }
}

const SIZE_NAMES: Record<string, string> = { '0.01': 'city', '0.1': 'province', '1': 'national' };
export const sizeName = (scale: number) => SIZE_NAMES[String(scale)] ?? `scale ${scale}`;

/**
 * Rebuilds of every read model (`rebuild --all`, a child process) at each size, so growth shows:
 * events/s over the whole log, wall time, and the child's peak memory. Each run folds the whole
 * log again; the last leaves the data set's read models current for the query and start-up sections.
 */
export async function rebuildSection(options: RebuildOptions, log: (line: string) => void): Promise<Section> {
  const figures: Measured[] = [];
  const notes: string[] = [];
  const passes = new Set<string>();
  for (const scale of options.scales) {
    const set = dataSet(scale, options.years, options.seed, log);
    const events = logEvents(set);
    const perSecond: number[] = [];
    const wall: number[] = [];
    const rss: number[] = [];
    for (let run = 1; run <= options.runs; run++) {
      log(`rebuild --all at ${sizeName(scale)} (${events.toLocaleString('en-US')} events), run ${run} of ${options.runs}...`);
      const done = await runCliMeasured(['rebuild', '--all'], { DATA_DIR: set.dataDir });
      if (done.status !== 0) throw new Error(`rebuild --all exited with ${done.status}:\n${done.stderr.slice(-2000)}`);
      const folded = /in (one pass|\d+ parts, a pass each):/.exec(done.stderr);
      if (folded) passes.add(folded[1]!);
      perSecond.push(events / done.seconds);
      wall.push(done.seconds);
      if (done.peakRssBytes !== null) rss.push(done.peakRssBytes / 1_048_576);
      log(`  ${done.seconds.toFixed(1)} s, ${Math.round(events / done.seconds).toLocaleString('en-US')} events/s, peak ${rss[rss.length - 1]?.toFixed(0) ?? '?'} MB`);
    }
    const label = `${sizeName(scale)} (${events.toLocaleString('en-US')} events)`;
    const rate = summarize(perSecond).median;
    figures.push({ name: `rebuild --all, ${label}`, unit: 'events/s', runs: perSecond, target: '≥ 50,000', met: rate >= 50_000 });
    figures.push({ name: `rebuild --all, ${label}: wall time`, unit: 's', runs: wall, ...(scale === 1 ? { target: '< 360', met: summarize(wall).median < 360 } : {}) });
    if (rss.length > 0) figures.push({ name: `rebuild --all, ${label}: peak RSS`, unit: 'MB', runs: rss, note: 'bounded by the working set, not the log' });
    const readModels = join(set.dataDir, 'read-models.db');
    if (existsSync(readModels)) notes.push(`${label}: read-models.db ${(statSync(readModels).size / 1_048_576).toFixed(0)} MB after the rebuild`);
  }
  const how = passes.size === 0 ? '' : ` (${[...passes].join(' or ')}${process.env.REBUILD_PARTS ? `, REBUILD_PARTS=${process.env.REBUILD_PARTS}` : ', as REBUILD_PARTS defaults to on this machine'})`;
  notes.push(`events/s is the log's event count over the child process's wall time (start-up included), every read model folded in one \`rebuild --all\`${how}.`);
  return { title: 'Rebuild of all read models', figures, notes };
}
