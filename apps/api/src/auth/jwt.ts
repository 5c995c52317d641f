import { createHmac, KeyObject, timingSafeEqual, verify as verifySignature } from 'node:crypto';

/**
 * Compact JWS tokens (RFC 7515/7519) verified with node:crypto alone: HS256 with a shared
 * secret, RS256 with a public key. Only the algorithms the configured key allows are
 * accepted, so an HS256 token signed with a public key, or `alg: none`, never passes.
 */

export type Algorithm = 'HS256' | 'RS256';

/** Why a token was refused; the message goes into `WWW-Authenticate` as the error description. */
export class InvalidToken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidToken';
  }
}

export interface JwtHeader {
  readonly alg: string;
  readonly kid?: string;
  readonly typ?: string;
  readonly [name: string]: unknown;
}

export interface DecodedToken {
  readonly header: JwtHeader;
  readonly payload: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

const MAX_TOKEN_LENGTH = 8192;
const SEGMENT = /^[A-Za-z0-9_-]*$/;

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function parseSegment(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidToken(`the token's ${what} is not JSON`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InvalidToken(`the token's ${what} is not an object`);
  return value as Record<string, unknown>;
}

/** Splits and parses a token without trusting it. */
export function decodeToken(token: string): DecodedToken {
  if (token.length > MAX_TOKEN_LENGTH) throw new InvalidToken('the token is too long');
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part)) || parts[0] === '' || parts[1] === '') {
    throw new InvalidToken('the token is not a compact JWT');
  }
  const header = parseSegment(parts[0], 'header');
  if (typeof header.alg !== 'string') throw new InvalidToken('the token header names no algorithm');
  if (header.crit !== undefined) throw new InvalidToken('the token has critical header parameters this service does not understand');
  if (header.typ !== undefined && (typeof header.typ !== 'string' || !/^(jwt|at\+jwt|application\/jwt)$/i.test(header.typ))) {
    throw new InvalidToken('the token is not a JWT');
  }
  if (header.kid !== undefined && typeof header.kid !== 'string') throw new InvalidToken('the token key id is not a string');
  return {
    header: header as unknown as JwtHeader,
    payload: parseSegment(parts[1], 'payload'),
    signingInput: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2], 'base64url'),
  };
}

/** A key as the verifier needs it: the algorithm it is for and the material. */
export type VerificationKey =
  | { readonly alg: 'HS256'; readonly secret: Buffer }
  | { readonly alg: 'RS256'; readonly publicKey: KeyObject };

/** Throws InvalidToken unless the signature is the key's over the token. */
export function checkSignature(token: DecodedToken, key: VerificationKey): void {
  if (token.header.alg !== key.alg) throw new InvalidToken(`the token is signed with ${token.header.alg}; this service accepts ${key.alg}`);
  const data = Buffer.from(token.signingInput);
  if (key.alg === 'HS256') {
    const expected = createHmac('sha256', key.secret).update(data).digest();
    if (expected.length !== token.signature.length || !timingSafeEqual(expected, token.signature)) {
      throw new InvalidToken('the token signature does not verify');
    }
    return;
  }
  if (!verifySignature('sha256', data, key.publicKey, token.signature)) throw new InvalidToken('the token signature does not verify');
}

export interface TimeClaimsOptions {
  /** Seconds since the epoch. */
  readonly now: number;
  /** Tolerated clock difference between issuer and service, in seconds. */
  readonly leewaySeconds: number;
  readonly issuer?: string;
  readonly audience?: string;
}

/** Expiry (required), not-before, issuer and audience. */
export function checkRegisteredClaims(payload: Record<string, unknown>, options: TimeClaimsOptions): void {
  const { now, leewaySeconds } = options;
  if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) throw new InvalidToken('the token has no expiry (exp)');
  if (payload.exp + leewaySeconds <= now) throw new InvalidToken('the token has expired');
  if (payload.nbf !== undefined) {
    if (typeof payload.nbf !== 'number' || !Number.isFinite(payload.nbf)) throw new InvalidToken('the token not-before (nbf) is not a time');
    if (payload.nbf - leewaySeconds > now) throw new InvalidToken('the token is not valid yet');
  }
  if (payload.iat !== undefined && (typeof payload.iat !== 'number' || payload.iat - leewaySeconds > now)) {
    throw new InvalidToken('the token was issued in the future');
  }
  if (options.issuer !== undefined && payload.iss !== options.issuer) throw new InvalidToken(`the token was not issued by ${options.issuer}`);
  if (options.audience !== undefined) {
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(options.audience)) throw new InvalidToken(`the token is not meant for ${options.audience}`);
  }
}

/** Signs claims with HS256: development tokens and tests. */
export function signHs256(payload: Record<string, unknown>, secret: Buffer, header: Record<string, unknown> = {}): string {
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', ...header }))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${base64url(createHmac('sha256', secret).update(signingInput).digest())}`;
}
