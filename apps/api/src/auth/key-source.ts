import { createPublicKey, JsonWebKey } from 'node:crypto';
import { AuthKeyConfig } from './auth.config';
import { InvalidToken, JwtHeader, VerificationKey } from './jwt';

/** The key a token's header asks for. */
export interface KeySource {
  keyFor(header: JwtHeader): Promise<VerificationKey>;
}

/** A JWKS document's RSA signing keys, fetched when a token names a key id not seen yet. */
export class JwksKeySource implements KeySource {
  private keys = new Map<string, VerificationKey>();
  private fetchedAt: number | null = null;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    private readonly options: { readonly minRefreshMs?: number; readonly timeoutMs?: number; readonly now?: () => number } = {},
  ) {}

  async keyFor(header: JwtHeader): Promise<VerificationKey> {
    const kid = header.kid ?? '';
    if (!this.keys.has(kid) && this.mayRefresh()) await this.refresh();
    const key = this.keys.get(kid) ?? (header.kid === undefined && this.keys.size === 1 ? [...this.keys.values()][0] : undefined);
    if (!key) throw new InvalidToken(header.kid === undefined ? 'the token names no key id' : `no signing key ${header.kid} is published`);
    return key;
  }

  private mayRefresh(): boolean {
    const now = (this.options.now ?? Date.now)();
    return this.fetchedAt === null || now - this.fetchedAt >= (this.options.minRefreshMs ?? 30_000);
  }

  private refresh(): Promise<void> {
    this.pending ??= this.load().finally(() => (this.pending = null));
    return this.pending;
  }

  private async load(): Promise<void> {
    this.fetchedAt = (this.options.now ?? Date.now)();
    let body: { keys?: unknown };
    try {
      const response = await fetch(this.url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      body = (await response.json()) as { keys?: unknown };
    } catch (error) {
      // Keep the keys we had: an identity provider's hiccup must not lock everyone out.
      throw new InvalidToken(`the signing keys could not be fetched (${(error as Error).message})`);
    }
    const keys = new Map<string, VerificationKey>();
    for (const jwk of Array.isArray(body.keys) ? (body.keys as Array<JsonWebKey & { kid?: string; use?: string; alg?: string }>) : []) {
      if (jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig') || (jwk.alg !== undefined && jwk.alg !== 'RS256')) continue;
      try {
        keys.set(jwk.kid ?? '', { alg: 'RS256', publicKey: createPublicKey({ key: jwk, format: 'jwk' }) });
      } catch {
        // A malformed key in the set is skipped; the others still verify.
      }
    }
    this.keys = keys;
  }
}

export function keySource(config: AuthKeyConfig): KeySource {
  switch (config.kind) {
    case 'secret': {
      const key: VerificationKey = { alg: 'HS256', secret: config.secret };
      return { keyFor: async () => key };
    }
    case 'public-key': {
      const key: VerificationKey = { alg: 'RS256', publicKey: config.publicKey };
      return { keyFor: async () => key };
    }
    case 'jwks':
      return new JwksKeySource(config.url);
  }
}
