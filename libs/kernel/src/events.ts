/** The person behind a command, as the service authenticated them. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly orgId: string | null;
  /** Present when the person is a social worker or a supervisor the service knows. */
  readonly socialWorkerId?: string;
  readonly supervisorId?: string;
}

/** What every stored event says about itself besides its data (SPEC "Facts"). */
export interface EventMetadata {
  readonly eventId: string;
  readonly actor: Actor;
  /** Business time: when the fact took effect (ISO date or timestamp). */
  readonly occurredAt: string;
  /** Server time: when the service recorded it (ISO timestamp). */
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Present when the write carried an Idempotency-Key. */
  readonly idempotencyKey?: string;
}

/** A fact as the domain produces it: a permanent type string and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  /** Business time of this fact when it differs from the command's. */
  readonly occurredAt?: string;
}

/** What a command brings besides its data: time and identity arrive from outside. */
export interface CommandMetadata {
  /** The moment the command is handled (ISO timestamp). */
  readonly now: string;
  readonly actor: Actor;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

export type EventOf<E extends DomainEvent, T extends E['type']> = Extract<E, { type: T }>;
