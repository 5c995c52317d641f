import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runSection } from '../bench-store';
import { dataSet } from './data-sets';
import { querySection } from './queries';
import { rebuildSection } from './rebuild';
import { Section, summarize } from './report';
import { startupSection } from './startup';

export interface SuiteOptions {
  readonly scale: number;
  readonly years: number;
  readonly seed: number;
  readonly runs: number;
  /** Requests per query and run. */
  readonly requests: number;
  /** One section's name, or null for all. */
  readonly only: string | null;
  /** Where the report goes; null: only printed. */
  readonly out: string | null;
}

export interface SuiteContext {
  readonly options: SuiteOptions;
  log(line: string): void;
}

export interface SectionRunner {
  readonly name: string;
  run(context: SuiteContext): Promise<Section>;
}

/** City, province and national sizes up to the chosen one, and the chosen one itself. */
function rebuildScales(scale: number): number[] {
  return [...new Set([...[0.01, 0.1, 1].filter((s) => s < scale), scale])];
}

/** The sections this suite measures on generated data. */
const DATA_SECTIONS: readonly SectionRunner[] = [
  {
    name: 'rebuild',
    run: ({ options, log }) => rebuildSection({ scales: rebuildScales(options.scale), years: options.years, seed: options.seed, runs: options.runs }, log),
  },
  {
    name: 'queries',
    run: ({ options, log }) => querySection(dataSet(options.scale, options.years, options.seed, log), { runs: options.runs, requests: options.requests }, log),
  },
  {
    name: 'startup',
    run: ({ options, log }) => startupSection(dataSet(options.scale, options.years, options.seed, log), options.runs, log),
  },
];

/** The env a write-path section reads its settings from, with the suite's number of runs. */
function writePathEnvironment(options: SuiteOptions): NodeJS.ProcessEnv {
  return { ...process.env, BENCH_RUNS: String(options.runs) };
}

/**
 * The sections of the write path: HTTP commands beside a bare validated POST (commands.ts) and the
 * event store beside raw better-sqlite3 and emmett-sqlite (store.ts), the request pipe alone
 * (validation.ts); their other settings come
 * from BENCH_* variables (see `npm run cli -- help`).
 */
export const WRITE_PATH_SECTIONS: readonly SectionRunner[] = [
  { name: 'commands', run: ({ options, log }) => runSection('commands', log, writePathEnvironment(options)) },
  { name: 'lag', run: ({ options, log }) => runSection('lag', log, writePathEnvironment(options)) },
  { name: 'store', run: ({ options, log }) => runSection('store', log, writePathEnvironment(options)) },
  { name: 'validation', run: ({ options, log }) => runSection('validation', log, writePathEnvironment(options)) },
];

export const SECTIONS: readonly SectionRunner[] = [...WRITE_PATH_SECTIONS, ...DATA_SECTIONS];

export class SuiteUsageError extends Error {}

export const SUITE_USAGE = `usage: npm run bench -- [--scale 1] [--years 5] [--seed 42] [--runs 3] [--requests 1000] [--only <section>] [--out BENCHMARKS.md]
sections: ${SECTIONS.map((s) => s.name).join(', ')}
Generated data sets are cached in data/bench/ by scale, years and seed. The full suite writes BENCHMARKS.md;
with --only it writes nothing unless --out names a file.`;

export function parseSuiteOptions(args: readonly string[]): SuiteOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (!['--scale', '--years', '--seed', '--runs', '--requests', '--only', '--out'].includes(flag)) throw new SuiteUsageError(`unknown option ${flag}`);
    if (value === undefined) throw new SuiteUsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const number = (flag: string, fallback: number, valid: (n: number) => boolean, rule: string) => {
    const text = values.get(flag);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || !valid(n)) throw new SuiteUsageError(`${flag} ${text}: ${rule}`);
    return n;
  };
  const only = values.get('--only') ?? null;
  if (only !== null && !SECTIONS.some((s) => s.name === only)) {
    throw new SuiteUsageError(`--only ${only}: no such section; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  }
  return {
    scale: number('--scale', 1, (n) => n > 0 && n <= 10, 'a number above 0, at most 10'),
    years: number('--years', 5, (n) => Number.isInteger(n) && n >= 1 && n <= 20, 'a whole number from 1 to 20'),
    seed: number('--seed', 42, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, 'a whole number from 0 to 4294967295'),
    runs: number('--runs', 3, (n) => Number.isInteger(n) && n >= 1 && n <= 100, 'a whole number from 1 to 100'),
    // Per query and run: of 200 latencies the p99 is the second slowest, which on this machine moved
    // a query across its 10 ms target from one run to the next; of 1,000 it is the tenth.
    requests: number('--requests', 1000, (n) => Number.isInteger(n) && n >= 10 && n <= 100_000, 'a whole number from 10 to 100000'),
    only,
    out: values.get('--out') ?? (only === null ? 'BENCHMARKS.md' : null),
  };
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly sqlite: string;
  readonly packages: Readonly<Record<string, string>>;
  /** The 1, 5 and 15 minute load averages when the report was written: other work on the machine skews every figure. */
  readonly load?: readonly number[];
}

function packageVersion(name: string): string {
  try {
    return (require(join(name, 'package.json')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

export function describeMachine(): Machine {
  const db = new Database(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  db.close();
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    sqlite,
    load: loadavg().map((l) => Math.round(l * 100) / 100),
    packages: Object.fromEntries(['better-sqlite3', '@nestjs/core', 'fastify', 'autocannon', 'typescript'].map((name) => [name, packageVersion(name)])),
  };
}

const format = (n: number) => (Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));

/** The sections as one plain-text table. */
export function formatTable(sections: readonly Section[]): string {
  const rows: string[][] = [['figure', 'unit', 'min', 'median', 'max', 'runs', 'target', 'met']];
  for (const section of sections) {
    rows.push([`[${section.title}]`, '', '', '', '', '', '', '']);
    for (const f of section.figures) {
      const s = summarize(f.runs);
      rows.push([f.name, f.unit, format(s.min), format(s.median), format(s.max), String(f.runs.length), f.target ?? '', f.met === undefined ? '' : f.met ? 'met' : 'MISSED']);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows.map((r) => r.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join('  ').trimEnd()).join('\n');
}

/** BENCHMARKS.md: the machine, the command, the date, and each section's figures and notes. */
export function formatMarkdown(sections: readonly Section[], machine: Machine, command: string, date: Date): string {
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`${command}\` on ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC. Each figure is the min/median/max of its runs; a target is met when the median meets it.`,
    '',
    '| machine | |',
    '|---|---|',
    `| CPU | ${machine.cpu} |`,
    `| cores | ${machine.cores} |`,
    `| memory | ${machine.memoryGb} GB |`,
    `| Node | ${machine.node} |`,
    `| SQLite | ${machine.sqlite} |`,
    ...(machine.load ? [`| load average (1, 5, 15 min) at the end | ${machine.load.join(', ')} |`] : []),
    ...Object.entries(machine.packages).map(([name, version]) => `| ${name} | ${version} |`),
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, '', '| figure | unit | min | median | max | runs | target | met | note |', '|---|---|---:|---:|---:|---:|---|---|---|');
    for (const f of section.figures) {
      const s = summarize(f.runs);
      lines.push(
        `| ${f.name} | ${f.unit} | ${format(s.min)} | ${format(s.median)} | ${format(s.max)} | ${f.runs.length} | ${f.target ?? ''} | ${f.met === undefined ? '' : f.met ? 'met' : '**missed**'} | ${f.note ?? ''} |`,
      );
    }
    if (section.notes && section.notes.length > 0) lines.push('', ...section.notes.map((note) => `- ${note}`));
    lines.push('');
  }
  return lines.join('\n');
}

/** Runs the chosen sections one after another (they share the machine), prints the table and writes the report. */
export async function runSuite(options: SuiteOptions, command: string, log: (line: string) => void): Promise<{ sections: Section[]; table: string }> {
  const chosen = SECTIONS.filter((s) => options.only === null || s.name === options.only);
  const sections: Section[] = [];
  for (const runner of chosen) {
    log(`== ${runner.name}`);
    sections.push(await runner.run({ options, log }));
  }
  const table = formatTable(sections);
  if (options.out !== null) writeFileSync(options.out, `${formatMarkdown(sections, describeMachine(), command, new Date())}\n`);
  return { sections, table };
}
