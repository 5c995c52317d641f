import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../api/src/create-app';
import { mintToken } from '../../api/src/auth/token-verifier';
import { configFromEnvironment, EMBEDDED, storageConfigFromEnvironment } from '../../api/src/infrastructure/config';
import { PROJECTIONS } from '../../api/src/infrastructure/projections';
import { openStores } from '../../api/src/infrastructure/stores';
import { benchOptionsFromEnvironment, benchStore, formatBenchReport } from './bench-store';
import { formatDemoSummary, loadDemo } from './demo';
import { openApiDocument } from './openapi';
import { ProgressDisplay } from './progress-bar';
import { chooseProjections, rebuildProjections, UnknownProjection } from './rebuild';
import { mintFromArguments, signingSecret, TOKEN_USAGE, TokenUsageError } from './token';

const USAGE = `usage: npm run cli -- <command>   (or npm run demo | rebuild | bench:store)

commands:
  demo                        load the sample county (济南市历城区) into DATA_DIR through the API;
                              running it again appends nothing
  rebuild <projection>...     forget the named read models and fold the whole log into them again
  rebuild --all               the same for every read model (stop the service on DATA_DIR first)
  token --role <r> --org <id> a development bearer token (npm run token -- --role admin --org centre)
  bench-store                 appends and reads with SqliteEventStore and raw better-sqlite3
                              (BENCH_EVENTS=5000, BENCH_READ_EVENTS=200000, BENCH_SYNCHRONOUS=FULL)
  openapi <file>              write the service's OpenAPI document (as AUTH_MODE=dev lists it) to a file
  help                        this text

projections: ${PROJECTIONS.map((p) => p.name).join(', ')}
environment: DATA_DIR (default ./data), SQLITE_SYNCHRONOUS (default FULL),
             EVENT_STORE=sqlite|eventstoredb with EVENTSTORE_CONNECTION_STRING, READ_STORE=sqlite|mongodb with MONGO_URL`;

/** Exit codes: 0 done, 1 failed, 2 bad usage. */
async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'demo':
      return demo();
    case 'rebuild':
      return rebuild(rest);
    case 'token':
      return token(rest);
    case 'openapi':
      return openapi(rest);
    case 'bench-store':
    case 'bench:store':
      return bench();
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      if (command !== undefined) console.error(`unknown command ${command}\n`);
      console.error(USAGE);
      return 2;
  }
}

/**
 * The demo writes through the API in process, signing a token for each person it acts as. With
 * no key configured it uses the data directory's development secret, as AUTH_MODE=dev does.
 */
async function demo(): Promise<number> {
  const keyGiven = ['AUTH_JWT_SECRET', 'AUTH_JWT_PUBLIC_KEY_FILE', 'AUTH_JWKS_URL'].some((name) => process.env[name]);
  const env = keyGiven ? process.env : { ...process.env, AUTH_MODE: 'dev' };
  const config = { ...configFromEnvironment(env), rateLimit: null };
  const secret = signingSecret(env);
  console.error(`loading the sample county into ${config.dataDir}...`);
  const app = await createApp({ config, logger: false });
  try {
    const summary = await loadDemo(app, (principal) => mintToken(principal, secret, { nowMs: Date.now(), ttlSeconds: 600 }));
    console.log(formatDemoSummary(summary));
    console.log(
      '\nto call the API as the guidance centre:\n' +
        '  AUTH_MODE=dev npm start   (in another terminal)\n' +
        '  curl -H "Authorization: Bearer $(npm run -s token -- --role admin --org centre-370112)" localhost:3000/stations',
    );
  } finally {
    await app.close();
  }
  return 0;
}

async function openapi(args: readonly string[]): Promise<number> {
  if (args.length !== 1) {
    console.error('usage: npm run cli -- openapi <file>');
    return 2;
  }
  writeFileSync(args[0], `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
  return 0;
}

function token(args: readonly string[]): number {
  try {
    console.log(mintFromArguments(args, process.env, Date.now()));
    return 0;
  } catch (error) {
    if (!(error instanceof TokenUsageError)) throw error;
    console.error(`${error.message}\n\n${TOKEN_USAGE}`);
    return 2;
  }
}

/** REBUILD_BATCH_SIZE: events per read-store commit (the pump's default when unset), or null when it is not a count. */
function batchSizeFrom(text: string | undefined): number | undefined | null {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 1 && n <= 100_000 ? n : null;
}

async function rebuild(args: readonly string[]): Promise<number> {
  const all = args.includes('--all');
  const names = args.filter((arg) => arg !== '--all');
  if (all === names.length > 0) {
    console.error(`rebuild takes projection names or --all\nprojections: ${PROJECTIONS.map((p) => p.name).join(', ')}`);
    return 2;
  }
  try {
    chooseProjections(all ? 'all' : names);
  } catch (error) {
    if (!(error instanceof UnknownProjection)) throw error;
    console.error(error.message);
    return 2;
  }
  const config = storageConfigFromEnvironment();
  // Opening the stores would create empty ones: a mistyped DATA_DIR would "rebuild" nothing.
  if ((config.topology ?? EMBEDDED).events.kind === 'sqlite' && !existsSync(join(config.dataDir, 'events.db'))) {
    console.error(`no event log in ${config.dataDir} (events.db); set DATA_DIR to the service's data directory`);
    return 2;
  }
  console.error(`warning: stop the services that project into these read models before rebuilding; a running one keeps writing them`);
  const stores = await openStores(config);
  const display = new ProgressDisplay(process.stderr);
  try {
    const batchSize = batchSizeFrom(process.env.REBUILD_BATCH_SIZE);
    if (batchSize === null) {
      console.error('REBUILD_BATCH_SIZE must be a whole number of events from 1 to 100000');
      return 2;
    }
    const results = await rebuildProjections(all ? 'all' : names, stores, (p) => display.update(p.projection, p.events, p.total), undefined, { batchSize });
    const events = results[0]?.events ?? 0;
    const seconds = results[0]?.seconds ?? 0;
    const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
    display.finish(
      `rebuilt ${results.length} read model(s) in one pass: ${events} events in ${seconds.toFixed(2)} s, ${rate(events, seconds)} events/s, peak RSS ${peakMb} MB`,
    );
    const counters = results[0]?.counters;
    if (counters) console.error(`${counters.batches} read-store commits, ${counters.documentsRead} documents read, ${counters.documentsWritten} written`);
  } finally {
    await stores.close();
  }
  return 0;
}

async function bench(): Promise<number> {
  const report = await benchStore(benchOptionsFromEnvironment(), (line) => console.error(line));
  console.log(formatBenchReport(report));
  return 0;
}

function rate(events: number, seconds: number): string {
  return seconds > 0 ? Math.round(events / seconds).toLocaleString('en-US') : '-';
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
