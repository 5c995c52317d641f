import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@sws/event-store';
import { ProjectionPump } from '@sws/read-store';
import { PROJECTIONS } from './projections';
import { openSqliteEventStore, openSqliteReadStore } from './stores';
import { CommitsTold, FromThread, threadError, ThreadData, ToThread } from './projection-thread';

/**
 * The projection thread of an API process started with PROJECTIONS=thread: every projection,
 * folded through one pump on connections of its own to the data directory's two files, so that
 * the folding and its read-model commits run on the second core, not on the one answering
 * requests. It reports where each read model stands after every move; the service's thread tells
 * it when it committed events.
 */
async function run(port: NonNullable<typeof parentPort>, settings: ThreadData): Promise<void> {
  const told = new CommitsTold(settings.told);
  const post = (message: FromThread) => port.postMessage(message);
  const events = openSqliteEventStore(settings) as SqliteEventStore;
  const store = openSqliteReadStore(settings);
  const pump = new ProjectionPump(events, store, PROJECTIONS, {
    onError: (error) => post({ kind: 'failed', error: threadError(error) }),
    onMoved: () => post({ kind: 'moved', positions: positions() }),
    commitIntervalMs: settings.commitIntervalMs,
  });
  const positions = () => PROJECTIONS.map((projection) => pump.positionOf(projection.name));
  port.on('message', (message: ToThread) => {
    if (message === 'appended') {
      told.heard();
      events.appendedElsewhere();
    }
    else if (message === 'stop') {
      void (async () => {
        await pump.stop();
        await store.close();
        await events.close();
        port.close();
      })();
    }
  });
  await pump.start();
  post({ kind: 'started', positions: positions() });
  if (await pump.whenCaughtUp()) post({ kind: 'caughtUp' });
}

if (!parentPort) throw new Error('projection-thread.worker runs as a worker thread of the service');
run(parentPort, workerData as ThreadData).catch((error) => {
  parentPort!.postMessage({ kind: 'failed', error: threadError(error) } satisfies FromThread);
});
