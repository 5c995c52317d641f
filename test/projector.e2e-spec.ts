import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@sws/event-store';
import { addDays, dateInChina, EventMetadata, ReservationIntent } from '@sws/kernel';
import { SqliteReadStore } from '@sws/read-store';
import { Principal } from '../apps/api/src/auth/principal';
import { PROJECTIONS } from '../apps/api/src/infrastructure/projections';
import { eventTypeRegistry } from '../apps/api/src/infrastructure/stores';
import { rebuildProjections } from '../apps/cli/src/rebuild';
import { ADMIN, contractBody, COUNTY, creditCode, operatorOf, procurementOf, supervisorOf, township } from './support/fixtures';
import { Answer, serviceClient, SERVICE_ENV } from './support/service-client';
import legacy from './legacy/legacy-log.json';
import { ensureBuilt, exited, PROJECTOR_MAIN, ServiceProcess, startService } from './support/service-process';

const RACERS = 20;
const FAULTS = join(__dirname, 'support', 'service-store-faults.js');
/** The APIs read what the projector writes; their appends are slowed so that racing commands interleave. */
const API_ENV = { ...SERVICE_ENV, PROJECTIONS: 'off', SLOW_APPENDS_MS: '20', READ_WAIT_MS: '5000' };

/** A port from its own range of 2000, so that the processes of this file never pick the same. */
const randomPort = (from: number) => from + Math.floor(Math.random() * 2000);

/**
 * The production topology on one SQLite data directory (WAL lets several processes share it):
 * two API processes with PROJECTIONS=off, which run no projection, and one projector that runs
 * them all. Rules that span records are raced from both APIs; a write on one is read on the other
 * through ?minPosition=; the projector is killed mid-burst and restarted, and its read models are
 * compared with a rebuild of the same log.
 */
describe('two API processes with PROJECTIONS=off and one projector', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-projector-'));
  const projectorPort = randomPort(41000);
  let projector: ServiceProcess;
  const services: ServiceProcess[] = [];
  let apis: Array<ReturnType<typeof serviceClient>>;

  const today = dateInChina(new Date().toISOString());
  const term = { start: addDays(today, -200), end: addDays(today, 165) };
  let purchaserOrgId: string;
  let operatorOrgId: string;
  let stationId: string;
  let contractId: string;
  let supervisor: Principal;

  const startProjector = () => startService(dataDir, projectorPort, {}, { main: PROJECTOR_MAIN });
  const health = async (url: string) => (await fetch(`${url}/health`)).json();

  /** Waits until the projector's read models have all reached the head of the log. */
  async function projectorCaughtUp(): Promise<any> {
    for (let tries = 0; tries < 400; tries++) {
      const answer = await health(projector.url);
      if (answer.status === 'ok' && answer.head !== null) return answer;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the projector did not catch up: ${JSON.stringify(await health(projector.url))}`);
  }

  beforeAll(async () => {
    ensureBuilt();
    projector = await startProjector();
    for (const port of [randomPort(43000), randomPort(45000)]) services.push(await startService(dataDir, port, API_ENV, { preload: FAULTS }));
    apis = services.map((service) => serviceClient(service.url));
    const [a, b] = apis;
    const organization = (kind: string, prefix: string) => a.created('/organizations', { name: `${kind}机构`, kind, creditCode: creditCode(prefix), region: COUNTY });
    purchaserOrgId = (await organization('purchaser', '11')).id;
    operatorOrgId = (await organization('operator', '52')).id;
    stationId = (await b.created('/stations', { name: '第1社工站', kind: 'township', region: township(1), operatingModel: 'outsourced', villageCount: 9 })).id;
    const registered = await a.created('/supervisors', { name: '陈晓红', tier: 'city', affiliation: 'university' });
    supervisor = supervisorOf('org-sdu', registered.id);
  }, 120_000);

  afterAll(async () => {
    for (const service of [...services, projector]) {
      service.child.kill('SIGTERM');
      await exited(service.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function race(path: string, body: (n: number) => object, as: Principal): Promise<Answer[]> {
    return Promise.all(Array.from({ length: RACERS }, (_, n) => apis[n % 2].post(path, body(n), as)));
  }

  function exactlyOne(answers: Answer[], code: string): Answer {
    const accepted = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    expect({ accepted: accepted.length, refusals: [...new Set(refused.map((a) => `${a.status} ${a.body.code}`))] }).toEqual({ accepted: 1, refusals: [`422 ${code}`] });
    return accepted[0];
  }

  it('runs no projection in the APIs: each reports the positions the projector committed', async () => {
    const caughtUp = await projectorCaughtUp();
    for (const api of apis) {
      // The API's positions come from the checkpoints, refreshed every 200 ms.
      let answer: any;
      for (let tries = 0; tries < 50; tries++) {
        answer = await health(api.url);
        if (answer.status === 'ok') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(answer).toMatchObject({ status: 'ok', head: caughtUp.head });
      expect(answer.projections.map((p: any) => [p.projection, p.position])).toEqual(caughtUp.projections.map((p: any) => [p.projection, p.position]));
    }
  }, 30_000);

  it('reads a write made on one API from the other through ?minPosition=', async () => {
    for (const [writer, reader] of [
      [apis[0], apis[1]],
      [apis[1], apis[0]],
    ]) {
      const name = `社工${Math.floor(Math.random() * 1e6)}`;
      const { id, position } = await writer.created('/social-workers', { name, certification: 'assistant', socialWorkDegree: true }, operatorOf(operatorOrgId));
      const read = await reader.get(`/social-workers/${id}?minPosition=${position}`, operatorOf(operatorOrgId));
      expect(read.status).toBe(200);
      expect(read.body.data.name).toBe(name);
      expect(BigInt(read.body.position)).toBeGreaterThanOrEqual(BigInt(position));
    }
  }, 30_000);

  it('awards a station once of twenty awards sent to both APIs at once', async () => {
    const body = () => ({ purchaserOrgId, operatorOrgId, stationIds: [stationId], term, budget: { totalCny: 300000, sources: [{ kind: 'fiscal', amountCny: 300000 }] } });
    contractId = exactlyOne(await race('/contracts', body, procurementOf(purchaserOrgId)), 'STATION_ALREADY_CONTRACTED').body.id;
  }, 60_000);

  it('logs one of twenty overlapping sessions of one supervisor sent to both APIs at once', async () => {
    const workerId = (await apis[0].created('/social-workers', { name: '王芳', certification: 'assistant', socialWorkDegree: true }, operatorOf(operatorOrgId))).id;
    await apis[1].created(`/social-workers/${workerId}/assignments`, { contractId, stationId, post: 'resident', from: term.start }, operatorOf(operatorOrgId));
    const session = (n: number) => ({
      contractId,
      stationId,
      superviseeIds: [workerId],
      heldOn: addDays(today, -1),
      startTime: `${String(9 + Math.floor((n * 5) / 60)).padStart(2, '0')}:${String((n * 5) % 60).padStart(2, '0')}`,
      durationMinutes: 120,
      format: 'individual',
      functions: ['educational'],
      topics: ['个案评估'],
      summary: '讨论个案评估要点',
      followUps: [],
    });
    exactlyOne(await race('/supervision-sessions', session, supervisor), 'SESSION_OVERLAPS');
  }, 60_000);

  it('registers one of twenty organizations giving one credit code, sent to both APIs at once', async () => {
    const code = creditCode('52');
    const body = (n: number) => ({ name: `第${n}社会工作服务中心`, kind: 'operator', creditCode: code, region: COUNTY });
    exactlyOne(await race('/organizations', body, ADMIN), 'CREDIT_CODE_TAKEN');
  }, 60_000);

  it('leaves read models equal to a rebuild after the projector is killed mid-burst and restarted', async () => {
    const acks: Array<{ id: string; position: string }> = [];
    let stop = false;
    const writer = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const answer = await apis[n % 2].post('/social-workers', { name: `社工${n}-${i}`, certification: 'none', socialWorkDegree: false }, operatorOf(operatorOrgId));
        if (answer.status !== 201) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
        acks.push(answer.body);
      }
    };
    const waitForAcks = async (count: number) => {
      while (acks.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const writers = Promise.all([0, 1, 2, 3, 4, 5].map(writer));
    try {
      await waitForAcks(60);
      projector.child.kill('SIGKILL');
      await exited(projector.child);
      expect(projector.child.signalCode).toBe('SIGKILL');
      // Writes go on with no projector: the APIs say their read models are behind.
      await waitForAcks(acks.length + 40);
      const behind = await health(apis[1].url);
      expect(behind.status).toBe('catching_up');
      const lagging = behind.projections.find((p: any) => p.projection === 'social-worker-detail');
      expect(lagging.caughtUp).toBe(false);
      expect(lagging.behind).toBeGreaterThan(0);
      projector = await startProjector();
      await waitForAcks(acks.length + 60);
    } finally {
      stop = true;
      await writers;
    }
    const last = acks.reduce((a, b) => (BigInt(a.position) > BigInt(b.position) ? a : b));
    const read = await apis[0].get(`/social-workers/${last.id}?minPosition=${last.position}`, operatorOf(operatorOrgId));
    expect(read.status).toBe(200);
    const caughtUp = await projectorCaughtUp();

    const events = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry());
    const live = new SqliteReadStore(join(dataDir, 'read-models.db'));
    const rebuiltDir = mkdtempSync(join(tmpdir(), 'sws-projector-rebuild-'));
    const rebuilt = new SqliteReadStore(join(rebuiltDir, 'read-models.db'));
    try {
      expect(await events.headPosition()).toBe(caughtUp.head);
      await rebuildProjections('all', { events, readModels: rebuilt });
      for (const projection of PROJECTIONS) {
        expect(await live.checkpoint(projection.name)).toEqual(await rebuilt.checkpoint(projection.name));
      }
      for (const collection of new Set(PROJECTIONS.map((p) => p.collection))) {
        const all = (store: SqliteReadStore) => store.list(collection, { limit: 1_000_000 });
        const documents = await all(live);
        expect(documents).toEqual(await all(rebuilt));
        if (collection === 'social-workers') expect(documents.length).toBeGreaterThanOrEqual(acks.length);
      }
    } finally {
      await Promise.all([events.close(), live.close(), rebuilt.close()]);
      rmSync(rebuiltDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops on SIGTERM, promptly and without an error', async () => {
    const started = Date.now();
    projector.child.kill('SIGTERM');
    await exited(projector.child);
    expect(Date.now() - started).toBeLessThan(5000);
    // Nest closes the application (projections stopped, stores closed), then ends on the signal it was sent.
    expect({ signal: projector.child.signalCode, code: projector.child.exitCode }).toEqual({ signal: 'SIGTERM', code: null });
    expect(projector.output()).not.toMatch(/ERROR|Error:/);
  }, 30_000);
});

/**
 * The write path's waits on read models with PROJECTIONS=off: on a log made before reservation
 * streams, the first write to a key opens it from the rule's read model, which here is the
 * projector's, reached through its checkpoint.
 */
describe('a log made before reservation streams, with PROJECTIONS=off', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-projector-legacy-'));
  const processes: ServiceProcess[] = [];

  beforeAll(async () => {
    ensureBuilt();
    const log = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry());
    const revisions = new Map<string, number>();
    for (const { streamId, type, data, metadata } of legacy.events) {
      const revision = revisions.get(streamId);
      await log.append(streamId, [{ type, data, metadata: metadata as EventMetadata }], revision ?? 'no_stream');
      revisions.set(streamId, (revision ?? -1) + 1);
    }
    await log.close();
  });

  afterAll(async () => {
    for (const service of processes) {
      service.child.kill('SIGTERM');
      await exited(service.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a clash with a record that has no claim, read from what the projector wrote', async () => {
    // The API first: its start-up pass over pending reservations waits for the projector too.
    processes.push(await startService(dataDir, randomPort(47000), { ...SERVICE_ENV, PROJECTIONS: 'off' }));
    processes.push(await startService(dataDir, randomPort(49000), {}, { main: PROJECTOR_MAIN }));
    const api = serviceClient(processes[0].url);
    // Once the projector has folded the old records (a loaded machine may take longer than READ_WAIT_MS to start it).
    for (let tries = 0; tries < 400 && (await (await fetch(`${processes[1].url}/health`)).json()).status !== 'ok'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const ids = legacy.ids;
    const body = contractBody({ purchaserOrgId: ids.purchaser, operatorOrgId: ids.operator, stationIds: [ids.stations[0]] }, { term: { start: '2026-06-01', end: '2027-05-31' } });
    const clash = await api.post('/contracts', body, procurementOf(ids.purchaser));
    expect({ status: clash.status, code: clash.body.code, contractId: clash.body.details?.contractId }).toEqual({ status: 422, code: 'STATION_ALREADY_CONTRACTED', contractId: ids.contract });
  }, 60_000);
});

/**
 * The start-up pass over interrupted reserved writes with PROJECTIONS=off: it finds them in the
 * projector's pending-reservations read model. An API is killed between an award's claim and its
 * contract; the next API started on the data directory writes the contract the claim carries.
 */
describe('an API with PROJECTIONS=off killed between a claim and its record', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-projector-pending-'));
  const processes: ServiceProcess[] = [];

  beforeAll(() => ensureBuilt());
  afterAll(async () => {
    for (const service of processes) {
      service.child.kill('SIGKILL');
      await exited(service.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is finished at the next start from the pending reservations the projector keeps', async () => {
    processes.push(await startService(dataDir, randomPort(51000), {}, { main: PROJECTOR_MAIN }));
    const held = await startService(dataDir, randomPort(53000), { ...SERVICE_ENV, PROJECTIONS: 'off', HOLD_STREAMS_STARTING: 'Contract-' }, { preload: FAULTS });
    processes.push(held);
    const api = serviceClient(held.url);
    const organization = (kind: string, prefix: string) => api.created('/organizations', { name: `${kind}机构`, kind, creditCode: creditCode(prefix), region: COUNTY });
    const purchaser = await organization('purchaser', '11');
    const operator = await organization('operator', '52');
    const station = await api.created('/stations', { name: '第1社工站', kind: 'township', region: township(1), operatingModel: 'outsourced', villageCount: 9 });
    const award = { purchaserOrgId: purchaser.id, operatorOrgId: operator.id, stationIds: [station.id], term: { start: '2026-01-01', end: '2026-12-31' }, budget: { totalCny: 300000, sources: [{ kind: 'fiscal', amountCny: 300000 }] } };
    void api.post('/contracts', award, procurementOf(purchaser.id)).catch(() => undefined);
    for (let tries = 0; tries < 400 && !held.output().includes('HELD Contract-'); tries++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(held.output()).toContain('HELD Contract-');
    held.child.kill('SIGKILL');
    await exited(held.child);

    const events = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry());
    try {
      const [claim] = (await events.readStream(`StationCommitment-${station.id}`)).filter((e) => e.type === 'StationCommitmentReserved');
      const record = (claim.data as { intent: ReservationIntent }).intent.appends[0];
      expect(await events.readStream(record.streamId)).toEqual([]);

      processes.push(await startService(dataDir, randomPort(55000), { ...SERVICE_ENV, PROJECTIONS: 'off' }));
      let stored: Awaited<ReturnType<SqliteEventStore['readStream']>> = [];
      for (let tries = 0; tries < 600 && stored.length === 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        stored = await events.readStream(record.streamId);
      }
      expect(stored.map((e) => [e.type, e.metadata.eventId])).toEqual(record.events.map((e) => [e.type, e.metadata.eventId]));
    } finally {
      await events.close();
    }
  }, 60_000);
});
