import type { Connection, mongo } from 'mongoose';

/**
 * The part of MongoDB's driver the read-model store uses, in the driver's own types: the
 * database of a mongoose connection satisfies it (checked where `mongooseSurface` assigns it),
 * and so does the in-process stand-in the unit tests run against.
 */
export interface MongoCursor<T> {
  sort(sort: mongo.Sort): MongoCursor<T>;
  limit(value: number): MongoCursor<T>;
  toArray(): Promise<T[]>;
}

export interface MongoCollection<T extends mongo.Document> {
  find(filter: mongo.Filter<T>, options?: mongo.FindOptions): MongoCursor<mongo.WithId<T>>;
  bulkWrite(operations: mongo.AnyBulkWriteOperation<T>[], options?: mongo.BulkWriteOptions): Promise<unknown>;
  deleteOne(filter: mongo.Filter<T>, options?: mongo.DeleteOptions): Promise<unknown>;
  createIndex(index: mongo.IndexSpecification, options?: mongo.CreateIndexesOptions): Promise<string>;
  drop(options?: mongo.DropCollectionOptions): Promise<boolean>;
}

export interface MongoDatabase {
  collection<T extends mongo.Document>(name: string): MongoCollection<T>;
  listCollections(filter: mongo.Document, options: { nameOnly: true }): { toArray(): Promise<Array<Pick<mongo.CollectionInfo, 'name'>>> };
  createCollection(name: string): Promise<unknown>;
  command(command: mongo.Document): Promise<mongo.Document>;
}

export interface MongoSurface {
  readonly database: MongoDatabase;
  startSession(): mongo.ClientSession;
}

/** The surface of a connection @nestjs/mongoose (or mongoose.createConnection) opened. */
export function mongooseSurface(connection: Connection): MongoSurface {
  const database: MongoDatabase | undefined = connection.db;
  if (!database) throw new Error('the MongoDB connection is not open');
  const client = connection.getClient();
  return { database, startSession: () => client.startSession() };
}
