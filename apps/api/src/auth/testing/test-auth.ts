import { randomBytes } from 'node:crypto';
import { AuthConfig } from '../auth.config';
import { Principal } from '../principal';
import { mintToken } from '../token-verifier';

/** A fresh HS256 secret and the config that verifies with it: what in-process tests run on. */
export function testAuth(): { readonly config: AuthConfig; readonly secret: Buffer } {
  const secret = randomBytes(32);
  return { secret, config: { mode: 'production', key: { kind: 'secret', secret }, leewaySeconds: 60 } };
}

/** An `Authorization` header value for the principal, valid for an hour from `nowMs`. */
export function bearer(principal: Principal, secret: Buffer, nowMs: number): string {
  return `Bearer ${mintToken(principal, secret, { nowMs, ttlSeconds: 3600 })}`;
}
