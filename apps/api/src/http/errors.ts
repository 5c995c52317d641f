import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { DomainError, RecordNotFound } from '@sws/kernel';
import { EventIdReused, StoreUnavailable, WrongExpectedRevision } from '@sws/event-store';
import { ThrottlerException } from '@nestjs/throttler';
import { AccessDenied, Unauthenticated } from '../auth/access-denied';
import { PositionBeyondHead, ReadModelBehind } from '../infrastructure/read-models.service';
import { RetryAttempt } from '../infrastructure/reservations/reservations';
import { IdempotentReplay } from './idempotent-replays';
import { BadJsonBody } from './json-body';

const REALM = 'social-work-stations';

/** RFC 6750: what a client without valid credentials is told about how to authenticate. */
function wwwAuthenticate(error: Unauthenticated): string {
  if (!error.invalidToken) return `Bearer realm="${REALM}"`;
  const description = error.message.replace(/["\\]/g, "'");
  return `Bearer realm="${REALM}", error="invalid_token", error_description="${description}"`;
}

export interface FieldProblem {
  readonly field: string;
  readonly problems: readonly string[];
}

/** Flattens class-validator's nested errors into one entry per offending field path. */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * Domain refusals that are bad input rather than broken rules (SPEC: points outside [0, max] are
 * a 400): answered like validation errors, naming the field the domain names in its details.
 */
const BAD_INPUT_CODES: ReadonlySet<string> = new Set(['POINTS_OUT_OF_RANGE', 'POINTS_TOO_PRECISE', 'INVALID_NAME']);

function badInputFromDomain(error: DomainError): [number, object] {
  const field = String(error.details.field ?? 'body');
  const errors = [{ field, problems: [error.message] }];
  return [400, { statusCode: 400, code: error.code, message: `${field}: ${error.message}`, errors, details: error.details }];
}

export class BadInput extends HttpException {
  constructor(errors: readonly FieldProblem[]) {
    super(
      {
        statusCode: HttpStatus.BAD_REQUEST,
        code: 'VALIDATION_FAILED',
        message: errors.map((e) => `${e.field}: ${e.problems.join('; ')}`).join(' | '),
        errors,
      },
      HttpStatus.BAD_REQUEST,
    );
  }
}

/** Maps what the domain and the stores throw to HTTP answers, once for the whole service. */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse();
    if (error instanceof IdempotentReplay) {
      reply.status(201).send(error.body);
      return;
    }
    const [status, body] = this.describe(error);
    if (error instanceof Unauthenticated) reply.header('www-authenticate', wwwAuthenticate(error));
    if (error instanceof StoreUnavailable) reply.header('retry-after', '5');
    if (error instanceof ReadModelBehind) reply.header('retry-after', '1');
    if (status >= 500) this.logger.error(String(error), (error as Error)?.stack);
    reply.status(status).send(body);
  }

  private describe(error: unknown): [number, object] {
    if (error instanceof Unauthenticated) {
      return [401, { statusCode: 401, code: 'UNAUTHENTICATED', message: error.message }];
    }
    if (error instanceof AccessDenied) {
      return [403, { statusCode: 403, code: error.code, message: error.message }];
    }
    if (error instanceof ThrottlerException) {
      return [429, { statusCode: 429, code: 'RATE_LIMITED', message: error.message }];
    }
    if (error instanceof BadJsonBody) {
      const errors = error.field === null ? [] : [{ field: error.field, problems: [error.message] }];
      return [400, { statusCode: 400, code: error.code, message: error.message, errors }];
    }
    if (error instanceof DomainError && BAD_INPUT_CODES.has(error.code)) return badInputFromDomain(error);
    if (error instanceof DomainError) {
      return [422, { statusCode: 422, code: error.code, message: error.message, details: error.details }];
    }
    if (error instanceof RecordNotFound) {
      return [404, { statusCode: 404, code: 'NOT_FOUND', message: error.message }];
    }
    if (error instanceof WrongExpectedRevision) {
      const message = `the record changed since revision ${error.expected}; it is at revision ${error.actual}`;
      return [409, { statusCode: 409, code: 'CONCURRENT_WRITE', message, currentRevision: error.actual }];
    }
    if (error instanceof RetryAttempt) {
      const message = `too many writes met at ${error.streamId} at once; send it again`;
      return [409, { statusCode: 409, code: 'CONCURRENT_WRITE', message }];
    }
    if (error instanceof EventIdReused) {
      return [409, { statusCode: 409, code: 'EVENT_ID_REUSED', message: error.message }];
    }
    if (error instanceof PositionBeyondHead) {
      return [400, { statusCode: 400, code: 'VALIDATION_FAILED', message: error.message, errors: [{ field: 'minPosition', problems: [error.message] }] }];
    }
    if (error instanceof StoreUnavailable) {
      return [503, { statusCode: 503, code: 'STORE_UNAVAILABLE', message: error.message }];
    }
    if (error instanceof ReadModelBehind) {
      return [503, { statusCode: 503, code: 'READ_MODEL_BEHIND', message: error.message }];
    }
    if (error instanceof HttpException) {
      const response = error.getResponse();
      const body = typeof response === 'string' ? { statusCode: error.getStatus(), message: response } : response;
      return [error.getStatus(), body];
    }
    const status = (error as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Errors the HTTP server raises itself: unparseable JSON, a body over the limit.
      return [status, { statusCode: status, code: (error as { code?: string }).code ?? 'BAD_REQUEST', message: (error as Error).message }];
    }
    return [500, { statusCode: 500, code: 'INTERNAL', message: 'internal error' }];
  }
}
