import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@sws/kernel';
import { RequestContext } from '../infrastructure/request-context';

/** Until access control lands, every request acts as the county's administrator. */
const PROVISIONAL_ACTOR = { userId: 'provisional-admin', role: 'admin', orgId: null } as const;

function header(request: { headers: Record<string, string | string[] | undefined> }, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The revision in an If-Match header: `3`, `"3"` or `W/"3"`. */
export function parseIfMatch(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value.trim());
  if (!match) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'If-Match: must be the revision the client read, e.g. "3"',
      errors: [{ field: 'If-Match', problems: ['must be a stream revision'] }],
    });
  }
  return Number(match[1]);
}

/** Who is acting. Provisional until access control lands: everyone is the administrator. */
export function actorOf(_request: unknown): Actor {
  return PROVISIONAL_ACTOR;
}

export const Context = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const request = host.switchToHttp().getRequest();
  return {
    actor: actorOf(request),
    correlationId: header(request, 'x-request-id')!,
    idempotencyKey: header(request, 'idempotency-key') ?? null,
    ifMatch: parseIfMatch(header(request, 'if-match')),
  };
});
