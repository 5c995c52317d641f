import { RecordedEvent } from '@sws/event-store';
import { TrainingHeld } from '@sws/training';
import { Principal } from '../auth/principal';
import { mustActFor } from '../auth/write-access';

/** Only the organization that organized a training records its attendance and effectiveness. */
export function mustBeOrganizer(principal: Principal, history: readonly RecordedEvent[], trainingId: string, what: string): void {
  const held = history.find((event) => event.type === 'TrainingHeld');
  if (held) mustActFor(principal, (held.data as TrainingHeld['data']).organizerOrgId, `${what} of training ${trainingId}`);
}
