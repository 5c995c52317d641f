import { isBlank, refuse } from '@sws/kernel';
import { itemsOf, ScoringRubric } from '../rubric/rubric-definition';
import { hasAtMostTwoDecimals, toHundredths } from '../shared/points';
import { ItemScore } from './assessment-events';

/**
 * Item scores must name the rubric's own items, once each, with points in [0, maxPoints] to the
 * hundredth and a note of the evidence behind them. POINTS_OUT_OF_RANGE is bad input (HTTP 400).
 */
export function checkScores(rubric: ScoringRubric, scores: readonly ItemScore[]): void {
  const maxima = new Map(itemsOf(rubric).map((item) => [item.code, item.maxPoints]));
  const seen = new Set<string>();
  scores.forEach(({ itemCode, points, evidence }, i) => {
    const maxPoints = maxima.get(itemCode);
    if (maxPoints === undefined) {
      refuse('UNKNOWN_ITEM', `item ${itemCode} is not in the assessment's rubric`, { field: `scores[${i}].itemCode`, itemCode });
    }
    if (seen.has(itemCode)) {
      refuse('DUPLICATE_ITEM_SCORE', `item ${itemCode} is scored twice in one command`, { field: `scores[${i}].itemCode`, itemCode });
    }
    seen.add(itemCode);
    if (!Number.isFinite(points) || points < 0 || toHundredths(points) > toHundredths(maxPoints)) {
      refuse('POINTS_OUT_OF_RANGE', `item ${itemCode} scores ${points} points, outside 0 to ${maxPoints}`, {
        field: `scores[${i}].points`,
        itemCode,
        maxPoints,
      });
    }
    if (!hasAtMostTwoDecimals(points)) {
      refuse('POINTS_TOO_PRECISE', `item ${itemCode} scores ${points} points; points go to the hundredth at most`, {
        field: `scores[${i}].points`,
        itemCode,
      });
    }
    if (isBlank(evidence)) {
      refuse('TEXT_REQUIRED', `item ${itemCode} needs a note of the evidence behind its points`, { field: `scores[${i}].evidence`, itemCode });
    }
  });
}
