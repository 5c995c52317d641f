import { spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { ADMIN_PRINCIPAL } from './principals';
import { Measured, Section, summarize } from './report';
import { DataSet } from './data-sets';
import { benchPort, benchToken, startBenchService, stopChild } from './processes';
import { sizeName } from './rebuild';

export interface QueryOptions {
  readonly runs: number;
  /** Requests per query and run, after the warm-up. */
  readonly requests: number;
}

interface Query {
  readonly name: string;
  readonly target: { readonly text: string; readonly p99Ms: number };
  /** The URL of the i-th request: the ids rotate so no one document stays hot. */
  readonly url: (i: number) => string;
}

const POINT = { text: 'p99 < 10 ms', p99Ms: 10 };
const AS_OF = { text: 'p99 < 100 ms', p99Ms: 100 };

/** The rank-th value of sorted latencies (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function getJson(url: string, token: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 && text.startsWith('{') ? JSON.parse(text) : text };
}

/**
 * A timed request: its status once the whole answer has arrived. The body is read to its last
 * byte but not kept, decoded or parsed, so the latency is the service's and the transfer's, not
 * the benchmark client's own JSON.parse (of a dossier's 94 KB: 0.3 ms at the median, 1 ms at the
 * 99th percentile). It goes through node:http on one kept-alive socket rather than `fetch`, whose
 * own work and garbage on this machine added about 0.5 ms to a dossier's median and 2-6 ms to its
 * 99th percentile (six alternating rounds of 1,000 against one service: p99 7.7-12.4 ms through
 * fetch, 6.0-6.8 through node:http).
 */
function timedGet(agent: Agent, url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * The machine's floor for a timed request: a bare `node:http` server in a process of its own,
 * answering every GET with a small JSON body, timed as the queries are. On this machine its p99
 * alone was 2.0-2.4 ms at a p50 of 0.2 ms (two processes sharing two cores), a share of every
 * query's p99 that no change to the service removes.
 */
export async function startFloorServer(port: number): Promise<{ readonly url: string; stop(): Promise<void> }> {
  const script = `require('node:http').createServer((q, r) => { r.setHeader('content-type', 'application/json'); r.end('{"ok":true}'); })
    .listen(${port}, '127.0.0.1', () => console.log('listening'));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
    child.stdout!.once('data', () => resolve());
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => stopChild(child),
  };
}

/** `requests` timed requests in a row, the i-th to `url(i)`: their latencies in ms, sorted. */
export async function timedLatencies(agent: Agent, url: (i: number) => string, requests: number, token: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const status = await timedGet(agent, url(i), token);
    latencies.push(performance.now() - started);
    if (status !== 200) throw new Error(`GET ${url(i)} answered ${status} during the benchmark`);
  }
  return latencies.sort((a, b) => a - b);
}

async function sample(base: string, path: string, token: string, limit = 200): Promise<any[]> {
  const { status, body } = await getJson(`${base}${path}${path.includes('?') ? '&' : '?'}limit=${limit}`, token);
  if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
  return body.data as any[];
}

const FLOOR = "a bare node:http GET (this machine's floor)";

/** The floor's p50 and p99 per run, measured as the queries are, beside them in the same section. */
async function floorFigures(options: QueryOptions, log: (line: string) => void): Promise<Measured[]> {
  const floor = await startFloorServer(benchPort());
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const p50: number[] = [];
    const p99: number[] = [];
    for (let run = 1; run <= options.runs; run++) {
      await timedLatencies(agent, () => floor.url, Math.min(20, options.requests), '');
      const latencies = await timedLatencies(agent, () => floor.url, options.requests, '');
      p50.push(percentile(latencies, 50));
      p99.push(percentile(latencies, 99));
    }
    log(`  ${FLOOR}: p50 ${summarize(p50).median.toFixed(2)} ms, p99 ${summarize(p99).median.toFixed(2)} ms`);
    return [
      { name: `${FLOOR}: p50`, unit: 'ms', runs: p50 },
      { name: `${FLOOR}: p99`, unit: 'ms', runs: p99 },
    ];
  } finally {
    agent.destroy();
    await floor.stop();
  }
}

/**
 * Query latency over HTTP against the service started on the data set with its read models
 * current: one request at a time (a tight loop, so latency is the service's, not a queue's),
 * p50 and p99 per run.
 */
export async function querySection(set: DataSet, options: QueryOptions, log: (line: string) => void): Promise<Section> {
  const service = await startBenchService(set.dataDir, benchPort());
  const notes: string[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const token = benchToken(ADMIN_PRINCIPAL);
    const base = service.url;
    const stations = await sample(base, '/stations', token);
    const contracts = await sample(base, '/contracts', token);
    const workers = await sample(base, '/social-workers', token);
    if (stations.length === 0 || contracts.length === 0 || workers.length === 0) throw new Error('the data set has no stations, contracts or workers to query');
    const id = (doc: any, field: string) => String(doc[field] ?? doc.id);
    const stationIds = stations.map((s) => id(s, 'stationId'));
    const contractIds = contracts.map((c) => id(c, 'contractId'));
    const workerIds = workers.map((w) => id(w, 'socialWorkerId'));
    const operators = [...new Set(contracts.map((c) => c.operatorOrgId as string))];
    const regionCode = (s: any) => String(s.region?.code ?? '370112');
    const counties = [...new Set(stations.map((s) => regionCode(s).slice(0, 6)))];
    const cities = [...new Set(counties.map((c) => `${c.slice(0, 4)}00`))];
    const provinces = [...new Set(counties.map((c) => `${c.slice(0, 2)}0000`))];
    const pick = <T>(items: readonly T[], i: number) => items[i % items.length];
    const pastDate = `${2025 - Math.max(0, set.years - 1)}-06-30`;
    const queries: Query[] = [
      { name: 'station scorecard', target: POINT, url: (i) => `/stations/${pick(stationIds, i)}/scorecard` },
      { name: 'worker ledger', target: POINT, url: (i) => `/social-workers/${pick(workerIds, i)}/ledger` },
      { name: 'contract performance', target: POINT, url: (i) => `/contracts/${pick(contractIds, i)}/performance` },
      { name: 'current eligibility', target: POINT, url: (i) => `/contracts/${pick(contractIds, i)}/renewal-eligibility` },
      { name: `eligibility ?asOf=${pastDate}`, target: AS_OF, url: (i) => `/contracts/${pick(contractIds, i)}/renewal-eligibility?asOf=${pastDate}` },
      { name: 'region rollup, county', target: POINT, url: (i) => `/regions/${pick(counties, i)}/rollup` },
      { name: 'region rollup, city', target: POINT, url: (i) => `/regions/${pick(cities, i)}/rollup` },
      { name: 'region rollup, province', target: POINT, url: (i) => `/regions/${pick(provinces, i)}/rollup` },
      { name: "an operator's contracts (narrowed list)", target: POINT, url: (i) => `/contracts?operatorOrgId=${pick(operators, i)}` },
      { name: 'renewal dossier (json)', target: POINT, url: (i) => `/contracts/${pick(contractIds, i)}/renewal-dossier?format=json` },
    ];
    const figures: Measured[] = await floorFigures(options, log);
    for (const query of queries) {
      const probe = await getJson(`${base}${query.url(0)}`, token);
      if (probe.status !== 200) {
        notes.push(`${query.name}: not measured, the service answers ${probe.status} (${JSON.stringify(probe.body).slice(0, 160)})`);
        continue;
      }
      const p50: number[] = [];
      const p99: number[] = [];
      for (let run = 1; run <= options.runs; run++) {
        for (let i = 0; i < Math.min(20, options.requests); i++) await getJson(`${base}${query.url(i)}`, token);
        const latencies = await timedLatencies(agent, (i) => `${base}${query.url(i + run * 7)}`, options.requests, token);
        p50.push(percentile(latencies, 50));
        p99.push(percentile(latencies, 99));
      }
      log(`  ${query.name}: p50 ${summarize(p50).median.toFixed(2)} ms, p99 ${summarize(p99).median.toFixed(2)} ms`);
      figures.push({ name: `${query.name}: p50`, unit: 'ms', runs: p50 });
      figures.push({ name: `${query.name}: p99`, unit: 'ms', runs: p99, target: query.target.text, met: summarize(p99).median < query.target.p99Ms });
    }
    notes.push(
      `${sizeName(set.scale)} data set (${set.years} year(s), seed ${set.seed}); ${options.requests} sequential requests per query and run over one keep-alive connection (node:http) on the same machine, ids rotating over up to 200 of each kind; each latency runs to the answer's last byte (the body read, not parsed).`,
      "A county's stations as a narrowed list: GET /stations takes no region filter, so the region rollup (county) stands for it.",
      `The floor: ${FLOOR.replace(" (this machine's floor)", '')} answering 11 bytes of JSON from a process of its own, timed the same way while the service runs idle beside it: the part of each p99 that comes from this machine and two processes sharing its cores, not from the service's work.`,
    );
    return { title: `Query latency (${sizeName(set.scale)})`, figures, notes };
  } finally {
    agent.destroy();
    await service.stop();
  }
}
