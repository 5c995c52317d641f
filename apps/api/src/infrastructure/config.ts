import { resolve } from 'node:path';
import { SqliteSynchronous } from '@sws/event-store';
import { AuthConfig, authConfigFromEnvironment } from '../auth/auth.config';

/** Where the data lives and how durably it is written: all the CLI's store commands need. */
export interface StorageConfig {
  readonly dataDir: string;
  readonly synchronous: SqliteSynchronous;
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
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const SYNCHRONOUS: readonly SqliteSynchronous[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

export function storageConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase() as SqliteSynchronous;
  if (!SYNCHRONOUS.includes(synchronous)) throw new Error(`SQLITE_SYNCHRONOUS must be one of ${SYNCHRONOUS.join(', ')}`);
  return { dataDir: resolve(env.DATA_DIR ?? './data'), synchronous };
}

/** Reads the service's settings from the environment, refusing values it cannot use. */
export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const storage = storageConfigFromEnvironment(env);
  const perIp = wholeNumber(env, 'RATE_LIMIT_PER_IP', 1200, 0, 1_000_000);
  const perUser = wholeNumber(env, 'RATE_LIMIT_PER_USER', 600, 0, 1_000_000);
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
  };
}
