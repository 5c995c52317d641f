import { divideHalfUp, fromHundredths, toHundredths } from '../shared/points';
import { Grade, GradeBand, RubricScale, ScoringRubric } from '../rubric/rubric-definition';

export interface IndicatorScore {
  readonly code: string;
  readonly name: string;
  readonly points: number;
  readonly maxPoints: number;
}

export interface DimensionScore extends IndicatorScore {
  /** points / maxPoints × 100, rounded half up to the hundredth: dimensions compare across scales. */
  readonly percent: number;
}

export interface ScoreBreakdown {
  readonly scale: RubricScale;
  /** The sum of item points on the rubric's own scale. */
  readonly rawTotal: number;
  /** rawTotal × 100 / scale, rounded half up to the hundredth: the figure reports and renewal use. */
  readonly total: number;
  readonly grade: Grade;
  readonly dimensions: ReadonlyArray<DimensionScore & { readonly indicators: readonly IndicatorScore[] }>;
  /** Items without points, in rubric order; they count as 0 above. */
  readonly unscored: readonly string[];
}

/**
 * The grade of a reported total (normalized to 100, in hundredths). Bands are written on the
 * rubric's scale and read on the reported total, so the grade always agrees with the figure
 * people see: 899.95 of 1000 reports as 90.00 and is excellent when excellent starts at 900.
 */
export function gradeFor(bands: readonly GradeBand[], scale: RubricScale, totalHundredths: number): Grade {
  const descending = [...bands].sort((a, b) => b.minScore - a.minScore);
  // total / 100 >= minScore × 100 / scale, kept in integers
  const band = descending.find((b) => totalHundredths * scale >= toHundredths(b.minScore) * 100);
  return (band ?? descending[descending.length - 1]).grade;
}

/** Normalizes hundredths of a point on `scale` to hundredths on 100, rounding half up. */
export function normalizedHundredths(rawHundredths: number, scale: RubricScale): number {
  return divideHalfUp(rawHundredths * 100, scale);
}

/**
 * SPEC "Scores": item points add up per indicator and dimension; the total is normalized to 100
 * and graded by the rubric's bands. Pure: the same rubric version and points give the same score forever.
 */
export function scoreAssessment(rubric: ScoringRubric, points: Readonly<Record<string, number>>): ScoreBreakdown {
  const unscored: string[] = [];
  let raw = 0;
  const dimensions = rubric.dimensions.map((dimension) => {
    let dimensionPoints = 0;
    let dimensionMax = 0;
    const indicators = dimension.indicators.map((indicator) => {
      let indicatorPoints = 0;
      let indicatorMax = 0;
      for (const item of indicator.items) {
        const given = points[item.code];
        if (given === undefined) unscored.push(item.code);
        else indicatorPoints += toHundredths(given);
        indicatorMax += toHundredths(item.maxPoints);
      }
      dimensionPoints += indicatorPoints;
      dimensionMax += indicatorMax;
      return { code: indicator.code, name: indicator.name, points: fromHundredths(indicatorPoints), maxPoints: fromHundredths(indicatorMax) };
    });
    raw += dimensionPoints;
    return {
      code: dimension.code,
      name: dimension.name,
      points: fromHundredths(dimensionPoints),
      maxPoints: fromHundredths(dimensionMax),
      percent: fromHundredths(divideHalfUp(dimensionPoints * 10_000, dimensionMax)),
      indicators,
    };
  });
  const total = normalizedHundredths(raw, rubric.scale);
  return {
    scale: rubric.scale,
    rawTotal: fromHundredths(raw),
    total: fromHundredths(total),
    grade: gradeFor(rubric.gradeBands, rubric.scale, total),
    dimensions,
    unscored,
  };
}
