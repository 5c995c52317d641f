import { Section, summarize } from './bench/report';

/**
 * Runs one benchmark section alone from the command line (`npm run bench:store`,
 * `npm run cli -- bench-section commands`) and prints its figures; `npm run bench` collects
 * every section and writes BENCHMARKS.md.
 */

export const SECTIONS = ['store', 'commands', 'lag', 'validation'] as const;
export type SectionName = (typeof SECTIONS)[number];

export function isSectionName(name: string | undefined): name is SectionName {
  return SECTIONS.includes(name as SectionName);
}

export async function runSection(name: SectionName, log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<Section> {
  switch (name) {
    case 'store': {
      const { storeSection, storeBenchOptionsFromEnvironment } = await import('./bench/store');
      return storeSection(storeBenchOptionsFromEnvironment(env), log);
    }
    case 'commands': {
      const { commandsSection, commandsBenchOptionsFromEnvironment } = await import('./bench/commands');
      return commandsSection(commandsBenchOptionsFromEnvironment(env), log);
    }
    case 'validation': {
      const { validationSection, validationBenchOptionsFromEnvironment } = await import('./bench/validation');
      return validationSection(validationBenchOptionsFromEnvironment(env), log);
    }
    case 'lag': {
      const [{ lagSection }, { commandsBenchOptionsFromEnvironment }] = await Promise.all([import('./bench/lag'), import('./bench/commands')]);
      return lagSection(commandsBenchOptionsFromEnvironment(env), log);
    }
  }
}

/** A section as a plain-text table: median, min and max of each figure, its target and whether it was met. */
export function formatSection(section: Section): string {
  const number = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));
  const rows = [
    ['figure', 'unit', 'median', 'min', 'max', 'runs', 'target', ''],
    ...section.figures.map((f) => {
      const { median, min, max } = summarize(f.runs);
      return [f.name, f.unit, number(median), number(min), number(max), String(f.runs.length), f.target ?? '', f.met === undefined ? '' : f.met ? 'met' : 'MISSED'];
    }),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column <= 1 || column >= 6 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  const notes = section.figures.filter((f) => f.note).map((f) => `  ${f.name}: ${f.note}`);
  return [
    section.title,
    line(rows[0]!),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.slice(1).map(line),
    ...(notes.length > 0 ? ['', ...notes] : []),
    ...(section.notes ?? []).map((note) => `  ${note}`),
  ].join('\n');
}
