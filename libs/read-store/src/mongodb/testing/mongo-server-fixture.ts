import { createConnection } from 'mongoose';
import { uuidV7 } from '@sws/event-store';
import { ReadStoreFixture } from '../../testing/read-store.contract';
import { MongoReadStore } from '../mongo-read-store';
import { mongooseSurface } from '../mongo-surface';

/** Each case in a database of its own on the server at `url`, dropped afterwards. */
export function mongoContractAgainst(url: string): () => Promise<ReadStoreFixture> {
  return async () => {
    const connection = await createConnection(url, { dbName: `sws_contract_${uuidV7().replace(/-/g, '')}`, serverSelectionTimeoutMS: 5000 }).asPromise();
    return {
      open: async () => {
        const store = new MongoReadStore(mongooseSurface(connection), { comparePositions: (a, b) => Number(a) - Number(b) });
        await store.prepare([{ name: 'a', indexedFields: ['parties', 'kind'] }]);
        return store;
      },
      dispose: async () => {
        await connection.dropDatabase();
        await connection.close();
      },
    };
  };
}
