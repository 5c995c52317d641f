import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryReadStore, ProjectionPump, SqliteReadStore } from '@sws/read-store';
import { NewEvent, SqliteEventStore, uuidV7 } from '@sws/event-store';
import { mintToken } from '../apps/api/src/auth/token-verifier';
import { PROJECTIONS } from '../apps/api/src/infrastructure/projections';
import { eventTypeRegistry } from '../apps/api/src/infrastructure/stores';
import { ADMIN } from './support/fixtures';
import { SERVICE_ENV, SERVICE_SECRET } from './support/service-client';
import { ensureBuilt, exited, startService } from './support/service-process';

const ORGANIZATIONS = 20_000;
const AFFILIATIONS_EACH = 4;

function metadata(n: number) {
  return {
    eventId: uuidV7(),
    actor: { userId: 'loader', role: 'admin', orgId: null },
    occurredAt: '2026-01-01',
    recordedAt: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}Z`,
    correlationId: `c-${n}`,
    causationId: null,
  };
}

/** A log of organizations and their affiliations (100,000 events), appended straight to the store. */
async function writeLog(file: string, ids: readonly string[]): Promise<string> {
  const events = new SqliteEventStore(file, eventTypeRegistry(), { synchronous: 'OFF' });
  try {
    let head = '';
    for (let i = 0; i < ORGANIZATIONS; i++) {
      const id = ids[i];
      const batch: NewEvent[] = [
        {
          type: 'OrganizationRegistered',
          data: { organizationId: id, name: `机构${i}`, kind: 'operator', creditCode: `52370112MJ${String(i).padStart(8, '0')}`, region: { code: '370112', province: '山东省', city: '济南市', county: '历城区' } },
          metadata: metadata(i),
        },
        ...Array.from({ length: AFFILIATIONS_EACH }, (_, k) => ({
          type: 'OrganizationAffiliationDeclared',
          data: { organizationId: id, otherOrgId: ids[Math.max(0, i - k - 1)], nature: 'other' },
          metadata: metadata(i),
        })),
      ];
      head = (await events.append(`Organization-${id}`, batch, 'no_stream')).position;
    }
    return head;
  } finally {
    await events.close();
  }
}

/**
 * A service started on a log without read models answers at once: /health says it is catching
 * up and how far behind, a read that asks for the head says the read model is behind, and once
 * caught up the read models equal a fold of the log.
 */
describe('starting on a log with no read models', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-catch-up-'));
  const port = 20000 + Math.floor(Math.random() * 20000);

  beforeAll(() => ensureBuilt(), 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers /health catching_up at once, then ok, with read models equal to a rebuild', async () => {
    const ids = Array.from({ length: ORGANIZATIONS }, () => uuidV7());
    const head = await writeLog(join(dataDir, 'events.db'), ids);
    const total = (1 + AFFILIATIONS_EACH) * ORGANIZATIONS;
    expect(head).toBe(String(total));

    let first: Response | null = null;
    const service = await startService(dataDir, port, { ...SERVICE_ENV, READ_WAIT_MS: '50' }, { answered: (health) => ((first = health), true) });
    try {
      const health = await first!.json();
      expect(health).toMatchObject({ status: 'catching_up', head });
      expect(health.behind).toBeGreaterThan(0);
      expect(health.behind).toBeLessThanOrEqual(total);

      const authorization = `Bearer ${mintToken(ADMIN, Buffer.from(SERVICE_SECRET), { nowMs: Date.now(), ttlSeconds: 600 })}`;
      const behind = await fetch(`${service.url}/organizations/${ids[ORGANIZATIONS - 1]}?minPosition=${head}`, { headers: { authorization } });
      const body = await behind.json();
      // Unless the catch-up finished in between, the read says the read model is behind and when to come back.
      if (behind.status !== 200) {
        expect({ status: behind.status, code: body.code, retryAfter: behind.headers.get('retry-after') }).toEqual({ status: 503, code: 'READ_MODEL_BEHIND', retryAfter: '1' });
      }

      let last = health;
      const deadline = Date.now() + 60_000;
      while (last.status !== 'ok' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        last = await (await fetch(`${service.url}/health`)).json();
        expect(['catching_up', 'ok']).toContain(last.status);
      }
      expect(last).toMatchObject({ status: 'ok', head, behind: 0 });
      const read = await fetch(`${service.url}/organizations/${ids[ORGANIZATIONS - 1]}?minPosition=${head}`, { headers: { authorization } });
      expect(read.status).toBe(200);
    } finally {
      service.child.kill('SIGTERM');
      await exited(service.child);
    }

    const events = new SqliteEventStore(join(dataDir, 'events.db'), eventTypeRegistry());
    const live = new SqliteReadStore(join(dataDir, 'read-models.db'));
    try {
      const rebuilt = new InMemoryReadStore();
      await new ProjectionPump(events, rebuilt, PROJECTIONS).catchUp();
      for (const projection of PROJECTIONS) {
        expect((await live.checkpoint(projection.name))?.position).toBe(head);
        const all = async (store: SqliteReadStore | InMemoryReadStore) => store.list(projection.collection, { limit: 1_000_000 });
        expect(await all(live)).toEqual(await all(rebuilt));
      }
      expect((await live.list('organizations', { limit: 1_000_000 })).length).toBe(ORGANIZATIONS);
    } finally {
      await live.close();
      await events.close();
    }
  }, 180_000);
});
