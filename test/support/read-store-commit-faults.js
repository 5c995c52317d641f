// Required by a service process a test starts (startService's `preload`; worker threads load it
// too, as they inherit the process's -r options): committing to the read-model store fails on one
// kind of thread, chosen by FAIL_COMMITS_ON:
// - `service` (the default): the thread answering requests. A service folding its read models
//   there stops its projections (/health says degraded, reads wait in vain); folding on a
//   projection thread is unaffected.
// - `projection`: a worker thread (the projection thread of PROJECTIONS=thread), whose failure the
//   service must report.
const { isMainThread } = require('node:worker_threads');

const failOn = process.env.FAIL_COMMITS_ON ?? 'service';
if (failOn !== 'service' && failOn !== 'projection') throw new Error(`FAIL_COMMITS_ON takes service or projection, not ${failOn}`);

if (isMainThread === (failOn === 'service')) {
  const { SqliteReadStore } = require('@sws/read-store');
  SqliteReadStore.prototype.commit = async function () {
    throw new Error(`a read-store commit on the ${failOn} thread (FAIL_COMMITS_ON=${failOn})`);
  };
}
