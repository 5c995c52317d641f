// Required by a service process a test starts (startService's `preload`), to give its embedded
// event store the faults of a slower or failing one:
// - SLOW_APPENDS_MS: every append waits that long first, as a networked store would, so that
//   concurrent commands (in this process and others) interleave;
// - HOLD_STREAMS_STARTING: once the process has appended a claim to a reservation stream, its next
//   append to a stream whose id starts with this (the record the claim reserves) never happens;
//   the process prints "HELD <stream>" and waits, so that the test can kill it with SIGKILL
//   between the two appends.
const { SqliteEventStore } = require('@sws/event-store');

const slowMs = Number(process.env.SLOW_APPENDS_MS ?? 0);
const holdPrefix = process.env.HOLD_STREAMS_STARTING;

const append = SqliteEventStore.prototype.append;
let claimed = false;
let held = false;
SqliteEventStore.prototype.append = async function (streamId, events, expected) {
  if (holdPrefix && claimed && !held && streamId.startsWith(holdPrefix)) {
    held = true;
    process.stdout.write(`HELD ${streamId}\n`);
    return new Promise(() => {});
  }
  if (slowMs > 0) await new Promise((resolve) => setTimeout(resolve, slowMs));
  const result = await append.call(this, streamId, events, expected);
  if (events.some((event) => event.type.endsWith('Reserved'))) claimed = true;
  return result;
};
