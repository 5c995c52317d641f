import { EventTypeRegistry, Projection } from '@sws/kernel';
import { EventStore, InMemoryEventStore, uuidV7 } from '@sws/event-store';
import { InMemoryReadStore } from './in-memory-read-store';
import { ProjectionRunner } from './projection-runner';

type Count = { station: string; visits: number };

const visits = (version = 1): Projection<Count> => ({
  name: 'visits',
  version,
  collection: 'visits',
  handles: ['Visited'],
  documentIds: (event) => [event.data.station],
  evolve: (document, event) => ({ station: event.data.station, visits: (document?.visits ?? 0) + 1 }),
});

const registry = () => new EventTypeRegistry([{ type: 'Visited', schemaVersion: 1 }, { type: 'Ignored', schemaVersion: 1 }]);

async function visit(store: EventStore, station: string, type = 'Visited') {
  const metadata = {
    eventId: uuidV7(),
    actor: { userId: 'u', role: 'admin', orgId: null },
    occurredAt: '2026-01-01',
    recordedAt: '2026-01-01T00:00:00Z',
    correlationId: 'c',
    causationId: null,
  };
  return store.append(`Visit-${uuidV7()}`, [{ type, data: { station }, metadata }], 'no_stream');
}

describe('projection runner', () => {
  let events: InMemoryEventStore;
  let read: InMemoryReadStore;

  beforeEach(() => {
    events = new InMemoryEventStore(registry());
    read = new InMemoryReadStore();
  });

  it('folds history into documents and stores the checkpoint with them', async () => {
    await visit(events, 'a');
    await visit(events, 'a');
    const last = await visit(events, 'b');
    const runner = new ProjectionRunner(visits(), events, read, { batchSize: 2 });
    await runner.catchUp();
    expect(await read.get('visits', 'a')).toEqual({ station: 'a', visits: 2 });
    expect(await read.get('visits', 'b')).toEqual({ station: 'b', visits: 1 });
    expect(await read.checkpoint('visits')).toEqual({ position: last.position, version: 1 });
  });

  it('moves its checkpoint past events it does not handle', async () => {
    const last = await visit(events, 'a', 'Ignored');
    await new ProjectionRunner(visits(), events, read).catchUp();
    expect(await read.get('visits', 'a')).toBeNull();
    expect((await read.checkpoint('visits'))?.position).toBe(last.position);
  });

  it('resumes from its checkpoint without folding an event twice', async () => {
    await visit(events, 'a');
    await new ProjectionRunner(visits(), events, read).catchUp();
    await visit(events, 'a');
    await new ProjectionRunner(visits(), events, read).catchUp();
    expect(await read.get('visits', 'a')).toEqual({ station: 'a', visits: 2 });
  });

  it('rebuilds from the start when the projection version changes', async () => {
    await visit(events, 'a');
    await new ProjectionRunner(visits(1), events, read).catchUp();
    await read.commit('visits', 1, [{ collection: 'visits', id: 'stale', document: { station: 'stale', visits: 9 } }], (await read.checkpoint('visits'))!.position);
    await new ProjectionRunner(visits(2), events, read).catchUp();
    expect(await read.get('visits', 'stale')).toBeNull();
    expect(await read.get('visits', 'a')).toEqual({ station: 'a', visits: 1 });
    expect((await read.checkpoint('visits'))?.version).toBe(2);
  });

  it('follows live appends and lets a reader wait for its own write', async () => {
    const runner = new ProjectionRunner(visits(), events, read);
    await runner.start();
    const { position } = await visit(events, 'live');
    expect(await runner.waitFor(position, 2000)).toBe(true);
    expect(await read.get('visits', 'live')).toEqual({ station: 'live', visits: 1 });
    await runner.stop();
  });

  it('gives up waiting after the bound and says so', async () => {
    const runner = new ProjectionRunner(visits(), events, read);
    const { position } = await visit(events, 'never-projected');
    expect(await runner.waitFor(position, 20)).toBe(false);
  });

  it('reports progress while catching up', async () => {
    for (let i = 0; i < 5; i++) await visit(events, 'a');
    const seen: number[] = [];
    const result = await new ProjectionRunner(visits(), events, read, { batchSize: 2 }).catchUp((p) =>
      seen.push(p.events),
    );
    expect(seen).toEqual([2, 4, 5]);
    expect(result.events).toBe(5);
  });
});
