import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@sws/event-store';
import { ReservationIntent } from '@sws/kernel';
import { eventTypeRegistry } from '../apps/api/src/infrastructure/stores';
import { COUNTY, creditCode, procurementOf, township } from './support/fixtures';
import { serviceClient, SERVICE_ENV } from './support/service-client';
import { ensureBuilt, exited, ServiceProcess, startService } from './support/service-process';

const FAULTS = join(__dirname, 'support', 'service-store-faults.js');

async function until<T>(probe: () => Promise<T | null> | T | null, what: string): Promise<T> {
  for (let tries = 0; tries < 400; tries++) {
    const found = await probe();
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/**
 * A real service process is killed with SIGKILL after it appended an award's claim on a station
 * and before it appended the contract: the log holds a reservation without its record. Another
 * process meeting the claim, or the next start, writes the record the claim carries, once; and
 * the station stays in one contract.
 */
describe('a service killed between a claim and its record', () => {
  let dataDir: string;
  let events: SqliteEventStore;
  const port = () => 20000 + Math.floor(Math.random() * 20000);
  const running: ServiceProcess[] = [];

  beforeAll(() => ensureBuilt(), 120_000);
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sws-reservation-crash-'));
  });
  afterEach(async () => {
    for (const service of running.splice(0)) {
      service.child.kill('SIGKILL');
      await exited(service.child);
    }
    await events?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(hold: boolean): Promise<ServiceProcess> {
    const service = hold
      ? await startService(dataDir, port(), { ...SERVICE_ENV, HOLD_STREAMS_STARTING: 'Contract-' }, { preload: FAULTS })
      : await startService(dataDir, port(), SERVICE_ENV);
    running.push(service);
    return service;
  }

  /** A process that claimed a station for an award and was killed before it wrote the contract. */
  async function killedBetweenClaimAndRecord(held: ServiceProcess, killNow = true) {
    const api = serviceClient(held.url);
    const organization = (kind: string, prefix: string) => api.created('/organizations', { name: `${kind}机构`, kind, creditCode: creditCode(prefix), region: COUNTY });
    const purchaser = await organization('purchaser', '11');
    const operator = await organization('operator', '52');
    const station = await api.created('/stations', { name: '第1社工站', kind: 'township', region: township(1), operatingModel: 'outsourced', villageCount: 9 });
    const award = (operatorOrgId: string) => ({
      purchaserOrgId: purchaser.id,
      operatorOrgId,
      stationIds: [station.id],
      term: { start: '2026-01-01', end: '2026-12-31' },
      budget: { totalCny: 300000, sources: [{ kind: 'fiscal', amountCny: 300000 }] },
    });
    const answer = api.post('/contracts', award(operator.id), procurementOf(purchaser.id)).catch((error: Error) => error);
    await until(() => (held.output().includes('HELD Contract-') ? true : null), 'the award to reach its contract append');
    if (killNow) await kill(held);
    events = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry());
    const claims = (await events.readStream(`StationCommitment-${station.id}`)).filter((e) => e.type === 'StationCommitmentReserved');
    expect(claims).toHaveLength(1);
    const intent = (claims[0].data as { intent: ReservationIntent }).intent;
    const record = intent.appends[0];
    expect(await events.readStream(record.streamId)).toEqual([]);
    return { purchaser, operator, station, award, answer, record, kill: () => kill(held) };
  }

  async function kill(service: ServiceProcess): Promise<void> {
    service.child.kill('SIGKILL');
    await exited(service.child);
    expect(service.child.signalCode).toBe('SIGKILL');
  }

  it('is finished at the next start: the contract the claim carries, once, and the station in it alone', async () => {
    const crashed = await killedBetweenClaimAndRecord(await start(true));
    const restarted = serviceClient((await start(false)).url);
    const stored = await until(async () => {
      const found = await events.readStream(crashed.record.streamId);
      return found.length > 0 ? found : null;
    }, 'the next start to write the contract');
    expect(stored.map((e) => [e.type, e.metadata.eventId])).toEqual(crashed.record.events.map((e) => [e.type, e.metadata.eventId]));
    const rival = await restarted.post('/contracts', crashed.award(crashed.operator.id), procurementOf(crashed.purchaser.id));
    expect({ status: rival.status, code: rival.body.code, contractId: rival.body.details?.contractId }).toEqual({
      status: 422,
      code: 'STATION_ALREADY_CONTRACTED',
      contractId: crashed.record.streamId.slice('Contract-'.length),
    });
  }, 120_000);

  it('is finished by another process that meets the claim while the first still hangs, which then refuses its own award', async () => {
    const held = await start(true);
    const other = serviceClient((await start(false)).url);
    const crashed = await killedBetweenClaimAndRecord(held, false);
    const rival = await other.post('/contracts', crashed.award(crashed.operator.id), procurementOf(crashed.purchaser.id));
    expect({ status: rival.status, code: rival.body.code }).toEqual({ status: 422, code: 'STATION_ALREADY_CONTRACTED' });
    await crashed.kill();
    const stored = await events.readStream(crashed.record.streamId);
    expect(stored.map((e) => e.metadata.eventId)).toEqual(crashed.record.events.map((e) => e.metadata.eventId));
    const awards = (await events.readAll(null, 100_000)).filter((e) => e.type === 'ContractAwarded');
    expect(awards.map((e) => e.streamId)).toEqual([crashed.record.streamId]);
  }, 120_000);
});
