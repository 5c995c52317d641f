import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Measured, Section, summarize } from './report';
import { DataSet } from './data-sets';
import { benchPort, startBenchService } from './processes';
import { logEvents, sizeName } from './rebuild';

function fileBytes(path: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
}

/**
 * Start-up of the service on the data set with its read models current (time from spawning the
 * process to the first /health 200 saying ok), and the disk each event costs in the log and in
 * the read models.
 */
export async function startupSection(set: DataSet, runs: number, log: (line: string) => void): Promise<Section> {
  const seconds: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const service = await startBenchService(set.dataDir, benchPort());
    seconds.push(service.startSeconds);
    log(`  start-up run ${run}: ${service.startSeconds.toFixed(2)} s`);
    await service.stop();
  }
  const events = logEvents(set);
  const logBytes = fileBytes(join(set.dataDir, 'events.db'));
  const readModelBytes = fileBytes(join(set.dataDir, 'read-models.db'));
  const figures: Measured[] = [
    { name: `start-up to /health ok, read models current (${sizeName(set.scale)})`, unit: 's', runs: seconds, target: '< 10', met: summarize(seconds).median < 10 },
    { name: 'disk per event: the log (events.db)', unit: 'bytes/event', runs: [logBytes / events] },
    {
      name: 'disk per event: the read models (read-models.db)',
      unit: 'bytes/event',
      runs: [readModelBytes / events],
      target: '≤ the log',
      met: readModelBytes <= logBytes,
    },
  ];
  return {
    title: `Start-up and disk (${sizeName(set.scale)})`,
    figures,
    notes: [`${events.toLocaleString('en-US')} events; disk figures are one measurement of files that do not vary between runs.`],
  };
}
