import { join } from 'node:path';
import { GenerateOptions } from './generator';

export class GenerateUsageError extends Error {}

export const GENERATE_USAGE = `usage: npm run bench:generate -- [--scale 1] [--years 5] [--seed 42] [--last-year 2025] [--data-dir DIR]
  --scale      1 the country (29,000 stations), 0.1 a province (山东省), 0.01 a city (济南市)
  --years      calendar years of history, ending with --last-year
  --data-dir   an empty directory for events.db (default data/bench/scale-<scale>-years-<years>-seed-<seed>)`;

/** The data directory the benchmark suite caches a generated set in. */
export function benchDataDir(scale: number, years: number, seed: number, lastYear = DEFAULT_LAST_YEAR): string {
  const suffix = lastYear === DEFAULT_LAST_YEAR ? '' : `-until-${lastYear}`;
  return join('data', 'bench', `scale-${scale}-years-${years}-seed-${seed}${suffix}`);
}

/** A fixed year, never the clock's: the same seed makes the same log whenever it runs. */
export const DEFAULT_LAST_YEAR = 2025;

export function parseGenerateOptions(args: readonly string[]): GenerateOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (!['--scale', '--years', '--seed', '--last-year', '--data-dir'].includes(flag)) throw new GenerateUsageError(`unknown option ${flag}`);
    if (value === undefined) throw new GenerateUsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const number = (flag: string, fallback: number, valid: (n: number) => boolean, rule: string): number => {
    const text = values.get(flag);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || !valid(n)) throw new GenerateUsageError(`${flag} ${text}: ${rule}`);
    return n;
  };
  const scale = number('--scale', 1, (n) => n > 0 && n <= 10, 'a number above 0, at most 10');
  const years = number('--years', 5, (n) => Number.isInteger(n) && n >= 1 && n <= 20, 'a whole number from 1 to 20');
  const seed = number('--seed', 42, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, 'a whole number from 0 to 4294967295');
  const lastYear = number('--last-year', DEFAULT_LAST_YEAR, (n) => Number.isInteger(n) && n >= 2001 && n <= 2100, 'a year from 2001 to 2100');
  const dataDir = values.get('--data-dir') ?? benchDataDir(scale, years, seed, lastYear);
  return { scale, years, seed, lastYear, dataDir };
}
