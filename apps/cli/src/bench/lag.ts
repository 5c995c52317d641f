import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api, CommandsBenchOptions, DEFAULT_COMMANDS_BENCH, json, load, LoadResult, seed, sessionBody, startProcess, Started } from './commands';
import { Section, summarize } from './report';

/**
 * The projector's steady-state lag under the HTTP load of the commands section: the production
 * topology on one data directory (an API process with PROJECTIONS=off taking the sessions load at
 * synchronous=FULL, and the projector folding the log into the read models), with the projector's
 * /health read every POLL_MS during the load. `behind` is the events the slowest read model has
 * yet to fold; the drain is the time from the last answer to every read model being current.
 */

const POLL_MS = 50;

interface LagRun {
  readonly load: LoadResult;
  /** `behind` at each poll during the load. */
  readonly behind: number[];
  readonly drainSeconds: number;
}

interface ProjectorHealth {
  readonly status: string;
  readonly behind: number | null;
}

async function projectorHealth(url: string): Promise<ProjectorHealth> {
  const answer = await fetch(`${url}/health`);
  return (await answer.json()) as ProjectorHealth;
}

/** Resolves when the projector reports nothing behind, with the seconds it took. */
async function drained(url: string, timeoutMs = 300_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const health = await projectorHealth(url);
    if (health.behind === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > timeoutMs) throw new Error(`the projector is still ${health.behind} events behind after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function lagSection(options: Partial<CommandsBenchOptions> = {}, log: (line: string) => void = () => {}): Promise<Section> {
  const o: CommandsBenchOptions = { ...DEFAULT_COMMANDS_BENCH, root: process.cwd(), ...options };
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-bench-lag-'));
  const secret = randomBytes(32).toString('hex');
  const runs: LagRun[] = [];
  let api: Started | undefined;
  let projector: Started | undefined;
  try {
    log('starting an API process (PROJECTIONS=off, synchronous=FULL) and the projector on one data directory...');
    const env = { DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'FULL', AUTH_JWT_SECRET: secret, RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_USER: '0' };
    api = await startProcess(o.root, 'apps/api/src/main.js', { ...env, PROJECTIONS: 'off' }, '/health');
    projector = await startProcess(o.root, 'apps/projector/src/main.js', env, '/health', [], 'PROJECTOR_PORT');
    const client = new Api(api.url, secret);
    log('seeding through the API...');
    const fixtures = await seed(client, { ...o, assessments: 1, runs: 1 });
    let sessions = 0;
    for (let run = 1; run <= o.runs; run++) {
      await drained(projector.url);
      log(`run ${run}/${o.runs}: POST /supervision-sessions with the projector following...`);
      const behind: number[] = [];
      let loading = true;
      const polling = (async () => {
        while (loading) {
          const health = await projectorHealth(projector!.url);
          if (health.behind !== null) behind.push(health.behind);
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      })();
      const result = await load(api.url, o.connections, o.requests, [
        () => {
          const { as, body } = sessionBody(fixtures, sessions++);
          return { method: 'POST', path: '/supervision-sessions', headers: json(client.authorization(as)), body: JSON.stringify(body) };
        },
      ]);
      loading = false;
      await polling;
      runs.push({ load: result, behind, drainSeconds: await drained(projector.url) });
    }
  } finally {
    await api?.stop();
    await projector?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return lagFigures(runs, o);
}

function lagFigures(runs: readonly LagRun[], o: CommandsBenchOptions): Section {
  const percentile = (values: readonly number[], p: number) => {
    if (values.length === 0) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  };
  const errors = runs.reduce((sum, r) => sum + r.load.non2xx + r.load.errors, 0);
  return {
    title: 'Projector lag under the sessions load (PROJECTIONS=off API + projector)',
    figures: [
      { name: 'POST /supervision-sessions, API with PROJECTIONS=off', unit: 'req/s', runs: runs.map((r) => r.load.perSecond), note: `non-2xx or errors: ${errors}` },
      { name: 'POST /supervision-sessions, API with PROJECTIONS=off: p99', unit: 'ms', runs: runs.map((r) => r.load.p99) },
      { name: 'projector behind the log during the load: median', unit: 'events', runs: runs.map((r) => percentile(r.behind, 50)) },
      { name: 'projector behind the log during the load: p99', unit: 'events', runs: runs.map((r) => percentile(r.behind, 99)) },
      { name: 'projector behind the log during the load: max', unit: 'events', runs: runs.map((r) => Math.max(0, ...r.behind)) },
      { name: 'projector current again after the last answer', unit: 's', runs: runs.map((r) => r.drainSeconds) },
    ],
    notes: [
      `${o.runs} runs of ${o.requests} sessions at ${o.connections} connections; the projector's /health read every ${POLL_MS} ms (${summarize(runs.map((r) => r.behind.length)).median} readings per run, median); both processes and autocannon on this machine.`,
      "behind counts the events of the log (each session's own and its reservation records) that the slowest read model has not folded yet.",
      'Reproduce: npm run cli -- bench-section lag (BENCH_RUNS, BENCH_CONNECTIONS, BENCH_REQUESTS, BENCH_SUPERVISORS, BENCH_WORKERS, BENCH_DENSE_SESSIONS).',
    ],
  };
}

export const forTesting = { lagFigures };
