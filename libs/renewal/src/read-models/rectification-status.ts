import { CalendarDate } from '@sws/kernel';
import { RectificationOutcome } from '../shared/kinds';

export interface RectificationReport {
  readonly evidence: string;
  readonly reportedOn: CalendarDate;
  readonly eventId: string;
}

/** A rectification as the renewal-reviews read model keeps it. */
export interface Rectification {
  readonly rectificationId: string;
  readonly reviewId: string;
  /** The contract whose review required it. */
  readonly contractId: string;
  /** The contract the renewal awarded, which the rectification also binds. */
  readonly successorContractId: string | null;
  readonly items: readonly string[];
  readonly deadline: CalendarDate;
  readonly requiredOn: CalendarDate;
  readonly reports: readonly RectificationReport[];
  readonly closed: {
    readonly outcome: RectificationOutcome;
    readonly on: CalendarDate;
    readonly comment: string | null;
    readonly eventId: string;
  } | null;
  /** Required, reported and closed: every event behind its status. */
  readonly sourceEventIds: readonly string[];
}

export type RectificationStatus = 'open' | 'overdue' | 'reported' | 'completed' | 'failed';

/**
 * A rectification's status on `asOf`. Overdue from the day after the deadline (the deadline day
 * itself is still on time) until procurement closes it. A report made by the deadline stops the
 * clock while procurement checks it; a report made after the deadline does not undo the delay.
 */
export function rectificationStatus(rectification: Rectification, asOf: CalendarDate): RectificationStatus {
  const { closed, deadline, reports } = rectification;
  if (closed !== null && closed.on <= asOf) return closed.outcome;
  const reportedBy = (date: CalendarDate) => reports.some((report) => report.reportedOn <= date);
  if (reportedBy(deadline < asOf ? deadline : asOf)) return 'reported';
  return asOf > deadline ? 'overdue' : 'open';
}
