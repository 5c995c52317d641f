import { EventMetadata } from '@sws/kernel';
import { NewEvent } from '../event-store.port';
import { uuidV7 } from '../ids';

/** Metadata of a test event: a fresh event id, the rest fixed unless overridden. */
export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    eventId: uuidV7(),
    actor: { userId: 'u-1', role: 'admin', orgId: null },
    occurredAt: '2026-03-01',
    recordedAt: '2026-03-02T08:00:00.000+08:00',
    correlationId: 'c-1',
    causationId: null,
    ...overrides,
  };
}

/** A StationRegistered test event naming the station. */
export function stationRegistered(name = 'a'): NewEvent {
  return { type: 'StationRegistered', data: { name }, metadata: testMetadata() };
}
