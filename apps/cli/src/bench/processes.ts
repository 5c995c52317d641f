import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Principal } from '../../../api/src/auth/principal';
import { mintToken } from '../../../api/src/auth/token-verifier';

/** The compiled tree the benchmarks run, as `npm run cli` runs it. */
export const DIST = join(__dirname, '..', '..', '..', '..');
const ROOT = join(DIST, '..');
const RSS_PRELOAD = join(__dirname, 'report-rss.js');

/** A secret for the service the benchmarks start: tokens are minted with it. */
export const BENCH_SECRET = 'bench-secret-for-the-local-benchmark-service-only';

export function benchToken(principal: Principal): string {
  return mintToken(principal, Buffer.from(BENCH_SECRET, 'utf8'), { nowMs: Date.now(), ttlSeconds: 3600 });
}

export interface Finished {
  readonly status: number | null;
  readonly seconds: number;
  readonly peakRssBytes: number | null;
  readonly stderr: string;
}

/**
 * The V8 flags `npm run cli` gives node (package.json): a young generation of 64 MB semi-spaces
 * instead of 16, so a rebuild's short-lived objects (parsed events, folded documents) die there
 * rather than being copied out; on the national year, the same rebuild took 423 s against 471 s.
 */
export const CLI_NODE_FLAGS = ['--max-semi-space-size=64'];

/** Runs the CLI in a child process, as `npm run cli` does, and reports its wall time and peak memory. */
export function runCliMeasured(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  const started = performance.now();
  const child = spawn(process.execPath, [...CLI_NODE_FLAGS, '-r', 'tsconfig-paths/register', '-r', RSS_PRELOAD, join(DIST, 'apps', 'cli', 'src', 'main.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_BASEURL: DIST, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (status) => {
      const rss = /bench-peak-rss-bytes (\d+)/.exec(stderr);
      resolve({ status, seconds: (performance.now() - started) / 1000, peakRssBytes: rss ? Number(rss[1]) : null, stderr });
    });
  });
}

export interface RunningService {
  readonly url: string;
  readonly child: ChildProcess;
  /** Seconds from spawning to the first 200 from /health with status ok. */
  readonly startSeconds: number;
  stop(): Promise<void>;
}

/** Ends a child process with SIGTERM and waits for it to exit (at once if it has already). */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts the built service on a data directory and waits for /health to say ok. */
export async function startBenchService(dataDir: string, port: number, timeoutMs = 600_000): Promise<RunningService> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', join(DIST, 'apps', 'api', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AUTH_|RATE_LIMIT_)/.test(name))),
      TS_NODE_BASEURL: DIST,
      DATA_DIR: dataDir,
      PORT: String(port),
      AUTH_JWT_SECRET: BENCH_SECRET,
      RATE_LIMIT_PER_IP: '1000000',
      RATE_LIMIT_PER_USER: '1000000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${output}`);
    try {
      const health = await fetch(`${url}/health`);
      if (health.status === 200 && ((await health.json()) as { status: string }).status === 'ok') {
        return { url, child, startSeconds: (performance.now() - started) / 1000, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await stop();
  throw new Error(`the service did not answer /health ok within ${timeoutMs} ms:\n${output}`);
}

/** A port unlikely to be taken by another helper's service. */
export function benchPort(): number {
  return 30_000 + Math.floor(Math.random() * 20_000);
}
