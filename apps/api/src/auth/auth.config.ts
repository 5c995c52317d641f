import { createPublicKey, KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the keys that verify bearer tokens come from. */
export type AuthKeyConfig =
  | { readonly kind: 'secret'; readonly secret: Buffer }
  | { readonly kind: 'public-key'; readonly publicKey: KeyObject }
  | { readonly kind: 'jwks'; readonly url: string };

export interface AuthConfig {
  /** `dev` only when AUTH_MODE=dev: the service warns, and accepts the development tokens it mints. */
  readonly mode: 'production' | 'dev';
  readonly key: AuthKeyConfig;
  readonly issuer?: string;
  readonly audience?: string;
  readonly leewaySeconds: number;
}

const MIN_SECRET_BYTES = 32;
export const DEV_SECRET_FILE = 'dev-jwt-secret';

/**
 * The development secret of a data directory, created on first use. It lives beside the data
 * so that `npm run token` and the service started on the same DATA_DIR agree.
 */
export function devSecret(dataDir: string): Buffer {
  const file = join(dataDir, DEV_SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * Reads the token settings. Exactly one of AUTH_JWT_SECRET (HS256), AUTH_JWT_PUBLIC_KEY_FILE
 * (RS256, PEM) or AUTH_JWKS_URL (RS256 from an identity provider). With none, the service
 * refuses to start unless AUTH_MODE=dev, which uses a secret kept in the data directory.
 */
export function authConfigFromEnvironment(env: NodeJS.ProcessEnv, dataDir: string): AuthConfig {
  const mode = env.AUTH_MODE === undefined || env.AUTH_MODE === '' ? 'production' : env.AUTH_MODE;
  if (mode !== 'production' && mode !== 'dev') throw new Error(`AUTH_MODE must be dev or unset, not ${env.AUTH_MODE}`);
  const given = (['AUTH_JWT_SECRET', 'AUTH_JWT_PUBLIC_KEY_FILE', 'AUTH_JWKS_URL'] as const).filter((name) => env[name]);
  if (given.length > 1) throw new Error(`set only one of ${given.join(', ')}`);
  const common = {
    mode,
    issuer: env.AUTH_ISSUER || undefined,
    audience: env.AUTH_AUDIENCE || undefined,
    leewaySeconds: Number(env.AUTH_LEEWAY_SECONDS ?? 60),
  } as const;
  if (!Number.isInteger(common.leewaySeconds) || common.leewaySeconds < 0 || common.leewaySeconds > 600) {
    throw new Error('AUTH_LEEWAY_SECONDS must be a whole number of seconds from 0 to 600');
  }
  if (env.AUTH_JWT_SECRET) {
    const secret = Buffer.from(env.AUTH_JWT_SECRET, 'utf8');
    if (secret.length < MIN_SECRET_BYTES) throw new Error(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long`);
    return { ...common, key: { kind: 'secret', secret } };
  }
  if (env.AUTH_JWT_PUBLIC_KEY_FILE) {
    const publicKey = createPublicKey(readFileSync(env.AUTH_JWT_PUBLIC_KEY_FILE));
    if (publicKey.asymmetricKeyType !== 'rsa') throw new Error('AUTH_JWT_PUBLIC_KEY_FILE must hold an RSA public key (RS256)');
    return { ...common, key: { kind: 'public-key', publicKey } };
  }
  if (env.AUTH_JWKS_URL) {
    const url = new URL(env.AUTH_JWKS_URL);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
      throw new Error('AUTH_JWKS_URL must use https (plain http only on loopback)');
    }
    return { ...common, key: { kind: 'jwks', url: url.toString() } };
  }
  if (mode !== 'dev') {
    throw new Error(
      'no key to verify bearer tokens: set AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY_FILE or AUTH_JWKS_URL, ' +
        'or AUTH_MODE=dev for a local trial with development tokens (npm run token)',
    );
  }
  return { ...common, key: { kind: 'secret', secret: devSecret(dataDir) } };
}
