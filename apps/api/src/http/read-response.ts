import { RecordNotFound } from '@sws/kernel';
import { Position } from '@sws/event-store';

/** Every read says which position of the log it reflects. */
export interface ReadResponse<T> {
  readonly data: T;
  readonly position: Position | null;
}

export function found<D>(recordType: string, id: string, document: D | null): D {
  if (document === null) throw new RecordNotFound(recordType, id);
  return document;
}
