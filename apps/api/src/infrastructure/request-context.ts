import { Actor } from '@sws/kernel';
import { Principal } from '../auth/principal';

/** What a write carries from its HTTP request to the event metadata. */
export interface RequestContext {
  /** Who is acting, from the verified token: what the events record as their actor. */
  readonly actor: Actor;
  /** The same person with their role typed, for the access checks of handlers. */
  readonly principal: Principal;
  readonly correlationId: string;
  /** The Idempotency-Key header, when the client sent one. */
  readonly idempotencyKey: string | null;
  /** The revision the client read (If-Match), when it sent one. */
  readonly ifMatch: number | null;
}
