import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { EventTypeRegistry } from '@sws/kernel';
import { EventStore, SqliteEventStore } from '@sws/event-store';
import { ReadStore, SqliteReadStore } from '@sws/read-store';
import { stationsContractsEventTypes } from '@sws/stations-contracts';
import { assessmentEventTypes } from '@sws/assessment';
import { supervisionEventTypes } from '@sws/supervision';
import { trainingEventTypes } from '@sws/training';
import { renewalEventTypes } from '@sws/renewal';
import { EMBEDDED, StorageConfig } from './config';
import { PROJECTIONS } from './projections';
import { reservationEventTypes } from './reservations/legacy-records';

/** Every event type the service writes or reads, with its schema version. */
export function eventTypeRegistry(): EventTypeRegistry {
  return new EventTypeRegistry([
    ...stationsContractsEventTypes,
    ...assessmentEventTypes,
    ...supervisionEventTypes,
    ...trainingEventTypes,
    ...renewalEventTypes,
    ...reservationEventTypes,
  ]);
}

type SqliteSettings = Pick<StorageConfig, 'dataDir' | 'synchronous'>;

export function openSqliteEventStore(config: SqliteSettings): EventStore {
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore(join(config.dataDir, 'events.db'), eventTypeRegistry(), { synchronous: config.synchronous });
}

export function openSqliteReadStore(config: Pick<StorageConfig, 'dataDir'>): ReadStore {
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteReadStore(join(config.dataDir, 'read-models.db'));
}

/** The embedded default: the log and the read models as two SQLite files in one data directory. */
export function openEmbeddedStores(config: SqliteSettings): { events: EventStore; readModels: ReadStore } {
  return { events: openSqliteEventStore(config), readModels: openSqliteReadStore(config) };
}

/** The EventStoreDB adapter, loaded only when configured (its gRPC client is not small). */
export async function openEventStoreDb(connectionString: string): Promise<EventStore> {
  const { EventStoreDbEventStore } = await import('@sws/event-store/eventstoredb');
  const logger = new Logger('EventStoreDB');
  return EventStoreDbEventStore.connect(connectionString, eventTypeRegistry(), {
    subscription: { onError: (error, failures) => logger.warn(`subscription to $all failed (${failures} in a row), resubscribing: ${String(error)}`) },
  });
}

/**
 * The MongoDB read-model store on an open mongoose connection: refuses a server without
 * transactions, creates every read model's collection and indexes. Its checkpoints are
 * EventStoreDB positions (READ_STORE=mongodb goes with EVENT_STORE=eventstoredb).
 */
export async function openMongoReadStore(connection: Connection): Promise<ReadStore> {
  const [{ MongoReadStore, mongooseSurface }, { logPositions }] = await Promise.all([import('@sws/read-store/mongodb'), import('@sws/event-store/eventstoredb')]);
  const store = new MongoReadStore(mongooseSurface(connection), {
    comparePositions: (a, b) => logPositions.compare(a as never, b as never),
  });
  await store.prepare(PROJECTIONS.map((p) => ({ name: p.collection, indexedFields: p.indexes ?? [] })));
  return store;
}

/** Options for every connection to MONGO_URL: fail fast when it is unreachable. */
export const MONGO_CONNECTION_OPTIONS = { serverSelectionTimeoutMS: 5000 } as const;

/** The configured event store alone, opened outside Nest (the CLI). */
export async function openEventStore(config: StorageConfig): Promise<EventStore> {
  const topology = config.topology ?? EMBEDDED;
  return topology.events.kind === 'sqlite' ? openSqliteEventStore(config) : await openEventStoreDb(topology.events.connectionString);
}

/** The configured stores opened outside Nest (the CLI), with what closes them. */
export async function openStores(config: StorageConfig): Promise<{ events: EventStore; readModels: ReadStore; close(): Promise<void> }> {
  const topology = config.topology ?? EMBEDDED;
  const events = await openEventStore(config);
  let connection: Connection | null = null;
  try {
    let readModels: ReadStore;
    if (topology.readModels.kind === 'sqlite') readModels = openSqliteReadStore(config);
    else {
      const { createConnection } = await import('mongoose');
      connection = await createConnection(topology.readModels.url, MONGO_CONNECTION_OPTIONS).asPromise();
      readModels = await openMongoReadStore(connection);
    }
    return {
      events,
      readModels,
      close: async () => {
        await readModels.close();
        await connection?.close();
        await events.close();
      },
    };
  } catch (error) {
    await connection?.close();
    await events.close();
    throw error;
  }
}
