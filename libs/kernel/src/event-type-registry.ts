import { EventMetadata } from './events';

/**
 * The one list of event types the log may hold, each with its current schema version and the
 * upcasters that lift data stored at an older version. The log is never rewritten: old events
 * are upcast when they are read.
 */

/**
 * Lifts one event's data a version up. The event's stored metadata comes along, read only, for
 * what an older version left to it (an amendment stored before it named its effective date took
 * effect on the day it was recorded).
 */
export type Upcaster = (data: any, metadata: EventMetadata) => unknown;

export interface EventTypeDefinition {
  readonly type: string;
  /** The version written today. Starts at 1. */
  readonly schemaVersion: number;
  /** `upcasters[v]` lifts data stored at version v to version v + 1. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

export class UnknownEventType extends Error {
  constructor(readonly type: string) {
    super(`event type ${type} is not registered`);
  }
}

export class EventTypeRegistry {
  private readonly definitions = new Map<string, EventTypeDefinition>();

  constructor(definitions: readonly EventTypeDefinition[] = []) {
    definitions.forEach((definition) => this.register(definition));
  }

  register(definition: EventTypeDefinition): this {
    if (this.definitions.has(definition.type)) {
      throw new Error(`event type ${definition.type} is registered twice`);
    }
    for (let v = 1; v < definition.schemaVersion; v++) {
      if (!definition.upcasters?.[v]) {
        throw new Error(`event type ${definition.type} lacks an upcaster from version ${v}`);
      }
    }
    this.definitions.set(definition.type, definition);
    return this;
  }

  currentVersion(type: string): number {
    return this.definition(type).schemaVersion;
  }

  /** Data stored at `storedVersion`, as the current version of its type reads it. */
  upcast(type: string, storedVersion: number, data: unknown, metadata: EventMetadata): unknown {
    const definition = this.definition(type);
    let upcast = data;
    for (let v = storedVersion; v < definition.schemaVersion; v++) {
      upcast = definition.upcasters![v](upcast, metadata);
    }
    return upcast;
  }

  has(type: string): boolean {
    return this.definitions.has(type);
  }

  private definition(type: string): EventTypeDefinition {
    const definition = this.definitions.get(type);
    if (!definition) throw new UnknownEventType(type);
    return definition;
  }
}
