/**
 * A broken business rule. `code` is a stable machine-readable string that clients rely on
 * (the HTTP layer maps it to 422); `message` explains it to a person.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A record that a command names does not exist (HTTP 404). */
export class RecordNotFound extends Error {
  constructor(
    readonly recordType: string,
    readonly id: string,
  ) {
    super(`${recordType} ${id} does not exist`);
    this.name = 'RecordNotFound';
  }
}

export function refuse(code: string, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError(code, message, details);
}
