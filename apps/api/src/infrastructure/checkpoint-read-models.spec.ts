import { InMemoryEventStore, Position } from '@sws/event-store';
import { InMemoryReadStore } from '@sws/read-store';
import { CheckpointReadModels } from './checkpoint-read-models';
import { AppConfig } from './config';
import { PROJECTIONS } from './projections';
import { PositionBeyondHead, ReadModelBehind } from './read-models.service';
import { eventTypeRegistry } from './stores';

const SUPERVISORS = PROJECTIONS.find((p) => p.name === 'supervisor-detail')!;
const at = (n: number) => String(n) as Position;

describe('read models of an API that runs no projection (PROJECTIONS=off)', () => {
  let events: InMemoryEventStore;
  let store: InMemoryReadStore;
  let readModels: CheckpointReadModels;
  let appended = 0;

  /**
   * The projector's commit: a document and the checkpoint moved from the stored one, as the pump
   * writes them (another version's read model is reset first, as the pump does on a version bump).
   */
  const project = async (position: number, name: string, version = SUPERVISORS.version) => {
    const stored = await store.checkpoint(SUPERVISORS.name);
    if (stored && stored.version !== version) await store.reset(SUPERVISORS.name, SUPERVISORS.collection);
    const from = stored && stored.version === version ? stored.position : null;
    await store.commit({
      changes: [{ collection: SUPERVISORS.collection, id: 'sv-1', document: { id: 'sv-1', name } }],
      checkpoints: [{ projection: SUPERVISORS.name, version, from, to: at(position) }],
    });
  };

  beforeEach(async () => {
    events = new InMemoryEventStore(eventTypeRegistry());
    store = new InMemoryReadStore();
    for (appended = 0; appended < 3; appended++) {
      const metadata = { eventId: `e-${appended}`, actor: { userId: 'u', role: 'admin', orgId: null }, occurredAt: 'x', recordedAt: 'x', correlationId: 'c', causationId: null };
      await events.append(`Supervisor-${appended}`, [{ type: 'SupervisorRegistered', data: {}, metadata: metadata as never }], 'no_stream');
    }
    readModels = new CheckpointReadModels(events, store, { readWaitMs: 300 } as AppConfig);
  });

  afterEach(() => readModels.onApplicationShutdown());

  it('reports the positions of the checkpoints the projector committed, and the documents beside them', async () => {
    await project(2, '陈晓红');
    await readModels.start();
    await readModels.started();
    expect(readModels.positionOf(SUPERVISORS.name)).toBe('2');
    expect(readModels.positionOf('station-detail')).toBeNull();
    expect(readModels.status()).toHaveLength(PROJECTIONS.length);
    expect(readModels.status().find((s) => s.projection === SUPERVISORS.name)).toEqual({ projection: SUPERVISORS.name, position: '2', failed: false });
    expect(await readModels.read(SUPERVISORS.name, 'sv-1', null)).toEqual({ document: { id: 'sv-1', name: '陈晓红' }, position: '2' });
    expect(await readModels.list(SUPERVISORS.name, 10)).toEqual({ rows: [{ id: 'sv-1', document: { id: 'sv-1', name: '陈晓红' } }], position: '2' });
  });

  it('waits for ?minPosition= by polling the checkpoint until the projector commits it', async () => {
    await project(1, '旧名');
    await readModels.start();
    setTimeout(() => void project(3, '新名'), 80);
    expect(await readModels.read(SUPERVISORS.name, 'sv-1', at(3))).toEqual({ document: { id: 'sv-1', name: '新名' }, position: '3' });
    expect(readModels.positionOf(SUPERVISORS.name)).toBe('3');
  });

  it('says the read model is behind (READ_MODEL_BEHIND) when the projector does not get there within READ_WAIT_MS, as in-process read models do', async () => {
    await project(1, '旧名');
    await readModels.start();
    const started = Date.now();
    await expect(readModels.read(SUPERVISORS.name, 'sv-1', at(3))).rejects.toBeInstanceOf(ReadModelBehind);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(readModels.progress()).toEqual({ caughtUp: false, failed: false, position: null });
  });

  it('refuses a position beyond the head of the log', async () => {
    await readModels.start();
    await expect(readModels.read(SUPERVISORS.name, 'sv-1', at(4))).rejects.toBeInstanceOf(PositionBeyondHead);
  });

  it('catches up with the log, for a command checking a rule, once the projector reaches the head', async () => {
    await project(1, '旧名');
    await readModels.start();
    setTimeout(() => void project(3, '新名'), 80);
    expect(await readModels.current(SUPERVISORS.name, 'sv-1')).toEqual({ id: 'sv-1', name: '新名' });
  });

  it('takes a read model as current without waiting when nothing its projection handles was appended since its checkpoint, and waits when something was', async () => {
    const append = (stream: string, type: string) => {
      const metadata = { eventId: `e-${appended++}`, actor: { userId: 'u', role: 'admin', orgId: null }, occurredAt: 'x', recordedAt: 'x', correlationId: 'c', causationId: null };
      return events.append(stream, [{ type, data: {}, metadata: metadata as never }], 'no_stream');
    };
    const within = <T>(ms: number, promise: Promise<T>) =>
      Promise.race([promise, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))]);
    await project(3, '陈晓红');
    await readModels.start();
    // A station's registration: no supervisor document changes with it.
    await append('Station-1', 'StationRegistered');
    expect(await within(1000, readModels.current(SUPERVISORS.name, 'sv-1'))).toEqual({ id: 'sv-1', name: '陈晓红' });
    // A supervisor's registration: the read model must fold it first.
    await append('Supervisor-9', 'SupervisorRegistered');
    expect(await within(300, readModels.current(SUPERVISORS.name, 'sv-1'))).toBe('still waiting');
    setTimeout(() => void project(5, '陈晓红（已更新）'), 50);
    expect(await readModels.current(SUPERVISORS.name, 'sv-1')).toEqual({ id: 'sv-1', name: '陈晓红（已更新）' });
  });

  it('counts a checkpoint another version of the projection wrote as no position', async () => {
    await project(3, '别的版本', SUPERVISORS.version + 1);
    await readModels.start();
    expect(readModels.positionOf(SUPERVISORS.name)).toBeNull();
    const reached = readModels.reach([SUPERVISORS.name], at(3));
    setTimeout(() => void project(3, '本版本'), 50);
    await reached;
    expect(readModels.positionOf(SUPERVISORS.name)).toBe('3');
  });
});
