import { Actor } from '@sws/kernel';

/** What a write carries from its HTTP request to the event metadata. */
export interface RequestContext {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The Idempotency-Key header, when the client sent one. */
  readonly idempotencyKey: string | null;
  /** The revision the client read (If-Match), when it sent one. */
  readonly ifMatch: number | null;
}
