// Required by a service process a test starts (startService's `preload`): once the process has
// appended a claim to a reservation stream, its next append to a stream whose id starts with
// HOLD_STREAMS_STARTING (the record the claim reserves) never happens. The process prints
// "HELD <stream>" and waits, so that the test can kill it with SIGKILL between the two appends.
const { SqliteEventStore } = require('@sws/event-store');

const prefix = process.env.HOLD_STREAMS_STARTING;
if (!prefix) throw new Error('HOLD_STREAMS_STARTING names the records to hold');

const append = SqliteEventStore.prototype.append;
let claimed = false;
let held = false;
SqliteEventStore.prototype.append = async function (streamId, events, expected) {
  if (claimed && !held && streamId.startsWith(prefix)) {
    held = true;
    process.stdout.write(`HELD ${streamId}\n`);
    return new Promise(() => {});
  }
  const result = await append.call(this, streamId, events, expected);
  if (events.some((event) => event.type.endsWith('Reserved'))) claimed = true;
  return result;
};
