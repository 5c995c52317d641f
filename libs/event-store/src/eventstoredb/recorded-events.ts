import { AllStreamResolvedEvent, jsonEvent, JSONEventData, JSONType, ResolvedEvent } from '@eventstore/db-client';
import { EventMetadata, EventTypeRegistry } from '@sws/kernel';
import { NewEvent, RecordedEvent } from '../event-store.port';
import { UUID_PATTERN } from '../ids';
import { logPositions } from './positions';

/**
 * What an event's EventStoreDB metadata holds: the port's metadata as it was given, and the
 * schema version its data was written at (read back out, so readers see the port's shape).
 */
type StoredMetadata = EventMetadata & { readonly schemaVersion: number };

function asJson(data: unknown, type: string): JSONType {
  if (typeof data === 'string' || (typeof data === 'object' && data !== null)) return data as JSONType;
  throw new Error(`the data of a ${type} event must be a JSON object, array or string`);
}

/** A new event as the client appends it: its id is the port's event id, so a retried append is recognised. */
export function toEventData(registry: EventTypeRegistry, event: NewEvent): JSONEventData {
  const schemaVersion = registry.currentVersion(event.type);
  if (!UUID_PATTERN.test(event.metadata.eventId)) throw new Error(`EventStoreDB event ids are UUIDs, not ${event.metadata.eventId}`);
  const metadata: StoredMetadata = { ...event.metadata, schemaVersion };
  return jsonEvent({ id: event.metadata.eventId, type: event.type, data: asJson(event.data, event.type), metadata });
}

/** System events (`$`-prefixed types: stream metadata, statistics, projections) are not the service's. */
export function isSystemType(type: string): boolean {
  return type.startsWith('$');
}

function storedMetadata(metadata: unknown, id: string): StoredMetadata {
  const stored = metadata as Partial<StoredMetadata> | undefined;
  if (typeof stored !== 'object' || stored === null || !Number.isInteger(stored.schemaVersion)) {
    throw new Error(`event ${id} carries no schema version in its metadata: it was not written by this service`);
  }
  return stored as StoredMetadata;
}

/**
 * A resolved event as the port's recorded event, upcast to its type's current schema version;
 * null for what the service does not read (system events, links whose event is gone).
 */
export function fromResolved(registry: EventTypeRegistry, resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (event === undefined || isSystemType(event.type)) return null;
  if (!event.isJson) throw new Error(`event ${event.id} in ${event.streamId} is not JSON`);
  if (!logPositions.isReal(event.position)) {
    throw new Error('EventStoreDB 22.6 or later is needed: this server reads events from a stream without their log position');
  }
  const { schemaVersion, ...metadata } = storedMetadata(event.metadata, event.id);
  return {
    streamId: event.streamId,
    type: event.type,
    schemaVersion: registry.currentVersion(event.type),
    storedSchemaVersion: schemaVersion,
    data: registry.upcast(event.type, schemaVersion, event.data as Record<string, unknown>, metadata),
    metadata,
    revision: Number(event.revision),
    position: logPositions.format(event.position),
  };
}
