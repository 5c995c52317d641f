import { UUID_PATTERN } from '@sws/event-store';
import { AuthConfig } from './auth.config';
import { checkRegisteredClaims, checkSignature, decodeToken, InvalidToken, signHs256 } from './jwt';
import { KeySource, keySource } from './key-source';
import { isRole, Principal, ROLES } from './principal';

const TEXT_CLAIM = /^[^\u0000-\u001f]{1,200}$/;

function textClaim(payload: Record<string, unknown>, name: string): string {
  const value = payload[name];
  if (typeof value !== 'string' || !TEXT_CLAIM.test(value)) throw new InvalidToken(`the token has no valid ${name} claim`);
  return value;
}

function idClaim(payload: Record<string, unknown>, name: string): string {
  const value = payload[name];
  if (typeof value !== 'string' || !UUID_PATTERN.test(value)) throw new InvalidToken(`the token's ${name} claim must be a UUID`);
  return value.toLowerCase();
}

/** The principal a verified token's claims describe. */
export function principalFromClaims(payload: Record<string, unknown>): Principal {
  const userId = textClaim(payload, 'sub');
  if (!isRole(payload.role)) throw new InvalidToken(`the token's role claim must be one of ${ROLES.join(', ')}`);
  const role = payload.role;
  const orgId = textClaim(payload, 'orgId');
  return {
    userId,
    role,
    orgId: UUID_PATTERN.test(orgId) ? orgId.toLowerCase() : orgId,
    ...(role === 'social_worker' ? { socialWorkerId: idClaim(payload, 'socialWorkerId') } : {}),
    ...(role === 'supervisor' ? { supervisorId: idClaim(payload, 'supervisorId') } : {}),
  };
}

/** Tokens verified recently, kept at most this many (then forgotten all at once, and verified again). */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Verifies bearer tokens against the configured key, at the time the service's clock says.
 * A token whose signature and claims checked out is kept by its text, so that the next request
 * bearing it skips decoding and the signature: its time claims (exp, nbf) are still checked
 * against the clock on every request, so a kept token stops working when it expires.
 */
export class TokenVerifier {
  private readonly keys: KeySource;
  private readonly verified = new Map<string, { readonly payload: Record<string, unknown>; readonly principal: Principal }>();

  constructor(
    private readonly config: AuthConfig,
    keys?: KeySource,
  ) {
    this.keys = keys ?? keySource(config.key);
  }

  async verify(token: string, nowMs: number): Promise<Principal> {
    const kept = this.verified.get(token);
    if (kept) {
      this.checkClaims(kept.payload, nowMs);
      return kept.principal;
    }
    const decoded = decodeToken(token);
    checkSignature(decoded, await this.keys.keyFor(decoded.header));
    this.checkClaims(decoded.payload, nowMs);
    const principal = Object.freeze(principalFromClaims(decoded.payload));
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.clear();
    this.verified.set(token, { payload: decoded.payload, principal });
    return principal;
  }

  private checkClaims(payload: Record<string, unknown>, nowMs: number): void {
    checkRegisteredClaims(payload, {
      now: Math.floor(nowMs / 1000),
      leewaySeconds: this.config.leewaySeconds,
      issuer: this.config.issuer,
      audience: this.config.audience,
    });
  }
}

export interface MintOptions {
  readonly nowMs: number;
  readonly ttlSeconds: number;
  readonly issuer?: string;
  readonly audience?: string;
}

/** A token for a principal, signed with a shared secret (development tokens, tests, the demo). */
export function mintToken(principal: Principal, secret: Buffer, options: MintOptions): string {
  const iat = Math.floor(options.nowMs / 1000);
  const { userId, ...claims } = principal;
  return signHs256(
    {
      sub: userId,
      ...claims,
      iat,
      exp: iat + options.ttlSeconds,
      ...(options.issuer ? { iss: options.issuer } : {}),
      ...(options.audience ? { aud: options.audience } : {}),
    },
    secret,
  );
}
