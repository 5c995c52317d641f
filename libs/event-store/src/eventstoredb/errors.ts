import {
  DeadlineExceededError,
  NotLeaderError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { StoreUnavailable, WrongExpectedRevision } from '../errors';
import { ExpectedRevision } from '../event-store.port';

/** gRPC's status code UNAVAILABLE: the connection failed or the node is down. */
const GRPC_UNAVAILABLE = 14;

export const STORE_NAME = 'EventStoreDB event store';

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return error instanceof WrongExpectedVersionError;
}

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof StreamNotFoundError;
}

/** The stream's revision as the server reported it in a refusal. */
export function actualRevision(error: WrongExpectedVersionError): number | 'no_stream' {
  return error.actualVersion === 'no_stream' ? 'no_stream' : Number(error.actualVersion);
}

/**
 * The client's errors as the port's. `appendToStream` raises a failed connection as a plain
 * gRPC error (a `code` of 14 and no typed class), so the code is looked at as well as the class.
 */
export function translateError(error: unknown, streamId?: string, expected?: ExpectedRevision): unknown {
  if (isWrongExpectedVersion(error) && streamId !== undefined && expected !== undefined) {
    return new WrongExpectedRevision(streamId, expected, actualRevision(error));
  }
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError ||
    (error instanceof Error && (error as { code?: unknown }).code === GRPC_UNAVAILABLE)
  ) {
    return new StoreUnavailable(STORE_NAME, (error as Error).message);
  }
  return error;
}
