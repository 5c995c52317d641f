import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Clock } from '../infrastructure/clock';
import { AccessDenied, Unauthenticated } from './access-denied';
import { InvalidToken } from './jwt';
import { Principal, Role } from './principal';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { TokenVerifier } from './token-verifier';

/** What the authentication guard leaves on the request for the guards and handlers after it. */
export interface AuthenticatedRequest {
  principal?: Principal;
  authFailure?: Unauthenticated;
  headers: Record<string, string | string[] | undefined>;
}

function isPublic(reflector: Reflector, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]) === true;
}

/**
 * First guard: verifies the bearer token and notes who the caller is, or why not. It refuses
 * nothing itself, so that the rate limiter after it counts failed attempts too.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublic(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      request.authFailure = new Unauthenticated('this endpoint needs a bearer token (Authorization: Bearer <token>)', false);
      return true;
    }
    const match = typeof header === 'string' ? /^Bearer +([^\s]+) *$/i.exec(header) : null;
    if (!match) {
      request.authFailure = new Unauthenticated('the Authorization header must be "Bearer <token>"', true);
      return true;
    }
    try {
      request.principal = await this.verifier.verify(match[1], this.clock.now().getTime());
    } catch (error) {
      if (!(error instanceof InvalidToken)) throw error;
      request.authFailure = new Unauthenticated(error.message, true);
    }
    return true;
  }
}

/** Last guard: 401 without a verified principal, 403 for a role the endpoint does not allow. */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (isPublic(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal) throw request.authFailure ?? new Unauthenticated('this endpoint needs a bearer token', false);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles || !roles.includes(request.principal.role)) {
      throw new AccessDenied(`the ${request.principal.role} role may not use this endpoint${roles ? `; it is for ${roles.join(', ')}` : ''}`, 'ROLE_NOT_ALLOWED');
    }
    return true;
  }
}
