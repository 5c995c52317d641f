import { StoreUnavailable } from '@sws/event-store';
import { readStoreContract } from '../testing/read-store.contract';
import { DocumentChange } from '../read-store.port';
import { MongoReadStore } from './mongo-read-store';
import { InProcessMongo } from './testing/in-process-mongo';

const bySequence = (a: string, b: string) => Number(a) - Number(b);

/** A batch for one projection that applies only when it moves the stored checkpoint forward. */
const forward = (store: MongoReadStore, projection: string, version: number, changes: readonly DocumentChange[], position: string) =>
  store.applyBatch({ changes, checkpoints: [{ projection, version, position }] });

describe('read store contract: MongoDB adapter on the in-process stand-in', () => {
  readStoreContract(async () => {
    const server = new InProcessMongo();
    return { open: async () => new MongoReadStore(server.surface(), { comparePositions: bySequence }), dispose: async () => {} };
  });
});

describe('MongoDB read-model store', () => {
  let server: InProcessMongo;
  let store: MongoReadStore;

  beforeEach(async () => {
    server = new InProcessMongo();
    store = new MongoReadStore(server.surface(), { comparePositions: bySequence, maxChangesPerBatch: 10 });
    await store.prepare([{ name: 'stations', indexedFields: ['parties'] }, { name: 'contracts', indexedFields: [] }]);
  });

  describe('a batch', () => {
    it('changes several collections and moves several checkpoints in one transaction', async () => {
      const applied = await store.applyBatch({
        changes: [
          { collection: 'stations', id: 's-1', document: { name: '城关' } },
          { collection: 'contracts', id: 'c-1', document: { stations: ['s-1'] } },
        ],
        checkpoints: [
          { projection: 'station-detail', version: 1, position: '4', continuesFrom: null },
          { projection: 'contract-detail', version: 2, position: '4', continuesFrom: null },
        ],
      });
      expect(applied).toBe(true);
      expect(server.counts.commits).toBe(1);
      expect(await store.get('contracts', 'c-1')).toEqual({ stations: ['s-1'] });
      expect(await store.checkpoint('contract-detail')).toEqual({ position: '4', version: 2 });
      expect(await store.checkpoint('station-detail')).toEqual({ position: '4', version: 1 });
    });

    it('changes nothing when replayed, or when a checkpoint is not the one it continues from', async () => {
      await forward(store, 'station-detail', 1, [{ collection: 'stations', id: 's-1', document: { n: 5 } }], '5');
      await forward(store, 'station-detail', 1, [{ collection: 'stations', id: 's-1', document: { n: 99 } }], '5');
      await forward(store, 'station-detail', 1, [{ collection: 'stations', id: 's-1', document: { n: 3 } }], '3');
      const stale = await store.applyBatch({
        changes: [{ collection: 'stations', id: 's-1', document: { n: 98 } }],
        checkpoints: [{ projection: 'station-detail', version: 1, position: '9', continuesFrom: '4' }],
      });
      expect(stale).toBe(false);
      expect(await store.get('stations', 's-1')).toEqual({ n: 5 });
      expect(await store.checkpoint('station-detail')).toEqual({ position: '5', version: 1 });
      const next = await store.applyBatch({
        changes: [{ collection: 'stations', id: 's-1', document: { n: 6 } }],
        checkpoints: [{ projection: 'station-detail', version: 1, position: '6', continuesFrom: '5' }],
      });
      expect(next).toBe(true);
      expect(await store.get('stations', 's-1')).toEqual({ n: 6 });
    });

    it('lets exactly one of two writers folding from the same checkpoint through, checked inside the transaction', async () => {
      const batch = (n: number) => ({
        changes: [{ collection: 'stations', id: 's-1', document: { n } }],
        checkpoints: [{ projection: 'station-detail', version: 1, position: '7', continuesFrom: null }],
      });
      let other: Promise<boolean> | null = null;
      server.beforeCommit = async () => {
        server.beforeCommit = null;
        // The second writer commits while the first is inside its transaction.
        other = store.applyBatch(batch(2));
        await other;
      };
      const first = await store.applyBatch(batch(1));
      expect([first, await other!]).toEqual([false, true]);
      expect(server.counts.conflicts).toBe(1);
      expect(await store.get('stations', 's-1')).toEqual({ n: 2 });
    });

    it('leaves nothing behind when a write inside it fails', async () => {
      server.failWritesTo = 'contracts';
      await expect(
        forward(store, 'p', 1, [
          { collection: 'stations', id: 's-1', document: { n: 1 } },
          { collection: 'contracts', id: 'c-1', document: { n: 1 } },
        ], '1'),
      ).rejects.toThrow(/write to contracts failed/);
      expect(await store.get('stations', 's-1')).toBeNull();
      expect(await store.checkpoint('p')).toBeNull();
    });

    it('creates a collection it has not seen before the transaction, never inside it', async () => {
      await forward(store, 'p', 1, [{ collection: 'brand-new', id: 'x', document: { n: 1 } }], '1');
      expect(await store.get('brand-new', 'x')).toEqual({ n: 1 });
      expect(server.createdDuringTransaction).toEqual([]);
    });

    it('refuses a batch larger than one transaction may hold, before starting one', async () => {
      const changes = Array.from({ length: 11 }, (_, i) => ({ collection: 'stations', id: `s-${i}`, document: {} }));
      await expect(forward(store, 'p', 1, changes, '1')).rejects.toThrow(/11 document changes is over the 10/);
      expect(server.counts.transactions).toBe(0);
    });
  });

  describe('reads', () => {
    it('finds several documents with one query', async () => {
      await forward(store, 'p', 1, ['a', 'b', 'c'].map((id) => ({ collection: 'stations', id, document: { id } })), '1');
      const before = server.counts.find;
      const found = await store.getMany('stations', ['a', 'c', 'zz', 'a']);
      expect(server.counts.find - before).toBe(1);
      expect([...found.keys()].sort()).toEqual(['a', 'c']);
    });

    it('indexes the fields narrowed lists filter on, with the id for paging', async () => {
      expect(server.indexes.get('stations')).toEqual([
        { index: { 'body.parties': 1, _id: 1 }, options: { name: 'by_parties', partialFilterExpression: { 'body.parties': { $exists: true } } } },
      ]);
      await expect(store.list('stations', { limit: 1, where: { field: 'parties.x', value: 'y' } })).rejects.toThrow(/cannot filter on field/);
    });
  });

  describe('the server', () => {
    it('refuses a standalone server, which cannot run transactions', async () => {
      server.replicaSet = false;
      await expect(new MongoReadStore(server.surface(), { comparePositions: bySequence }).prepare([])).rejects.toThrow(/replica set/);
    });

    it('says the store is unavailable when the server cannot be reached', async () => {
      server.unreachable = true;
      await expect(store.get('stations', 's-1')).rejects.toBeInstanceOf(StoreUnavailable);
      await expect(forward(store, 'p', 1, [], '1')).rejects.toBeInstanceOf(StoreUnavailable);
    });

    it('resets a read model by dropping its collection, keeping its indexes, then forgetting the checkpoint', async () => {
      await forward(store, 'station-detail', 1, [{ collection: 'stations', id: 's-1', document: { parties: ['o'] } }], '3');
      await store.reset('station-detail', 'stations');
      expect(server.documents('stations').size).toBe(0);
      expect(server.indexes.get('stations')).toHaveLength(1);
      expect(await store.checkpoint('station-detail')).toBeNull();
    });
  });
});

const SERVER = process.env.MONGO_URL;
if (SERVER) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { mongoContractAgainst } = require('./testing/mongo-server-fixture') as typeof import('./testing/mongo-server-fixture');
  describe('read store contract: MongoDB at MONGO_URL', () => readStoreContract(mongoContractAgainst(SERVER)));
} else {
  console.log('SKIPPED: read store contract against a real MongoDB (set MONGO_URL to a replica set to run it)');
  describe.skip('read store contract: MongoDB server (skipped: MONGO_URL is not set)', () => {
    it('runs the contract against the server', () => undefined);
  });
}
