import { parentPort, workerData } from 'node:worker_threads';
import { PartMessage, PartTask, rebuildPart } from './rebuild-in-parts';

/** One part of a rebuild in parts (see rebuildAllInParts), on a worker thread of its own. */
const post = (message: PartMessage) => parentPort!.postMessage(message);
let last = 0;
rebuildPart(workerData as PartTask, (events) => {
  if (events - last < 10_000) return;
  last = events;
  post({ kind: 'progress', events });
})
  .then((results) => post({ kind: 'done', results }))
  .catch((error: unknown) => post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
