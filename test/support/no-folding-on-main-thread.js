// Required by a service process a test starts (startService's `preload`; worker threads load it
// too, as they inherit the process's -r options): on the thread answering requests, committing to
// the read-model store fails, so a service that folds its read models there stops its projections
// (/health says degraded and reads wait in vain); folding on a thread of its own is unaffected.
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  const { SqliteReadStore } = require('@sws/read-store');
  SqliteReadStore.prototype.commit = async function () {
    throw new Error('the thread answering requests committed to the read-model store');
  };
}
