import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryReadStore, ProjectionPump, SqliteReadStore } from '@sws/read-store';
import { SqliteEventStore } from '@sws/event-store';
import { PROJECTIONS } from '../apps/api/src/infrastructure/projections';
import { eventTypeRegistry } from '../apps/api/src/infrastructure/stores';
import { COUNTY, creditCode, operatorOf, procurementOf, township } from './support/fixtures';
import { serviceClient, SERVICE_ENV } from './support/service-client';
import { ensureBuilt, exited, startService } from './support/service-process';

interface Ack {
  readonly streamId: string;
  readonly revision: number;
  readonly position: string;
}

/**
 * The service is killed with SIGKILL in the middle of a burst of writes. After a restart every
 * acknowledged write is in the log, and the read models equal a rebuild from the log.
 */
describe('a crash during a burst of writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-crash-'));
  const port = 20000 + Math.floor(Math.random() * 20000);

  beforeAll(() => ensureBuilt(), 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loses no acknowledged write and leaves read models equal to a rebuild', async () => {
    const first = await startService(dataDir, port, SERVICE_ENV);
    const api = serviceClient(first.url);
    const organization = (kind: string, prefix: string) =>
      api.created('/organizations', { name: `${kind}机构`, kind, creditCode: creditCode(prefix), region: COUNTY });
    const purchaser = await organization('purchaser', '11');
    const operatorOrg = await organization('operator', '52');
    const stationIds: string[] = [];
    for (let n = 1; n <= 4; n++) {
      stationIds.push(
        (await api.created('/stations', { name: `第${n}社工站`, kind: 'township', region: township(n), operatingModel: 'outsourced', villageCount: 9 })).id,
      );
    }
    const awarded = {
      purchaserOrgId: purchaser.id,
      operatorOrgId: operatorOrg.id,
      stationIds,
      term: { start: '2026-01-01', end: '2026-12-31' },
      budget: { totalCny: 1200000, sources: [{ kind: 'fiscal', amountCny: 1200000 }] },
    };
    const contract = await api.created('/contracts', awarded, procurementOf(purchaser.id));
    const operator = operatorOf(operatorOrg.id);

    // Eight clients register and assign workers until the service dies under them.
    const acks: Ack[] = [];
    let killed = false;
    const client = async (n: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const registered = await api.post('/social-workers', { name: `社工${n}-${i}`, certification: 'assistant', socialWorkDegree: true }, operator);
          if (registered.status !== 201) throw new Error(JSON.stringify(registered.body));
          acks.push({ streamId: `SocialWorker-${registered.body.id}`, ...registered.body });
          const assigned = await api.post(`/social-workers/${registered.body.id}/assignments`, {
            contractId: contract.id,
            stationId: stationIds[(n + i) % stationIds.length],
            post: 'resident',
            from: '2026-03-01',
          }, operator);
          if (assigned.status !== 201) throw new Error(JSON.stringify(assigned.body));
          acks.push({ streamId: `SocialWorker-${registered.body.id}`, ...assigned.body });
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const clients = Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(client));
    while (acks.length < 300) await new Promise((resolve) => setTimeout(resolve, 5));
    killed = true;
    first.child.kill('SIGKILL');
    await clients;
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');

    // Restart on the same data and let the read models catch up with the log.
    const second = await startService(dataDir, port, SERVICE_ENV);
    const lastAck = acks.reduce((a, b) => (Number(a.position) > Number(b.position) ? a : b));
    const probe = await serviceClient(second.url).get(`/social-workers/${lastAck.streamId.slice('SocialWorker-'.length)}?minPosition=${lastAck.position}`);
    expect(probe.status).toBe(200);
    let health: any;
    for (let tries = 0; tries < 100; tries++) {
      health = await (await fetch(`${second.url}/health`)).json();
      if (health.projections.every((p: { position: string }) => p.position === health.head)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    second.child.kill('SIGTERM');
    await exited(second.child);

    const events = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry());
    try {
      for (const ack of acks) {
        const stored = await events.readStream(ack.streamId);
        expect(stored.find((e) => e.revision === ack.revision)?.position).toBe(ack.position);
      }
      const live = new SqliteReadStore(join(dataDir, 'read-models.db'));
      const rebuilt = new InMemoryReadStore();
      const head = await events.headPosition();
      await new ProjectionPump(events, rebuilt, PROJECTIONS).catchUp();
      for (const projection of PROJECTIONS) {
        expect((await live.checkpoint(projection.name))?.position).toBe(head);
        const all = async (store: SqliteReadStore | InMemoryReadStore) => store.list(projection.collection, { limit: 1_000_000 });
        expect(await all(live)).toEqual(await all(rebuilt));
      }
      await live.close();
    } finally {
      await events.close();
    }
  }, 120_000);
});
