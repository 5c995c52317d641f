import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, UnprocessableEntityException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Observable, of, tap } from 'rxjs';
import { Clock, chinaTimestamp } from '../infrastructure/clock';
import { IdempotencyStore } from '../infrastructure/idempotency.store';
import { actorOf } from './request-context.decorator';

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on POST: the same key with the same body gets the first answer again and
 * appends nothing; the same key with another body is refused.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly answers: IdempotencyStore,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest();
    const key = request.headers['idempotency-key'];
    // A public POST (development sign-in) has no caller to scope answers by, and writes nothing.
    if (request.method !== 'POST' || key === undefined || request.principal === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new BadRequestException({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Idempotency-Key: must be 1-200 visible ASCII characters',
        errors: [{ field: 'Idempotency-Key', problems: ['must be 1-200 visible ASCII characters'] }],
      });
    }
    const scope = actorOf(request).userId;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const earlier = this.answers.find(scope, key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        throw new UnprocessableEntityException({
          statusCode: 422,
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: 'this Idempotency-Key was used for another request',
        });
      }
      return of(earlier.body);
    }
    return next.handle().pipe(tap((body) => this.answers.remember(scope, key, fingerprint, body, chinaTimestamp(this.clock.now()))));
  }
}
