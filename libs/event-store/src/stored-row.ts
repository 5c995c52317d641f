import { EventMetadata, EventTypeRegistry } from '@sws/kernel';
import { Position, RecordedEvent } from './event-store.port';

/** An event as the embedded adapters keep it: data and metadata as JSON text, a sequence number as position. */
export interface StoredRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
}

/** A stored row as readers see it: data upcast to its type's current schema version. */
export function toRecordedEvent(registry: EventTypeRegistry, row: StoredRow): RecordedEvent {
  const metadata: EventMetadata = JSON.parse(row.metadata);
  return {
    streamId: row.stream_id,
    type: row.type,
    schemaVersion: registry.currentVersion(row.type),
    storedSchemaVersion: row.schema_version,
    data: registry.upcast(row.type, row.schema_version, JSON.parse(row.data), metadata),
    metadata,
    revision: row.revision,
    position: String(row.position) as Position,
  };
}

/** Positions that are sequence numbers, written in decimal. */
export const sequencePositions = {
  compare: (a: Position, b: Position): number => Number(a) - Number(b),
  parse: (text: string): Position | null => (/^[1-9]\d{0,15}$/.test(text) ? (text as Position) : null),
};
