import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../api/src/create-app';
import { mintToken } from '../../api/src/auth/token-verifier';
import { configFromEnvironment, EMBEDDED, storageConfigFromEnvironment } from '../../api/src/infrastructure/config';
import { PROJECTIONS } from '../../api/src/infrastructure/projections';
import { openStores } from '../../api/src/infrastructure/stores';
import { formatSection, isSectionName, runSection, SECTIONS } from './bench-store';
import { formatDemoSummary, loadDemo } from './demo';
import { generateHistory } from './generate/generator';
import { GENERATE_USAGE, GenerateUsageError, parseGenerateOptions } from './generate/options';
import { parseSuiteOptions, runSuite, SUITE_USAGE, SuiteUsageError } from './bench/suite';
import { openApiDocument } from './openapi';
import { ProgressDisplay } from './progress-bar';
import { chooseProjections, rebuildProjections, RebuildProgress, RebuildResult, UnknownProjection } from './rebuild';
import { rebuildAllInParts } from './rebuild-in-parts';
import { migrateLog, migrationTarget, MigrationUsage } from './migrate';
import { mintFromArguments, signingSecret, TOKEN_USAGE, TokenUsageError } from './token';

const USAGE = `usage: npm run cli -- <command>   (or npm run demo | rebuild | bench:store)

commands:
  demo                        load the sample county (济南市历城区) into DATA_DIR through the API;
                              running it again appends nothing
  rebuild <projection>...     forget the named read models and fold the whole log into them again
  rebuild --all               the same for every read model (stop the service on DATA_DIR first)
  migrate --to <log> [--read-models <store>]
                              copy the configured log, in order, with its stream ids, revisions,
                              event ids and metadata, to <log> (a data directory or esdb://…), then
                              rebuild every read model in <store> (a data directory or mongodb://…;
                              by default the --to directory); running it again appends nothing
  token --role <r> --org <id> a development bearer token (npm run token -- --role admin --org centre)
  bench-store                 appends and reads with SqliteEventStore, raw better-sqlite3 and emmett-sqlite
                              (BENCH_RUNS=3, BENCH_EVENTS=5000, BENCH_WRITERS=50, BENCH_READ_EVENTS=200000,
                              BENCH_EMMETT_EVENTS=1000, BENCH_SYNCHRONOUS=FULL)
  bench-section <name>        one benchmark section alone and its figures: ${SECTIONS.join(', ')}
                              (commands: BENCH_RUNS=3, BENCH_CONNECTIONS=50, BENCH_REQUESTS=5000,
                              BENCH_ASSESSMENTS=1000, BENCH_SUPERVISORS=200)
  generate [--scale 1] [--years 5] [--seed 42] [--data-dir DIR]
                              a synthetic history of the national shape in DIR/events.db (npm run bench:generate)
  bench [--scale 1] [--years 5] [--runs 3] [--only <section>]
                              the benchmark suite on generated data (npm run bench): a table, and BENCHMARKS.md
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
    case 'migrate':
      return migrate(rest);
    case 'token':
      return token(rest);
    case 'openapi':
      return openapi(rest);
    case 'bench':
      return benchSuite(rest);
    case 'generate':
    case 'bench:generate':
      return generate(rest);
    case 'bench-store':
    case 'bench:store':
      return bench('store');
    case 'bench-section':
      if (!isSectionName(rest[0])) {
        console.error(`bench-section takes one of ${SECTIONS.join(', ')}`);
        return 2;
      }
      return bench(rest[0]);
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

function generate(args: readonly string[]): number {
  let options;
  try {
    options = parseGenerateOptions(args);
  } catch (error) {
    if (!(error instanceof GenerateUsageError)) throw error;
    console.error(`${error.message}\n\n${GENERATE_USAGE}`);
    return 2;
  }
  if (existsSync(join(options.dataDir, 'events.db'))) {
    console.error(`${options.dataDir} holds an events.db already; remove it or choose another --data-dir`);
    return 2;
  }
  mkdirSync(options.dataDir, { recursive: true });
  const first = options.lastYear - options.years + 1;
  console.error(`generating ${options.years} year(s) (${first}-${options.lastYear}) at scale ${options.scale}, seed ${options.seed}, into ${options.dataDir}`);
  const display = new ProgressDisplay(process.stderr);
  const result = generateHistory({ ...options, threaded: true }, (p) => display.update(`month ${p.month}`, p.monthIndex, p.months));
  display.finish(
    `wrote ${result.events.toLocaleString('en-US')} events in ${result.seconds.toFixed(1)} s: ${Math.round(result.eventsPerSecond).toLocaleString('en-US')} events/s`,
  );
  console.log(
    [
      `events.db       ${result.file}`,
      `events          ${result.events}`,
      `stations        ${result.stations}`,
      `social workers  ${result.socialWorkers} (with replacements)`,
      `supervisors     ${result.supervisors}`,
      `organizations   ${result.organizations}`,
      `contracts       ${result.contracts}`,
      `events/s        ${Math.round(result.eventsPerSecond)}`,
      ...Object.entries(result.types).map(([type, count]) => `  ${type.padEnd(32)} ${count}`),
    ].join('\n'),
  );
  return 0;
}

async function benchSuite(args: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseSuiteOptions(args);
  } catch (error) {
    if (!(error instanceof SuiteUsageError)) throw error;
    console.error(`${error.message}\n\n${SUITE_USAGE}`);
    return 2;
  }
  const command = ['npm run bench', ...(args.length > 0 ? ['--', ...args] : [])].join(' ');
  const { table } = await runSuite(options, command, (line) => console.error(line));
  console.log(table);
  if (options.out !== null) console.error(`wrote ${options.out}`);
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

/** A whole number from `min` to `max` set in the environment: undefined when unset, null when it is not one. */
function wholeNumberFrom(text: string | undefined, min: number, max: number): number | undefined | null {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/** REBUILD_BATCH_SIZE: events per read-store commit (the pump's default when unset). */
const batchSizeFrom = (text: string | undefined) => wholeNumberFrom(text, 1, 100_000);

/** REBUILD_CACHED_DOCUMENTS: documents a rebuild keeps in memory (REBUILD_CACHED_DOCUMENTS in rebuild.ts when unset). */
const cacheSizeFrom = (text: string | undefined) => wholeNumberFrom(text, 0, 10_000_000);

/**
 * REBUILD_PARTS: threads of a rebuild of every read model, or null when it is not a count. When
 * unset, two on a machine with two cores or more, else one: on this project's 2-core machine the
 * national year took 156 s in two parts against 205 s in one (each part reads and parses the whole
 * log, so more parts than cores gain nothing).
 */
function partsFrom(text: string | undefined): number | null {
  const n = wholeNumberFrom(text, 1, 8);
  return n === undefined ? Math.min(2, availableParallelism()) : n;
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
  const batchSize = batchSizeFrom(process.env.REBUILD_BATCH_SIZE);
  if (batchSize === null) {
    console.error('REBUILD_BATCH_SIZE must be a whole number of events from 1 to 100000');
    return 2;
  }
  const documentCacheSize = cacheSizeFrom(process.env.REBUILD_CACHED_DOCUMENTS);
  if (documentCacheSize === null) {
    console.error('REBUILD_CACHED_DOCUMENTS must be a whole number of documents from 0 to 10000000');
    return 2;
  }
  const display = new ProgressDisplay(process.stderr);
  const progress = (p: RebuildProgress) => display.update(p.projection, p.events, p.total);
  let results: RebuildResult[];
  /** One line per part of a rebuild in parts, as each finished. */
  const partsDone: string[] = [];
  if (all && (config.topology ?? EMBEDDED).readModels.kind === 'sqlite') {
    // Every read model into a new file, swapped in when whole (in REBUILD_PARTS parts on threads of their own).
    mkdirSync(config.dataDir, { recursive: true });
    const parts = partsFrom(process.env.REBUILD_PARTS);
    if (parts === null) {
      console.error('REBUILD_PARTS must be a whole number of threads from 1 to 8');
      return 2;
    }
    results = await rebuildAllInParts(config, progress, {
      batchSize,
      parts,
      documentCacheSize,
      onPartDone: ({ index, readModels, seconds }) => partsDone.push(`part ${index + 1} of ${parts} (${readModels} read models) folded after ${seconds.toFixed(2)} s`),
    });
  } else {
    const stores = await openStores(config);
    try {
      results = await rebuildProjections(all ? 'all' : names, stores, progress, undefined, { batchSize, documentCacheSize });
    } finally {
      await stores.close();
    }
  }
  const events = results[0]?.events ?? 0;
  const seconds = results[0]?.seconds ?? 0;
  const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  display.finish(
    `rebuilt ${results.length} read model(s) in ${partsDone.length > 1 ? `${partsDone.length} parts, a pass each` : 'one pass'}: ${events} events in ${seconds.toFixed(2)} s, ${rate(events, seconds)} events/s, peak RSS ${peakMb} MB`,
  );
  if (partsDone.length > 1) for (const line of partsDone) console.error(line);
  const counters = results[0]?.counters;
  if (counters) {
    console.error(
      `${counters.batches} read-store commits, ${counters.documentsRead} documents read, ${counters.documentsCached} from memory, ${counters.documentsWritten} written`,
    );
  }
  return 0;
}

async function migrate(args: readonly string[]): Promise<number> {
  const source = storageConfigFromEnvironment();
  let target;
  try {
    target = migrationTarget(args, source);
  } catch (error) {
    if (!(error instanceof MigrationUsage)) throw error;
    console.error(`${error.message}\n\nusage: npm run migrate -- --to <data directory | esdb://…> [--read-models <data directory | mongodb://…>]`);
    return 2;
  }
  if ((source.topology ?? EMBEDDED).events.kind === 'sqlite' && !existsSync(join(source.dataDir, 'events.db'))) {
    console.error(`no event log in ${source.dataDir} (events.db); set DATA_DIR to the service's data directory`);
    return 2;
  }
  console.error('warning: stop the services writing to the source first; events appended during the copy may be left behind (run it again to copy them)');
  const from = await openStores(source);
  try {
    const to = await openStores(target);
    const display = new ProgressDisplay(process.stderr);
    try {
      const copied = await migrateLog(from.events, to.events, (p) => display.update('log', p.events, p.total));
      display.finish(
        `log: ${copied.events} events read, ${copied.appended} appended (${copied.events - copied.appended} were there already) in ${copied.seconds.toFixed(2)} s, ${rate(copied.events, copied.seconds)} events/s`,
      );
      const results = await rebuildProjections(
        'all',
        to,
        (p) => display.update(p.projection, p.events, p.total),
        (r) => display.finish(`${r.projection}: ${r.events} events in ${r.seconds.toFixed(2)} s`),
      );
      console.error(`rebuilt ${results.length} read model(s) on the target`);
      const topology = target.topology ?? EMBEDDED;
      console.log(
        [
          topology.events.kind === 'sqlite' ? `EVENT_STORE=sqlite` : `EVENT_STORE=eventstoredb EVENTSTORE_CONNECTION_STRING='${topology.events.connectionString}'`,
          topology.readModels.kind === 'sqlite' ? `READ_STORE=sqlite DATA_DIR='${target.dataDir}'` : `READ_STORE=mongodb MONGO_URL='${topology.readModels.url}'`,
        ].join(' '),
      );
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
  return 0;
}

async function bench(name: (typeof SECTIONS)[number]): Promise<number> {
  const section = await runSection(name, (line) => console.error(line));
  console.log(formatSection(section));
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
