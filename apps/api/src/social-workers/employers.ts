import { RecordedEvent } from '@sws/event-store';
import { SocialWorkerAssigned } from '@sws/stations-contracts';

/**
 * The organizations a social worker works or worked for, from their stream: the one that
 * registered them and the operator of every contract they were assigned under.
 */
export function employers(history: readonly RecordedEvent[]): string[] {
  const registeredBy = history[0]?.metadata.actor.orgId;
  const operators = history
    .filter((event) => event.type === 'SocialWorkerAssigned')
    .map((event) => (event.data as SocialWorkerAssigned['data']).operatorOrgId);
  return [...new Set([...(registeredBy ? [registeredBy] : []), ...operators])];
}

/** The operator of the worker's open assignment, or null when they are not assigned now. */
export function currentOperator(history: readonly RecordedEvent[]): string | null {
  let operator: string | null = null;
  for (const event of history) {
    if (event.type === 'SocialWorkerAssigned') operator = (event.data as SocialWorkerAssigned['data']).operatorOrgId;
    if (event.type === 'SocialWorkerDeparted') operator = null;
  }
  return operator;
}
