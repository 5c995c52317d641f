/**
 * The shape every benchmark section reports in, so `npm run bench` can print one table and
 * write BENCHMARKS.md from figures measured by different modules.
 */
export interface Measured {
  /** What was measured, e.g. "POST /supervision-sessions". */
  readonly name: string;
  /** e.g. "req/s", "ms p99", "events/s", "bytes/event". */
  readonly unit: string;
  /** One value per run (at least 3 for a figure the README quotes). */
  readonly runs: readonly number[];
  /** The target in words, e.g. "≥ 5,000". */
  readonly target?: string;
  /** Whether the median meets the target; absent when there is no target. */
  readonly met?: boolean;
  readonly note?: string;
}

export interface Section {
  readonly title: string;
  readonly figures: readonly Measured[];
  /** What limits a missed target and what would lift it; how the figure was made. */
  readonly notes?: readonly string[];
}

export interface Summary {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export function summarize(runs: readonly number[]): Summary {
  if (runs.length === 0) throw new Error('a figure needs at least one run');
  const sorted = [...runs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
}
