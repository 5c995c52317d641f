import { resolve } from 'node:path';
import { SqliteSynchronous } from '@sws/event-store';

export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly synchronous: SqliteSynchronous;
  /** How long a read waits for `minPosition` before it answers with what it has. */
  readonly readWaitMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const SYNCHRONOUS: readonly SqliteSynchronous[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** Reads the service's settings from the environment, refusing values it cannot use. */
export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT ${env.PORT} is not a port number`);
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase() as SqliteSynchronous;
  if (!SYNCHRONOUS.includes(synchronous)) throw new Error(`SQLITE_SYNCHRONOUS must be one of ${SYNCHRONOUS.join(', ')}`);
  const readWaitMs = Number(env.READ_WAIT_MS ?? 5000);
  return { port, dataDir: resolve(env.DATA_DIR ?? './data'), synchronous, readWaitMs };
}
