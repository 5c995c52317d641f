/**
 * A rubric (评估指标体系) as published: dimensions (一级指标) hold indicators (二级指标) that
 * hold the scored items (三级指标/评分细则), each with its maximum points and a line of
 * guidance for the evaluator. Grade bands are written on the rubric's own scale.
 */
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

export const RUBRIC_SCALES = [100, 1000] as const;
export type RubricScale = (typeof RUBRIC_SCALES)[number];

/** SPEC "Lifecycle": the operator may respond within 14 days of submission unless the rubric says otherwise. */
export const DEFAULT_RESPONSE_WINDOW_DAYS = 14;

export interface RubricItem {
  readonly code: string;
  readonly name: string;
  readonly maxPoints: number;
  readonly guidance: string;
}

export interface RubricIndicator {
  readonly code: string;
  readonly name: string;
  readonly items: readonly RubricItem[];
}

export interface RubricDimension {
  readonly code: string;
  readonly name: string;
  readonly indicators: readonly RubricIndicator[];
}

export interface GradeBand {
  readonly grade: Grade;
  /** On the rubric's own scale: 900 on a 1000-point rubric means 90 on the reported total. */
  readonly minScore: number;
}

/** SPEC's default bands (excellent ≥ 90, good ≥ 80, pass ≥ 60, fail below), on the rubric's own scale. */
export function defaultGradeBands(scale: RubricScale): GradeBand[] {
  const factor = scale / 100;
  return [
    { grade: 'excellent', minScore: 90 * factor },
    { grade: 'good', minScore: 80 * factor },
    { grade: 'pass', minScore: 60 * factor },
    { grade: 'fail', minScore: 0 },
  ];
}

export interface RubricDefinition {
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly scale: RubricScale;
  readonly dimensions: readonly RubricDimension[];
  readonly gradeBands: readonly GradeBand[];
  readonly responseWindowDays: number;
}

/**
 * What an assessment keeps of its rubric version, so it is scored by that version forever
 * without reading the rubric again: the structure and maxima, not the item texts.
 */
export interface RubricSnapshot {
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly scale: RubricScale;
  readonly gradeBands: readonly GradeBand[];
  readonly responseWindowDays: number;
  readonly dimensions: ReadonlyArray<{
    readonly code: string;
    readonly name: string;
    readonly indicators: ReadonlyArray<{
      readonly code: string;
      readonly name: string;
      readonly items: ReadonlyArray<{ readonly code: string; readonly maxPoints: number }>;
    }>;
  }>;
}

/** What scoring needs of a rubric; a definition and a snapshot both have it. */
export type ScoringRubric = Pick<RubricSnapshot, 'scale' | 'gradeBands' | 'dimensions'>;

export function snapshotOf(definition: RubricDefinition): RubricSnapshot {
  const { code, version, name, scale, gradeBands, responseWindowDays } = definition;
  return {
    code,
    version,
    name,
    scale,
    gradeBands,
    responseWindowDays,
    dimensions: definition.dimensions.map((dimension) => ({
      code: dimension.code,
      name: dimension.name,
      indicators: dimension.indicators.map((indicator) => ({
        code: indicator.code,
        name: indicator.name,
        items: indicator.items.map((item) => ({ code: item.code, maxPoints: item.maxPoints })),
      })),
    })),
  };
}

/** Every scored item of a rubric, in order, with its maximum. */
export function itemsOf(rubric: ScoringRubric): ReadonlyArray<{ readonly code: string; readonly maxPoints: number }> {
  const items: Array<{ readonly code: string; readonly maxPoints: number }> = [];
  for (const dimension of rubric.dimensions) for (const indicator of dimension.indicators) for (const item of indicator.items) items.push(item);
  return items;
}
