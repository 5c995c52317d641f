import type { RubricDetail } from '../../api/read-models';

/** An item as the scorer sees it: where it sits in the rubric, its maximum and guidance. */
export interface ScoringItem {
  readonly code: string;
  readonly name: string;
  readonly maxPoints: number;
  readonly guidance: string;
  readonly dimension: string;
  readonly indicator: string;
}

export function itemsOfRubric(rubric: RubricDetail): ScoringItem[] {
  return rubric.dimensions.flatMap((d) =>
    d.indicators.flatMap((i) => i.items.map((item) => ({ code: item.code, name: item.name, maxPoints: item.maxPoints, guidance: item.guidance, dimension: d.name, indicator: i.name }))),
  );
}

export interface Entry {
  points: number | null;
  evidence: string;
}

/**
 * The running figures the scorer sees while entering points: the raw sum on the rubric's scale,
 * the same out of 100, and the grade the rubric's bands (on its own scale) give that sum. The
 * service computes the score that counts; this only previews it.
 */
export function runningScore(rubric: Pick<RubricDetail, 'scale' | 'gradeBands'>, entries: Readonly<Record<string, Entry>>) {
  const raw = Object.values(entries).reduce((sum, e) => sum + (e.points ?? 0), 0);
  const rawTotal = Math.round(raw * 100) / 100;
  const bands = [...rubric.gradeBands].sort((a, b) => b.minScore - a.minScore);
  const grade = bands.find((band) => rawTotal >= band.minScore)?.grade ?? 'fail';
  return { rawTotal, normalized: Math.round((rawTotal * 10000) / rubric.scale) / 100, grade };
}

export const unscoredCodes = (items: readonly ScoringItem[], entries: Readonly<Record<string, Entry>>) =>
  items.filter((item) => entries[item.code]?.points === null || entries[item.code]?.points === undefined).map((item) => item.code);
