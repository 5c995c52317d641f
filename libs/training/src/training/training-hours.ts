/**
 * Training hours travel as numbers (a half day is 3.5) and are compared in whole minutes, so
 * that 0.1 + 0.2 never decides whether a requirement is met.
 */
export function hoursToMinutes(hours: number): number | null {
  if (!Number.isFinite(hours)) return null;
  const minutes = Math.round(hours * 60);
  return Math.abs(hours * 60 - minutes) < 1e-6 ? minutes : null;
}
