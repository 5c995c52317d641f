import { RenewalThresholds } from '../policy/renewal-policy';
import { Exact, meanOf, shownScore, toHundredths } from '../shared/figures';
import { ClosedStationJudgement, ClosureInput, StationJudgement } from './eligibility';

/** A station's composite as an exact fraction of hundredths: Σ weight × score / Σ weight, weights in millionths. */
export function exactStationScore(station: StationJudgement): Exact | null {
  if (station.score === null || station.components.length === 0) return null;
  let numerator = 0n;
  let denominator = 0n;
  for (const component of station.components) {
    const weight = BigInt(Math.round(component.weight * 1_000_000));
    numerator += weight * BigInt(toHundredths(component.score));
    denominator += weight;
  }
  return { numerator, denominator };
}

export interface CountedStation {
  readonly station: StationJudgement;
  readonly exact: Exact | null;
}

export interface ContractScore {
  /** Each station with its score as shown (never rounded up onto the pass mark). */
  readonly stations: StationJudgement[];
  readonly closedStations: ClosedStationJudgement[];
  /** The stations the contract is judged on: all but those that closed without a counting assessment. */
  readonly counted: CountedStation[];
  /** The mean of the counted stations' exact scores; null unless each has one. */
  readonly exact: Exact | null;
  readonly shown: number | null;
}

/**
 * SPEC "Contract score" and "Staffing": the contract's score is the mean of its stations' scores,
 * exact. A station closed during the contract with no counting assessment needs none and is
 * left out; one that has a counting assessment counts like any other.
 */
export function contractScore(judged: readonly StationJudgement[], closures: readonly ClosureInput[], thresholds: RenewalThresholds): ContractScore {
  const closedStations = closures
    .filter((c) => judged.some((s) => s.stationId === c.stationId))
    .map((c) => ({ ...c, counted: judged.find((s) => s.stationId === c.stationId)!.score !== null }));
  const leftOut = new Set(closedStations.filter((c) => !c.counted).map((c) => c.stationId));
  const scored = judged.map((station) => {
    const exact = exactStationScore(station);
    const shown = exact === null ? null : shownScore(exact, [thresholds.stationFailBelow]);
    return { station: { ...station, score: shown }, exact };
  });
  const counted = scored.filter((s) => !leftOut.has(s.station.stationId));
  const complete = counted.length > 0 && counted.every((s) => s.exact !== null);
  const exact = complete ? meanOf(counted.map((s) => s.exact!)) : null;
  return {
    stations: scored.map((s) => s.station),
    closedStations,
    counted,
    exact,
    shown: exact === null ? null : shownScore(exact, [thresholds.ineligibleBelow, thresholds.eligibleFrom]),
  };
}
