import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuthenticatedRequest } from '../auth/auth.guards';
import { Clock, chinaTimestamp } from '../infrastructure/clock';
import { IdempotencyStore } from '../infrastructure/idempotency.store';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** What a request that is to be remembered carries from its admission to its answer. */
const PENDING = Symbol('idempotency');

export interface KeyedRequest extends AuthenticatedRequest {
  method: string;
  url: string;
  body?: unknown;
  [PENDING]?: { scope: string; key: string; fingerprint: string };
}

/**
 * Thrown when a request repeats an earlier one: the errors filter sends the first answer again,
 * and the handler never runs.
 */
export class IdempotentReplay {
  constructor(readonly body: unknown) {}
}

/**
 * `Idempotency-Key` on POST: the same key with the same body gets the first answer again and
 * appends nothing; the same key with another body is refused. Answers are scoped by the caller.
 *
 * It is two steps instead of a Nest interceptor because every interceptor costs each request
 * its share of RxJS and async resources, keyed or not (about a sixth of a logged session's
 * throughput): `admit` runs as the last of the request guard's checks, `remember` from the
 * server's `onSend` hook once the answer is serialized.
 */
@Injectable()
export class IdempotentReplays {
  constructor(
    private readonly answers: IdempotencyStore,
    private readonly clock: Clock,
  ) {}

  admit(request: KeyedRequest): void {
    const key = request.headers['idempotency-key'];
    // A public POST (development sign-in) has no caller to scope answers by, and writes nothing.
    if (request.method !== 'POST' || key === undefined || request.principal === undefined) return;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new BadRequestException({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Idempotency-Key: must be 1-200 visible ASCII characters',
        errors: [{ field: 'Idempotency-Key', problems: ['must be 1-200 visible ASCII characters'] }],
      });
    }
    const scope = request.principal.userId;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const earlier = this.answers.find(scope, key);
    if (!earlier) {
      request[PENDING] = { scope, key, fingerprint };
      return;
    }
    if (earlier.fingerprint !== fingerprint) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: 'this Idempotency-Key was used for another request',
      });
    }
    throw new IdempotentReplay(earlier.body);
  }

  /** Keeps a successful answer to an admitted request; refusals are not kept, so a retry is decided afresh. */
  remember(request: KeyedRequest, status: number, payload: unknown): void {
    const pending = request[PENDING];
    if (pending === undefined || status < 200 || status > 299 || typeof payload !== 'string') return;
    this.answers.remember(pending.scope, pending.key, pending.fingerprint, payload, chinaTimestamp(this.clock.now()));
  }
}
