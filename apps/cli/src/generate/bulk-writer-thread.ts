import { renameSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openPartialLog, RowBatch } from './bulk-writer';

/**
 * The generator's SQLite writer on its own thread: it takes batches of rows (transferred
 * buffers, see RowBatch), inserts each in one transaction, and counts the batches done in shared memory, which the generating
 * thread waits on so that no more than a few batches are ever in flight.
 */
const { partial, file, shared } = workerData as { partial: string; file: string; shared: SharedArrayBuffer };
const counters = new Int32Array(shared);
const log = openPartialLog(partial);

function signal(index: number, value?: number): void {
  if (value === undefined) Atomics.add(counters, index, 1);
  else Atomics.store(counters, index, value);
  Atomics.notify(counters, index);
}

parentPort!.on('message', (message: Partial<RowBatch> & { finish?: boolean }) => {
  try {
    if (message.text !== undefined) {
      log.insertRowBatch(message as RowBatch);
      signal(0);
    } else if (message.finish) {
      log.close();
      renameSync(partial, file);
      signal(0);
      parentPort!.close();
    }
  } catch (error) {
    process.stderr.write(`the log writer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    signal(1, 1);
    signal(0);
  }
});
