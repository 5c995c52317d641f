import { DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { READ_STORE } from '@sws/read-store';
import { MONGO_CONNECTION_OPTIONS, openMongoReadStore } from './stores';

/** The read models in MongoDB: @nestjs/mongoose opens (and at shutdown closes) the connection to MONGO_URL. */
@Module({})
export class MongoReadModelsModule {
  static register(url: string): DynamicModule {
    return {
      module: MongoReadModelsModule,
      global: true,
      imports: [MongooseModule.forRoot(url, { ...MONGO_CONNECTION_OPTIONS, retryAttempts: 3, retryDelay: 2000 })],
      providers: [{ provide: READ_STORE, useFactory: (connection: Connection) => openMongoReadStore(connection), inject: [getConnectionToken()] }],
      exports: [READ_STORE],
    };
  }
}
