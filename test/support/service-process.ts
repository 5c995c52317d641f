import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
/** The projector (apps/projector): every projection, GET /health on PROJECTOR_PORT. */
export const PROJECTOR_MAIN = join(ROOT, 'dist', 'apps', 'projector', 'src', 'main.js');

/** The compiled service and projector, built once if the test run has not built them yet. */
export function ensureBuilt(): void {
  if (!existsSync(MAIN) || !existsSync(PROJECTOR_MAIN)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

export interface ServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
}

/**
 * Starts the service as its own process on the embedded stores in `dataDir`, and waits until it
 * answers. `answered` says when (by default a 2xx from /health); `preload` names a module the
 * process requires before it starts (see service-store-faults.js).
 */
export async function startService(
  dataDir: string,
  port: number,
  env: NodeJS.ProcessEnv = {},
  options: { readonly answered?: (health: Response) => boolean; readonly preload?: string; readonly main?: string } = {},
): Promise<ServiceProcess> {
  const { answered = (health: Response) => health.ok, preload, main = MAIN } = options;
  // Only what the test gives: no AUTH_* or other settings leak in from the shell running the tests.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AUTH_|RATE_LIMIT_|CORS_)/.test(name)));
  const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', ...(preload ? ['-r', preload] : []), main], {
    cwd: ROOT,
    env: { ...inherited, DATA_DIR: dataDir, PORT: String(port), PROJECTOR_PORT: String(port), TS_NODE_BASEURL: './dist', SQLITE_SYNCHRONOUS: 'FULL', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${output}`);
    try {
      if (answered(await fetch(`${url}/health`))) return { url, child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the service did not start:\n${output}`);
}

/** Runs the CLI (built) with arguments and environment, and returns what it printed. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^AUTH_/.test(name)));
  const result = spawnSync(process.execPath, ['-r', 'tsconfig-paths/register', join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], {
    cwd: ROOT,
    env: { ...inherited, TS_NODE_BASEURL: './dist', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}
