import { CalendarDate, isBlank, refuse } from '@sws/kernel';
import { toFen } from '../shared/figures';
import { Decision } from '../shared/kinds';

/** What renew_with_conditions asks of the operator, and by when. */
export interface Conditions {
  readonly rectificationId: string;
  readonly items: readonly string[];
  readonly deadline: CalendarDate;
}

/** The contract a renewal awards; the app awards it with `predecessorContractId`, the decision records it. */
export interface Successor {
  readonly contractId: string;
  readonly term: { readonly start: CalendarDate; readonly end: CalendarDate };
  readonly budget: {
    readonly totalCny: number;
    readonly sources: ReadonlyArray<{ readonly kind: string; readonly amountCny: number }>;
  };
}

/** The conditions a decision carries, or null when it needs none; refuses conditions that are incomplete or unexpected. */
export function checkConditions(decision: Decision, conditions: Partial<Conditions> | undefined, today: CalendarDate): Conditions | null {
  if (decision !== 'renew_with_conditions') {
    if (conditions !== undefined) refuse('CONDITIONS_NOT_EXPECTED', `${decision} takes no rectification conditions`, { decision });
    return null;
  }
  const { rectificationId, items, deadline } = conditions ?? {};
  if (!rectificationId || !items || items.length === 0 || items.some(isBlank) || !deadline) {
    refuse('CONDITIONS_REQUIRED', 'renew_with_conditions needs rectification items, none of them blank, and a deadline', { conditions });
  }
  if (deadline <= today) {
    refuse('DEADLINE_NOT_AFTER_TODAY', `the rectification deadline ${deadline} must lie after today (${today})`, { deadline, today });
  }
  return { rectificationId, items, deadline };
}

/** The successor a renewal awards, checked as the award will check it, so a recorded decision never names an award that cannot be made. */
export function checkSuccessor(decision: Decision, successor: Successor | undefined): Successor | null {
  if (decision === 'do_not_renew') {
    if (successor !== undefined) refuse('SUCCESSOR_NOT_EXPECTED', 'do_not_renew awards no successor contract');
    return null;
  }
  if (successor === undefined) refuse('SUCCESSOR_REQUIRED', `${decision} needs the successor contract's term and budget`, { decision });
  const { term, budget } = successor;
  if (term.end <= term.start) {
    refuse('TERM_ENDS_BEFORE_START', `the successor's term ends ${term.end}, not after it starts ${term.start}`, { term });
  }
  const sum = budget.sources.reduce((total, source) => total + toFen(source.amountCny), 0);
  if (sum !== toFen(budget.totalCny)) {
    refuse('FUNDING_MISMATCH', `the successor's funding sources add up to ${sum / 100} CNY, not the total ${budget.totalCny} CNY`, {
      sourcesCny: sum / 100,
      totalCny: budget.totalCny,
    });
  }
  return successor;
}
