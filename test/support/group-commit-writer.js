// Run by group-commit-crash.e2e-spec.ts as a process of its own (built code): WRITERS loops
// append to the embedded store at once, so that their appends are committed in groups, half of
// them racing on one shared stream. Each answered append is printed as "ACK <stream> <revision>
// <position>" the moment it is answered; the test kills the process with SIGKILL mid-burst.
const { EventTypeRegistry } = require('@sws/kernel');
const { SqliteEventStore, uuidV7 } = require('@sws/event-store');

const store = new SqliteEventStore(process.env.EVENTS_FILE, new EventTypeRegistry([{ type: 'Written', schemaVersion: 1 }]), {
  synchronous: 'FULL',
});
const writers = Number(process.env.WRITERS ?? 16);
const event = (n) => ({
  type: 'Written',
  data: { n },
  metadata: {
    eventId: uuidV7(),
    actor: { userId: 'writer', role: 'admin', orgId: null },
    occurredAt: '2026-03-01',
    recordedAt: '2026-03-02T08:00:00.000+08:00',
    correlationId: 'c',
    causationId: null,
  },
});

async function writer(w) {
  const own = `Writer-${w}`;
  let ownRevision = 'no_stream';
  let sharedRevision = 'no_stream';
  for (let n = 0; ; n++) {
    const [streamId, expected] = n % 2 === 0 ? [own, ownRevision] : ['Shared', sharedRevision];
    try {
      const { nextRevision, position } = await store.append(streamId, [event(n)], expected);
      process.stdout.write(`ACK ${streamId} ${nextRevision} ${position}\n`);
      if (streamId === own) ownRevision = nextRevision;
      else sharedRevision = nextRevision;
    } catch (error) {
      if (error.name !== 'WrongExpectedRevision') throw error;
      sharedRevision = error.actual;
    }
  }
}

for (let w = 0; w < writers; w++) writer(w).catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
