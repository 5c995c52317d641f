/**
 * Points travel as numbers with at most two decimals (a rubric may give 1.5 or 2.25 points);
 * every sum and comparison is made in hundredths of a point, as integers, so 0.1 + 0.2 is 0.3.
 */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

export function hasAtMostTwoDecimals(points: number): boolean {
  return Number.isFinite(points) && Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;
}

/**
 * `numerator / denominator` rounded half up to an integer, for a non-negative numerator and a
 * positive denominator: exact integer arithmetic, so 87.345 becomes 87.35 and never 87.34.
 */
export function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** The mean of integers (hundredths), rounded half up; null for none. */
export function meanHalfUp(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return divideHalfUp(
    values.reduce((sum, value) => sum + value, 0),
    values.length,
  );
}
