import { EventTypeDefinition } from '@sws/kernel';

/** The event types of supervisors and supervision sessions, with their schema versions. */
export const supervisionEventTypes: readonly EventTypeDefinition[] = [
  { type: 'SupervisorRegistered', schemaVersion: 1 },
  { type: 'SupervisionSessionLogged', schemaVersion: 1 },
  { type: 'SupervisionSessionAttested', schemaVersion: 1 },
  { type: 'SupervisionSessionCorrected', schemaVersion: 1 },
  { type: 'SupervisionSessionVoided', schemaVersion: 1 },
];

export const supervisionStreams = {
  supervisor: (id: string) => `Supervisor-${id}`,
  supervisionSession: (id: string) => `SupervisionSession-${id}`,
};
