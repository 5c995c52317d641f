import { EventTypeDefinition } from '@sws/kernel';
import { supervisorCalendarLedger } from './supervision-session/supervisor-calendar-ledger';

/** The event types of supervisors and supervision sessions, with their schema versions. */
export const supervisionEventTypes: readonly EventTypeDefinition[] = [
  { type: 'SupervisorRegistered', schemaVersion: 1 },
  { type: 'SupervisionSessionLogged', schemaVersion: 1 },
  { type: 'SupervisionSessionAttested', schemaVersion: 1 },
  { type: 'SupervisionSessionCorrected', schemaVersion: 1 },
  { type: 'SupervisionSessionVoided', schemaVersion: 1 },
  // The reservation stream of a supervisor's calendar (see the ledger).
  ...supervisorCalendarLedger.eventTypes,
];

export const supervisionStreams = {
  supervisor: (id: string) => `Supervisor-${id}`,
  supervisionSession: (id: string) => `SupervisionSession-${id}`,
};
