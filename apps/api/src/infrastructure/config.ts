import { resolve } from 'node:path';
import { SqliteSynchronous } from '@sws/event-store';
import { AuthConfig, authConfigFromEnvironment } from '../auth/auth.config';

/** Where the log lives: the embedded SQLite file, or an EventStoreDB node or cluster. */
export type EventStoreChoice = { readonly kind: 'sqlite' } | { readonly kind: 'eventstoredb'; readonly connectionString: string };

/** Where the read models live: the embedded SQLite file, or a MongoDB replica set. */
export type ReadStoreChoice = { readonly kind: 'sqlite' } | { readonly kind: 'mongodb'; readonly url: string };

export interface StoreTopology {
  readonly events: EventStoreChoice;
  readonly readModels: ReadStoreChoice;
}

/**
 * Who keeps the read models: this process (`in-process`), a worker thread of this process on the
 * embedded stores' files (`thread`, the embedded default), or a projector process elsewhere
 * (`off`: this process only reads what the projector committed).
 */
export type ProjectionsChoice = 'in-process' | 'thread' | 'off';

export const EMBEDDED: StoreTopology = { events: { kind: 'sqlite' }, readModels: { kind: 'sqlite' } };

/** Where the data lives and how durably it is written: all the CLI's store commands need. */
export interface StorageConfig {
  readonly dataDir: string;
  readonly synchronous: SqliteSynchronous;
  /** Absent: the embedded SQLite stores in `dataDir`. */
  readonly topology?: StoreTopology;
}

export interface RateLimitConfig {
  /** Requests a minute from one IP address. */
  readonly perIpPerMinute: number;
  /** Requests a minute from one authenticated user. */
  readonly perUserPerMinute: number;
}

export interface AppConfig extends StorageConfig {
  readonly port: number;
  /** How long a read waits for `minPosition` before it answers with what it has. */
  readonly readWaitMs: number;
  readonly auth: AuthConfig;
  /** Null turns rate limiting off (the in-process demo loader, some tests). */
  readonly rateLimit: RateLimitConfig | null;
  /** Origins allowed to call the API from a browser; empty keeps CORS off. */
  readonly corsOrigins: readonly string[];
  /** Largest request body accepted, in bytes. */
  readonly bodyLimitBytes: number;
  /** Absent: `in-process` (configFromEnvironment chooses `thread` on the embedded stores). */
  readonly projections?: ProjectionsChoice;
  /** The projection pump's commitIntervalMs (absent: 0). */
  readonly projectionCommitIntervalMs?: number;
}

/**
 * While the read models follow a steady stream of commands on a thread of their own or in the
 * projector, how long at least from one read-model commit to the next read of the log (see
 * ProjectionPumpOptions.commitIntervalMs). Under the commands benchmark's sessions load (about
 * 2,000 a second) 20 ms made about 45 commits a second of 350 documents each, where following each
 * group commit at once made 115 of 145; a read with `?minPosition=` may wait that much longer
 * under load. With PROJECTIONS=in-process the default is 0: there the pump folds each commit on
 * the thread answering requests before it takes the next request, and a client reading right
 * after its command finds it folded.
 */
export const DEFAULT_PROJECTION_COMMIT_INTERVAL_MS = 20;

export const APP_CONFIG = Symbol('APP_CONFIG');

const SYNCHRONOUS: readonly SqliteSynchronous[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

function choice<K extends string>(env: NodeJS.ProcessEnv, name: string, kinds: readonly K[]): K {
  const value = (env[name] ?? kinds[0]).trim().toLowerCase() as K;
  if (!kinds.includes(value)) throw new Error(`${name} must be one of ${kinds.join(', ')} (not ${env[name]})`);
  return value;
}

function connectionString(env: NodeJS.ProcessEnv, name: string, selectedBy: string, pattern: RegExp, example: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${selectedBy} needs ${name}, e.g. ${name}=${example}`);
  if (!pattern.test(value)) throw new Error(`${name} must look like ${example}`);
  return value;
}

/**
 * Which stores to use: EVENT_STORE=sqlite|eventstoredb and READ_STORE=sqlite|mongodb, with their
 * connection strings. Read models in MongoDB are shared by every API process, so they must be
 * built from a log every process shares too: READ_STORE=mongodb needs EVENT_STORE=eventstoredb.
 */
export function topologyFromEnvironment(env: NodeJS.ProcessEnv = process.env): StoreTopology {
  const eventKind = choice(env, 'EVENT_STORE', ['sqlite', 'eventstoredb'] as const);
  const readKind = choice(env, 'READ_STORE', ['sqlite', 'mongodb'] as const);
  if (readKind === 'mongodb' && eventKind === 'sqlite') {
    throw new Error(
      'READ_STORE=mongodb needs EVENT_STORE=eventstoredb: read models shared by several processes must be folded from a log they share (keep READ_STORE=sqlite with the embedded log)',
    );
  }
  const events: EventStoreChoice =
    eventKind === 'sqlite'
      ? { kind: 'sqlite' }
      : {
          kind: 'eventstoredb',
          connectionString: connectionString(env, 'EVENTSTORE_CONNECTION_STRING', 'EVENT_STORE=eventstoredb', /^esdb(\+discover)?:\/\/\S+$/, 'esdb://localhost:2113?tls=false'),
        };
  const readModels: ReadStoreChoice =
    readKind === 'sqlite'
      ? { kind: 'sqlite' }
      : { kind: 'mongodb', url: connectionString(env, 'MONGO_URL', 'READ_STORE=mongodb', /^mongodb(\+srv)?:\/\/\S+$/, 'mongodb://localhost:27017/sws?replicaSet=rs0') };
  return { events, readModels };
}

export function storageConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase() as SqliteSynchronous;
  if (!SYNCHRONOUS.includes(synchronous)) throw new Error(`SQLITE_SYNCHRONOUS must be one of ${SYNCHRONOUS.join(', ')}`);
  return { dataDir: resolve(env.DATA_DIR ?? './data'), synchronous, topology: topologyFromEnvironment(env) };
}

/**
 * PROJECTIONS=thread|in-process|off: whether this API process runs the projections (on a worker
 * thread of its own, or on the thread answering requests) or reads what the projector wrote. A
 * thread opens the embedded stores' files itself, so `thread` (the default on them) needs
 * EVENT_STORE=sqlite and READ_STORE=sqlite; with EventStoreDB the default is `in-process`.
 */
export function projectionsFromEnvironment(env: NodeJS.ProcessEnv = process.env, topology: StoreTopology = EMBEDDED): ProjectionsChoice {
  const embedded = topology.events.kind === 'sqlite' && topology.readModels.kind === 'sqlite';
  // Absent: a thread of their own on the embedded stores (the commands' thread does not fold), else this thread.
  const projections = choice(env, 'PROJECTIONS', embedded ? (['thread', 'in-process', 'off'] as const) : (['in-process', 'thread', 'off'] as const));
  if (projections === 'thread' && !embedded) {
    throw new Error('PROJECTIONS=thread needs the embedded stores (EVENT_STORE=sqlite, READ_STORE=sqlite); with EventStoreDB and MongoDB run the projector (PROJECTIONS=off)');
  }
  return projections;
}

/** What the projector (apps/projector) needs: the stores, its health port, and how long its own waits last. */
export interface ProjectorConfig extends StorageConfig {
  readonly port: number;
  readonly readWaitMs: number;
  readonly projectionCommitIntervalMs: number;
}

const projectionCommitInterval = (env: NodeJS.ProcessEnv, fallback: number) => wholeNumber(env, 'PROJECTION_COMMIT_INTERVAL_MS', fallback, 0, 1000);

export function projectorConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  return {
    ...storageConfigFromEnvironment(env),
    port: wholeNumber(env, 'PROJECTOR_PORT', 3100, 0, 65535),
    readWaitMs: wholeNumber(env, 'READ_WAIT_MS', 5000, 0, 60_000),
    projectionCommitIntervalMs: projectionCommitInterval(env, DEFAULT_PROJECTION_COMMIT_INTERVAL_MS),
  };
}

/** Reads the service's settings from the environment, refusing values it cannot use. */
export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const storage = storageConfigFromEnvironment(env);
  const perIp = wholeNumber(env, 'RATE_LIMIT_PER_IP', 1200, 0, 1_000_000);
  const perUser = wholeNumber(env, 'RATE_LIMIT_PER_USER', 600, 0, 1_000_000);
  const projections = projectionsFromEnvironment(env, storage.topology);
  return {
    ...storage,
    port: wholeNumber(env, 'PORT', 3000, 0, 65535),
    readWaitMs: wholeNumber(env, 'READ_WAIT_MS', 5000, 0, 60_000),
    auth: authConfigFromEnvironment(env, storage.dataDir),
    // 0 in either turns rate limiting off, e.g. behind a gateway that limits already.
    rateLimit: perIp === 0 || perUser === 0 ? null : { perIpPerMinute: perIp, perUserPerMinute: perUser },
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    bodyLimitBytes: wholeNumber(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 16 * 1_048_576),
    projections,
    projectionCommitIntervalMs: projectionCommitInterval(env, projections === 'thread' ? DEFAULT_PROJECTION_COMMIT_INTERVAL_MS : 0),
  };
}
