import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@sws/kernel';
import { AuthenticatedRequest } from '../auth/auth.guards';
import { actorOfPrincipal, Principal } from '../auth/principal';
import { RequestContext } from '../infrastructure/request-context';

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

/** Who is acting, as the guards verified it. Only endpoints that need a token read it. */
export function principalOf(request: AuthenticatedRequest): Principal {
  if (!request.principal) throw new Error('no verified principal on this request: is the endpoint @Public?');
  return request.principal;
}

export function actorOf(request: AuthenticatedRequest): Actor {
  return actorOfPrincipal(principalOf(request));
}

/** The request as a write carries it into the event metadata: actor from the token, request id, keys. */
export const Context = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const request = host.switchToHttp().getRequest();
  const principal = principalOf(request);
  return {
    actor: actorOfPrincipal(principal),
    principal,
    correlationId: header(request, 'x-request-id')!,
    idempotencyKey: header(request, 'idempotency-key') ?? null,
    ifMatch: parseIfMatch(header(request, 'if-match')),
  };
});

/** The verified caller, for the scope checks of reads. */
export const Caller = createParamDecorator((_: unknown, host: ExecutionContext): Principal => principalOf(host.switchToHttp().getRequest()));
