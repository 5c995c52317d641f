import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { itemsOf, JINAN_STATION_OPERATIONS_RUBRIC } from '@sws/assessment';
import { creditCodeCheckCharacter } from '@sws/stations-contracts';
import { Principal } from '../../../api/src/auth/principal';
import { PROVINCES, township as townshipName } from '../generate/divisions';
import { mintToken } from '../../../api/src/auth/token-verifier';
import { Measured, Section, summarize } from './report';
import { stopChild } from './processes';

/**
 * Durable commands over HTTP: the service started as its own process on a fresh data directory
 * (synchronous=FULL), fixtures seeded through its API, then autocannon at `connections`
 * connections for each command, beside a bare NestJS 11 Fastify POST with the same validation
 * (bare-app.ts) measured in the same run. Every request is a distinct valid command: a new
 * station; a supervision session of its own supervisor and slot (sessions of one supervisor
 * never overlap); the scores and then the submission of an assessment started for it.
 */

export interface CommandsBenchOptions {
  readonly runs: number;
  readonly connections: number;
  /** Requests per run for the station, session and bare figures. */
  readonly requests: number;
  /** Assessments scored and submitted per run (two requests each). */
  readonly assessments: number;
  /** Supervisors the sessions are spread over. */
  readonly supervisors: number;
  /** Social workers the sessions supervise, one each, assigned ten to a station. */
  readonly workers: number;
  /**
   * Sessions as the benchmark placed them before they took the national shape: each
   * supervisor's in consecutive 45-minute slots, eight a day from 5 January (so forty and more in
   * one month), over 50 workers at 10 stations (hundreds a worker in a week): to compare with
   * figures taken so, and as the densest case the rules allow.
   */
  readonly denseSessions?: boolean;
  /** Where the built service is (the repository's root, with dist/ built). */
  readonly root: string;
  /** Node options for the service process, e.g. to profile it: ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  readonly serviceNodeArgs?: readonly string[];
  /** The commands to measure (all by default); the bare POST is always measured. */
  readonly only?: readonly CommandName[];
  /**
   * Registers the measured stations all in one county (历城区), as the benchmark did before they
   * were spread over the real counties: to compare with figures taken so.
   */
  readonly stationsInOneCounty?: boolean;
}

export const COMMANDS = ['stations', 'sessions', 'assessments'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const DEFAULT_COMMANDS_BENCH: Omit<CommandsBenchOptions, 'root'> = {
  runs: 3,
  connections: 50,
  requests: 5000,
  assessments: 1000,
  supervisors: 500,
  workers: 1000,
};

/** The dense shape's supervisors and workers (denseSessions), unless told otherwise. */
const DENSE = { supervisors: 200, workers: 50 } as const;

/** A supervisor's sessions fall in January to November, a month in turn (the contract's year, before today's month). */
const SESSION_MONTHS = 11;
/** And on the 3rd to the 28th of a month, one a day. */
const SESSION_DAYS = 26;

export const TARGETS = { perSecond: 5000, p99Ms: 50, bareRatio: 0.4 } as const;

/**
 * BENCH_RUNS, BENCH_CONNECTIONS, BENCH_REQUESTS, BENCH_ASSESSMENTS, BENCH_SUPERVISORS, BENCH_WORKERS;
 * BENCH_DENSE_SESSIONS=1 places the sessions as the benchmark did before (denseSessions);
 * BENCH_ONLY=stations,sessions,assessments (a subset); BENCH_SERVICE_NODE_ARGS (e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof") for the service process; BENCH_ONE_COUNTY=1 registers
 * the measured stations all in one county.
 */
export function commandsBenchOptionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): CommandsBenchOptions {
  const count = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
    return value;
  };
  const dense = env.BENCH_DENSE_SESSIONS === '1';
  return {
    runs: count('BENCH_RUNS', DEFAULT_COMMANDS_BENCH.runs),
    connections: count('BENCH_CONNECTIONS', DEFAULT_COMMANDS_BENCH.connections),
    requests: count('BENCH_REQUESTS', DEFAULT_COMMANDS_BENCH.requests),
    assessments: count('BENCH_ASSESSMENTS', DEFAULT_COMMANDS_BENCH.assessments),
    supervisors: count('BENCH_SUPERVISORS', dense ? DENSE.supervisors : DEFAULT_COMMANDS_BENCH.supervisors),
    workers: count('BENCH_WORKERS', dense ? DENSE.workers : DEFAULT_COMMANDS_BENCH.workers),
    root: process.cwd(),
    ...(env.BENCH_SERVICE_NODE_ARGS ? { serviceNodeArgs: env.BENCH_SERVICE_NODE_ARGS.split(' ').filter(Boolean) } : {}),
    ...(env.BENCH_ONLY ? { only: onlyCommands(env.BENCH_ONLY) } : {}),
    ...(env.BENCH_ONE_COUNTY === '1' ? { stationsInOneCounty: true } : {}),
    ...(dense ? { denseSessions: true } : {}),
  };
}

function onlyCommands(text: string): CommandName[] {
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !COMMANDS.includes(name as CommandName));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY takes ${COMMANDS.join(', ')}, not ${unknown.join(', ')}`);
  return names as CommandName[];
}

export interface Started {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a built module as its own process, listening on a free port given as `portVariable`, and waits until `ready` answers. */
export async function startProcess(
  root: string,
  script: string,
  env: NodeJS.ProcessEnv,
  ready: string,
  nodeArgs: readonly string[] = [],
  portVariable = 'PORT',
): Promise<Started> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [...nodeArgs, '-r', 'tsconfig-paths/register', join(root, 'dist', script)], {
    cwd: root,
    env: { ...process.env, TS_NODE_BASEURL: './dist', ...env, [portVariable]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${output}`);
    try {
      const answer = await fetch(`${url}${ready}`, { method: ready === '/health' ? 'GET' : 'OPTIONS' });
      if (answer.status < 500) return { url, child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${script} did not start:\n${output}`);
}

const COUNTY = { code: '370112', province: '山东省', city: '济南市', county: '历城区' };
const township = (n: number) => ({ ...COUNTY, code: `370112${String(n % 1000).padStart(3, '0')}`, township: `第${n}街道` });

/** Every county of the generator's table of real divisions (411, all of Shandong's among them), with its city and province. */
const COUNTIES = PROVINCES.flatMap((province) =>
  province.prefectures.flatMap((prefecture) => prefecture.counties.map((county) => ({ code: county.code, province: province.name, city: prefecture.name, county: county.name }))),
);

/**
 * The region of the n-th station registered under load: the real counties in turn, each taking
 * its next township code (county code and a 3-digit sequence number), so that every county grows
 * alike, as the stations of a national data set are placed (a default run ends near 40 a county).
 */
function spreadStationBody(n: number) {
  const county = COUNTIES[n % COUNTIES.length];
  const index = Math.floor(n / COUNTIES.length) % 999;
  const { name, kind } = townshipName(county.county, index);
  const region = { ...county, code: `${county.code}${String(index + 1).padStart(3, '0')}`, township: name };
  return { ...stationBody(n, region), kind };
}

let creditSerial = 0;
function creditCode(prefix: string): string {
  creditSerial += 1;
  const body = `${prefix}370112MJ${String(creditSerial).padStart(7, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

function stationBody(n: number, region: { readonly code: string; readonly township: string } = township(n)) {
  return { name: `${region.township}社工站`, kind: 'street', region, operatingModel: 'outsourced', villageCount: 8 + (n % 20) };
}

/** The body of the n-th station registered under load (the warm-up's and the measured). */
const loadStationBody = (o: CommandsBenchOptions, n: number) => (o.stationsInOneCounty ? stationBody(n) : spreadStationBody(n));

const ASSESSOR_KINDS = ['third_party', 'community', 'service_users'] as const;
const SCORES = { scores: itemsOf(JINAN_STATION_OPERATIONS_RUBRIC).map((item) => ({ itemCode: item.code, points: item.maxPoints, evidence: '查阅台账并现场查看' })) };
const SUBMISSION = { findings: '台账规范，个案服务扎实；小组工作场次不足', recommendations: '增加小组工作频次', wouldRecommend: true };

/** The records the commands refer to, made through the service's API. */
export interface Fixtures {
  readonly contractId: string;
  readonly evaluator: Principal;
  /** The workers, each with the station it is assigned to. */
  readonly workers: ReadonlyArray<{ readonly stationId: string; readonly socialWorkerId: string }>;
  readonly supervisors: readonly Principal[];
  readonly stationIds: readonly string[];
  /** Sessions placed as in CommandsBenchOptions.denseSessions. */
  readonly denseSessions: boolean;
}

export class Api {
  private readonly tokens = new Map<string, string>();
  constructor(
    readonly url: string,
    private readonly secret: string,
  ) {}

  authorization(principal: Principal): string {
    const key = JSON.stringify(principal);
    let token = this.tokens.get(key);
    if (!token) {
      token = `Bearer ${mintToken(principal, Buffer.from(this.secret), { nowMs: Date.now(), ttlSeconds: 3600 })}`;
      this.tokens.set(key, token);
    }
    return token;
  }

  /** POSTs and expects 201; sends it again (with the same Idempotency-Key) when writes met at once. */
  async created(path: string, body: object, as: Principal): Promise<string> {
    const key = randomBytes(12).toString('hex');
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${this.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: this.authorization(as), 'idempotency-key': key },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { id?: string; code?: string };
      if (response.status === 201 && answer.id) return answer.id;
      if (response.status !== 409 || answer.code !== 'CONCURRENT_WRITE' || attempt >= 5) {
        throw new Error(`seeding ${path}: ${response.status} ${JSON.stringify(answer)}`);
      }
    }
  }
}

/** Runs `make` for 0..count-1, `parallel` at a time. */
async function inParallel<T>(count: number, parallel: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await make(i);
      }
    }),
  );
  return out;
}

export const ADMIN: Principal = { userId: 'bench-admin', role: 'admin', orgId: 'centre-370112' };

export async function seed(api: Api, o: CommandsBenchOptions): Promise<Fixtures> {
  const organization = (kind: string, prefix: string, name: string) =>
    api.created('/organizations', { name, kind, creditCode: creditCode(prefix), region: COUNTY }, ADMIN);
  const purchaser = await organization('purchaser', '11', '历城区民政局');
  const operatorOrg = await organization('operator', '52', '阳光社工服务中心');
  const evaluatorOrg = await organization('evaluator', '52', '泉城社会工作评估中心');
  // Each station takes 36 assessments a year: 12 monthly periods for each of 3 assessor kinds;
  // and ten workers at each station (the dense shape's at the first ten only).
  const stationCount = Math.max(10, Math.ceil((o.assessments * o.runs + warmUp(o).assessments) / 36), o.denseSessions ? 0 : Math.ceil(o.workers / 10));
  const stationIds = await inParallel(stationCount, 10, (i) => api.created('/stations', stationBody(900_000 + i), ADMIN));
  const procurement: Principal = { userId: `procurement@${purchaser}`, role: 'procurement', orgId: purchaser };
  const contractId = await api.created(
    '/contracts',
    {
      purchaserOrgId: purchaser,
      operatorOrgId: operatorOrg,
      stationIds,
      term: { start: '2026-01-01', end: '2026-12-31' },
      budget: { totalCny: 60_000_000, sources: [{ kind: 'fiscal', amountCny: 60_000_000 }] },
    },
    procurement,
  );
  const operator: Principal = { userId: `operator@${operatorOrg}`, role: 'operator', orgId: operatorOrg };
  const workerStations = o.denseSessions ? 10 : stationCount;
  const workers = await inParallel(o.workers, 10, async (i) => {
    const stationId = stationIds[i % workerStations]!;
    const socialWorkerId = await api.created('/social-workers', { name: `社工${i}`, certification: 'assistant', socialWorkDegree: true }, operator);
    await api.created(`/social-workers/${socialWorkerId}/assignments`, { contractId, stationId, post: 'resident', from: '2026-01-01' }, operator);
    return { stationId, socialWorkerId };
  });
  const supervisorIds = await inParallel(o.supervisors, 10, (i) =>
    api.created('/supervisors', { name: `督导${i}`, tier: 'county', affiliation: 'independent' }, ADMIN),
  );
  const supervisors = supervisorIds.map((supervisorId): Principal => ({ userId: `supervisor@${supervisorId}`, role: 'supervisor', orgId: 'org-none', supervisorId }));
  await api.created('/rubrics', JINAN_STATION_OPERATIONS_RUBRIC, ADMIN);
  return {
    contractId,
    evaluator: { userId: `evaluator@${evaluatorOrg}`, role: 'evaluator', orgId: evaluatorOrg },
    workers,
    supervisors,
    stationIds,
    denseSessions: o.denseSessions === true,
  };
}

/**
 * When the n-th session is held. Its supervisor is n modulo their number, and so is its worker.
 * In the national shape (the generator's: a session a month at every station, about three a
 * supervisor's month, a dozen a worker's year) a supervisor's k-th session falls in month k
 * modulo 11 on a day of its own, so the 16,000 sessions of a default run over 500 supervisors
 * and 1,000 workers give each supervisor about three a month and each worker sixteen a year. In
 * the dense shape a supervisor's sessions take consecutive 45-minute slots, eight a day.
 */
function sessionTime(f: Fixtures, n: number): { heldOn: string; startTime: string } {
  const k = Math.floor(n / f.supervisors.length);
  if (f.denseSessions) {
    const heldOn = new Date(Date.UTC(2026, 0, 5) + Math.floor(k / 8) * 86_400_000).toISOString().slice(0, 10);
    return { heldOn, startTime: `${String(8 + (k % 8)).padStart(2, '0')}:00` };
  }
  const day = Math.floor(k / SESSION_MONTHS);
  if (day >= SESSION_DAYS) throw new Error(`session ${n} needs more than ${f.supervisors.length} supervisors (BENCH_SUPERVISORS)`);
  const month = String(1 + (k % SESSION_MONTHS)).padStart(2, '0');
  return { heldOn: `2026-${month}-${String(3 + day).padStart(2, '0')}`, startTime: '09:00' };
}

/** The requests (assessments, for the assessment figure) of each command made before the measured runs. */
function warmUp(o: Pick<CommandsBenchOptions, 'requests' | 'assessments'>) {
  return { stations: Math.min(o.requests, 1000), sessions: Math.min(o.requests, 1000), assessments: Math.min(o.assessments, 200) };
}

/** How many sessions a supervisor's month and a worker's year hold by the end of the runs, in the national shape. */
function sessionDensity(o: CommandsBenchOptions): string {
  const sessions = warmUp(o).sessions + o.runs * o.requests;
  const perMonth = sessions / o.supervisors / SESSION_MONTHS;
  return `by the end at most ${Math.ceil(perMonth)} a supervisor's month and ${Math.ceil(sessions / o.workers)} a worker's year`;
}

/** The n-th session: its supervisor's, its worker's (see sessionTime), 45 minutes. */
export function sessionBody(f: Fixtures, n: number) {
  const supervisor = f.supervisors[n % f.supervisors.length]!;
  const worker = f.workers[n % f.workers.length]!;
  const { heldOn, startTime } = sessionTime(f, n);
  return {
    as: supervisor,
    body: {
      contractId: f.contractId,
      stationId: worker.stationId,
      superviseeIds: [worker.socialWorkerId],
      heldOn,
      startTime,
      durationMinutes: 45,
      format: 'individual',
      functions: ['educational', 'supportive'],
      topics: ['困境儿童个案评估'],
      summary: '梳理困境儿童个案的评估要点与服务计划',
      followUps: ['月底前完成个案评估表'],
    },
  };
}

/**
 * The n-th assessment's start: station n modulo their number (so that assessments started at
 * once are of different stations), then a month and an assessor kind for each round of stations.
 */
function assessmentBody(f: Fixtures, n: number) {
  const round = Math.floor(n / f.stationIds.length);
  if (round >= 36) throw new Error(`assessment ${n} needs more than ${f.stationIds.length} stations`);
  const month = round % 12;
  const from = new Date(Date.UTC(2026, month, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(2026, month + 1, 0)).toISOString().slice(0, 10);
  return {
    contractId: f.contractId,
    stationId: f.stationIds[n % f.stationIds.length]!,
    period: { kind: 'monthly', from, to },
    assessorKind: ASSESSOR_KINDS[Math.floor(round / 12)]!,
    rubricCode: JINAN_STATION_OPERATIONS_RUBRIC.code,
    rubricVersion: JINAN_STATION_OPERATIONS_RUBRIC.version,
  };
}

export interface LoadResult {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  /** The read models' lag in events when the load began and the most seen during it (null: no /health). */
  readonly behind: { readonly atStart: number | null; readonly max: number | null };
}

interface LoadRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** autocannon at `connections` connections for `amount` requests; `next(context)` makes each request. */
export async function load(url: string, connections: number, amount: number, sequence: ReadonlyArray<(context: Record<string, unknown>) => LoadRequest>): Promise<LoadResult> {
  // A dev dependency: imported here so that the production build does not need it.
  const autocannon = (await import('autocannon')).default;
  const started = Date.now();
  let lastAnswer = started;
  const instance = autocannon({
    url,
    connections,
    amount,
    timeout: 30,
    requests: sequence.map((make) => ({ setupRequest: (_request: unknown, context: Record<string, unknown>) => make(context) })),
  } as never) as unknown as PromiseLike<unknown> & { on(event: 'response', listener: () => void): void };
  instance.on('response', () => (lastAnswer = Date.now()));
  const lag = lagSampler(url);
  const result = await instance;
  const behind = await lag.stop();
  const r = result as unknown as {
    requests: { total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  // Given an amount, autocannon ends a run only at its next one-second tick, so its own duration
  // rounds the rate down to the amount over whole seconds: the rate is measured to the last answer.
  const seconds = Math.max(lastAnswer - started, 1) / 1000;
  return { perSecond: r.requests.total / seconds, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, behind };
}

/** CPU time (user and system) a process has used, in ms, from /proc (null where there is none). */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields 14 and 15 (utime, stime), counted after the command name's closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on Linux. */
const CLOCK_TICKS = 100;

/**
 * The read models' lag during a load: `/health`'s `behind` (events the pump has yet to fold)
 * sampled every 100 ms, and the greatest seen. The bare app has no /health: its lag stays null.
 */
function lagSampler(url: string): { stop(): Promise<{ atStart: number | null; max: number | null }> } {
  let atStart: number | null | undefined;
  let max: number | null = null;
  let running = true;
  const sample = async () => {
    try {
      const answer = await fetch(`${url}/health`);
      const behind = answer.ok ? ((await answer.json()) as { behind?: number | null }).behind ?? null : null;
      if (atStart === undefined) atStart = behind;
      if (behind !== null) max = Math.max(max ?? 0, behind);
    } catch {
      if (atStart === undefined) atStart = null;
    }
  };
  const loop = (async () => {
    while (running) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { atStart: atStart ?? null, max };
    },
  };
}

export const json = (authorization: string) => ({ 'content-type': 'application/json', authorization });

export async function commandsSection(options: Partial<CommandsBenchOptions> = {}, log: (line: string) => void = () => {}): Promise<Section> {
  const o: CommandsBenchOptions = { ...DEFAULT_COMMANDS_BENCH, root: process.cwd(), ...options };
  const dataDir = mkdtempSync(join(tmpdir(), 'sws-bench-commands-'));
  const secret = randomBytes(32).toString('hex');
  const results: Record<'station' | 'session' | 'assessment' | 'bare', LoadResult[]> = { station: [], session: [], assessment: [], bare: [] };
  let service: Started | undefined;
  let bare: Started | undefined;
  try {
    log('starting the service (synchronous=FULL) and the bare NestJS app...');
    service = await startProcess(
      o.root,
      'apps/api/src/main.js',
      { DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'FULL', AUTH_JWT_SECRET: secret, RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_USER: '0' },
      '/health',
      o.serviceNodeArgs,
    );
    bare = await startProcess(o.root, 'apps/cli/src/bench/bare-app.js', {}, '/stations');
    const api = new Api(service.url, secret);
    log('seeding organizations, stations, a contract, workers, supervisors and a rubric...');
    const fixtures = await seed(api, o);
    const admin = api.authorization(ADMIN);
    const evaluator = api.authorization(fixtures.evaluator);
    let stations = 0;
    let sessions = 0;
    let assessments = 0;
    const measures = (name: CommandName) => o.only === undefined || o.only.includes(name);
    const bareBody = JSON.stringify(stationBody(1));
    const bareLoad = () => load(bare!.url, o.connections, o.requests, [() => ({ method: 'POST', path: '/stations', headers: json(admin), body: bareBody })]);
    const stationLoad = (requests: number) =>
      load(service!.url, o.connections, requests, [
        () => ({ method: 'POST', path: '/stations', headers: json(admin), body: JSON.stringify(loadStationBody(o, stations++)) }),
      ]);
    const sessionLoad = (requests: number) =>
      load(service!.url, o.connections, requests, [
        () => {
          const { as, body } = sessionBody(fixtures, sessions++);
          return { method: 'POST', path: '/supervision-sessions', headers: json(api.authorization(as)), body: JSON.stringify(body) };
        },
      ]);
    /** Starts `count` assessments (not measured); the load then scores and submits each. */
    const assessmentLoad = async (count: number) => {
      const first = assessments;
      const ids = await inParallel(count, 20, (i) => api.created('/assessments', assessmentBody(fixtures, first + i), fixtures.evaluator));
      assessments += count;
      let taken = 0;
      const scores = JSON.stringify(SCORES);
      const submission = JSON.stringify(SUBMISSION);
      return () =>
        load(service!.url, o.connections, 2 * count, [
          (context) => {
            context.id = ids[taken++ % ids.length];
            return { method: 'POST', path: `/assessments/${context.id}/scores`, headers: json(evaluator), body: scores };
          },
          (context) => ({ method: 'POST', path: `/assessments/${context.id}/submission`, headers: json(evaluator), body: submission }),
        ]);
    };
    // Each measured command once before the runs, so that the first run does not pay for compiling its code.
    log('warming up (not measured)...');
    await bareLoad();
    await stationLoad(warmUp(o).stations);
    if (measures('sessions')) await sessionLoad(warmUp(o).sessions);
    if (measures('assessments')) await (await assessmentLoad(warmUp(o).assessments))();
    const serviceCpu = () => cpuMsOf(service!.child.pid);
    const measured = async (name: string, requests: number, run: () => Promise<LoadResult>): Promise<LoadResult> => {
      const cpuBefore = serviceCpu();
      const result = await run();
      const cpuAfter = serviceCpu();
      const cpu = cpuBefore === null || cpuAfter === null ? '-' : ((cpuAfter - cpuBefore) / requests).toFixed(2);
      const { atStart, max } = result.behind;
      log(
        `  ${name}: ${Math.round(result.perSecond)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, service CPU ${cpu} ms a request; ` +
          `read models behind by ${atStart ?? '-'} events at the start, at most ${max ?? '-'}`,
      );
      return result;
    };
    for (let run = 1; run <= o.runs; run++) {
      log(`run ${run}/${o.runs}: bare POST...`);
      results.bare.push(await bareLoad());

      if (measures('stations')) {
        log(`run ${run}/${o.runs}: POST /stations...`);
        results.station.push(await measured('stations', o.requests, () => stationLoad(o.requests)));
      }

      if (measures('sessions')) {
        log(`run ${run}/${o.runs}: POST /supervision-sessions...`);
        results.session.push(await measured('sessions', o.requests, () => sessionLoad(o.requests)));
      }

      if (!measures('assessments')) continue;
      log(`run ${run}/${o.runs}: starting ${o.assessments} assessments (not measured), then scoring and submitting them...`);
      const scoreAndSubmit = await assessmentLoad(o.assessments);
      results.assessment.push(await measured('assessments', 2 * o.assessments, scoreAndSubmit));
    }
  } finally {
    await service?.stop();
    await bare?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return commandFigures(results, o);
}

function commandFigures(results: Record<'station' | 'session' | 'assessment' | 'bare', LoadResult[]>, o: CommandsBenchOptions): Section {
  const median = (runs: readonly number[]) => summarize(runs).median;
  const figures: Measured[] = [];
  const bareRates = results.bare.map((r) => r.perSecond);
  const named = [
    ['POST /stations (register a station)', results.station],
    ['POST /supervision-sessions (log a session)', results.session],
    ['POST /assessments/{id}/scores then /submission', results.assessment],
  ] as const;
  figures.push({ name: 'bare NestJS 11 Fastify POST, same validation', unit: 'req/s', runs: bareRates, note: `non-2xx ${results.bare.reduce((s, r) => s + r.non2xx, 0)}` });
  for (const [name, runs] of named) {
    if (runs.length === 0) continue;
    const rates = runs.map((r) => r.perSecond);
    const p99 = runs.map((r) => r.p99);
    const non2xx = runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
    figures.push(
      { name, unit: 'req/s', runs: rates, target: `≥ ${TARGETS.perSecond.toLocaleString('en-US')}`, met: median(rates) >= TARGETS.perSecond, note: `non-2xx or errors: ${non2xx} (must be 0)` },
      { name: `${name} non-2xx or errors`, unit: 'answers', runs: runs.map((r) => r.non2xx + r.errors), target: '0', met: non2xx === 0 },
      { name: `${name} p50`, unit: 'ms', runs: runs.map((r) => r.p50) },
      { name: `${name} p99`, unit: 'ms', runs: p99, target: `< ${TARGETS.p99Ms}`, met: median(p99) < TARGETS.p99Ms },
      {
        name: `${name} / bare POST`,
        unit: '×',
        runs: rates.map((rate, i) => rate / bareRates[i]!),
        target: `≥ ${TARGETS.bareRatio}`,
        met: median(rates.map((rate, i) => rate / bareRates[i]!)) >= TARGETS.bareRatio,
      },
    );
  }
  return {
    title: 'Durable commands over HTTP (synchronous=FULL)',
    figures,
    notes: [
      `${o.runs} runs; autocannon at ${o.connections} connections, ${o.requests} requests per run for the station, session and bare figures, ${o.assessments} assessments (${2 * o.assessments} requests) per run for the assessment figure; the service and the bare app each in its own process on this machine.`,
      o.stationsInOneCounty
        ? 'Stations registered under load all in one county (BENCH_ONE_COUNTY=1).'
        : `Stations registered under load spread over the ${COUNTIES.length} real counties of the generator's division table in turn (about ${Math.ceil((warmUp(o).stations + o.runs * o.requests) / COUNTIES.length)} a county by the end).`,
      `Before the runs, each measured command once, not measured: ${warmUp(o).stations} stations, ${warmUp(o).sessions} sessions, ${warmUp(o).assessments} assessments.`,
      o.denseSessions
        ? `Sessions in the dense shape (BENCH_DENSE_SESSIONS=1): spread over ${o.supervisors} supervisors and ${o.workers} workers at 10 stations, each supervisor's in consecutive 45-minute slots, eight a day.`
        : `Sessions in the national shape: spread over ${o.supervisors} supervisors and ${o.workers} workers, ten at each station, each supervisor's k-th session in month k modulo 11 of 2026 on a day of its own (${sessionDensity(o)}); the generator's national data set holds about 3 a supervisor's month and 12 a worker's year.`,
      'Assessments started (not measured) before each run, monthly periods of stations under one contract.',
      'Reproduce: npm run cli -- bench-section commands (BENCH_RUNS, BENCH_CONNECTIONS, BENCH_REQUESTS, BENCH_ASSESSMENTS, BENCH_SUPERVISORS, BENCH_WORKERS, BENCH_DENSE_SESSIONS, BENCH_ONLY, BENCH_ONE_COUNTY).',
    ],
  };
}

export const forTesting = { sessionBody, assessmentBody, commandFigures, loadStationBody };

/** The bodies the loads send, for the validation section (the pipe alone on them). */
export const loadBodies = { station: spreadStationBody, scores: SCORES };
