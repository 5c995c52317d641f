import { CanActivate, DynamicModule, ExecutionContext, Injectable, Module, Optional } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule } from '@nestjs/throttler';
import { IdempotentReplays } from '../http/idempotent-replays';
import { AppConfig } from '../infrastructure/config';
import { AuthenticatedRequest, AuthenticationGuard, AuthorizationGuard } from './auth.guards';
import { TokenVerifier } from './token-verifier';

const MINUTE_MS = 60_000;

/** The rate limiter, also answering with the standard Retry-After header (seconds). */
@Injectable()
class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const reply = context.switchToHttp().getResponse();
    reply.header('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    return super.throwThrottlingException(context, detail);
  }
}

/**
 * Every request passes four checks in this order: who is calling (the token), how often they
 * and their address have called (rate limits, counting failed attempts too), whether their role
 * may use the endpoint, and whether it repeats an earlier request with the same Idempotency-Key.
 * One guard runs them so the order cannot drift.
 */
@Injectable()
class RequestGuard implements CanActivate {
  constructor(
    private readonly authentication: AuthenticationGuard,
    private readonly authorization: AuthorizationGuard,
    private readonly replays: IdempotentReplays,
    @Optional() private readonly throttler?: RateLimitGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.authentication.canActivate(context);
    if (this.throttler) await this.throttler.canActivate(context);
    if (!this.authorization.canActivate(context)) return false;
    this.replays.admit(context.switchToHttp().getRequest());
    return true;
  }
}

@Module({})
export class AuthModule {
  static register(config: AppConfig): DynamicModule {
    const limits = config.rateLimit;
    return {
      module: AuthModule,
      imports: limits
        ? [
            ThrottlerModule.forRoot({
              throttlers: [
                { name: 'ip', ttl: MINUTE_MS, limit: limits.perIpPerMinute, getTracker: (request) => `ip:${request.ip}` },
                {
                  name: 'user',
                  ttl: MINUTE_MS,
                  limit: limits.perUserPerMinute,
                  getTracker: (request) => {
                    const principal = (request as AuthenticatedRequest).principal;
                    return principal ? `user:${principal.userId}` : `anonymous:${request.ip}`;
                  },
                },
              ],
              errorMessage: 'too many requests; slow down and retry after the time in Retry-After',
            }),
          ]
        : [],
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(config.auth) },
        AuthenticationGuard,
        AuthorizationGuard,
        IdempotentReplays,
        ...(limits ? [RateLimitGuard] : []),
        { provide: APP_GUARD, useClass: RequestGuard },
      ],
    };
  }
}
