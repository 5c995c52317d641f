import { authConfigFromEnvironment, devSecret } from '../../api/src/auth/auth.config';
import { isRole, Principal, ROLES } from '../../api/src/auth/principal';
import { mintToken } from '../../api/src/auth/token-verifier';
import { storageConfigFromEnvironment } from '../../api/src/infrastructure/config';

export class TokenUsageError extends Error {}

export const TOKEN_USAGE = `usage: npm run token -- --role <role> --org <orgId> [--sub <userId>] [--social-worker <id>] [--supervisor <id>] [--hours <n>]
roles: ${ROLES.join(', ')}
Signs with AUTH_JWT_SECRET when set, otherwise with the development secret of DATA_DIR (what AUTH_MODE=dev accepts).`;

/** The principal and lifetime the token command's arguments ask for. */
export function parseTokenArguments(args: readonly string[]): { principal: Principal; hours: number } {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i], args[i + 1]];
    if (!name?.startsWith('--') || value === undefined || value.startsWith('--')) throw new TokenUsageError(`expected --option value pairs, got ${args.slice(i).join(' ')}`);
    options.set(name.slice(2), value);
  }
  const known = ['role', 'org', 'sub', 'social-worker', 'supervisor', 'hours'];
  const unknown = [...options.keys()].filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new TokenUsageError(`unknown option --${unknown[0]}`);
  const role = options.get('role');
  if (!isRole(role)) throw new TokenUsageError(`--role must be one of ${ROLES.join(', ')}`);
  const orgId = options.get('org');
  if (!orgId) throw new TokenUsageError('--org is required: the organization the user acts for');
  if (role === 'social_worker' && !options.get('social-worker')) throw new TokenUsageError('a social_worker token needs --social-worker <id>');
  if (role === 'supervisor' && !options.get('supervisor')) throw new TokenUsageError('a supervisor token needs --supervisor <id>');
  const hours = Number(options.get('hours') ?? 12);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) throw new TokenUsageError('--hours must be a number of hours up to 720');
  const principal: Principal = {
    userId: options.get('sub') ?? `dev-${role}@${orgId}`,
    role,
    orgId,
    ...(role === 'social_worker' ? { socialWorkerId: options.get('social-worker') } : {}),
    ...(role === 'supervisor' ? { supervisorId: options.get('supervisor') } : {}),
  };
  return { principal, hours };
}

/** The secret tokens are signed with here: the configured one, or the data directory's development secret. */
export function signingSecret(env: NodeJS.ProcessEnv): Buffer {
  if (env.AUTH_JWT_PUBLIC_KEY_FILE || env.AUTH_JWKS_URL) {
    throw new TokenUsageError('the service verifies RS256 tokens from an identity provider; get a token there, this command only signs HS256');
  }
  if (env.AUTH_JWT_SECRET) {
    const config = authConfigFromEnvironment(env, storageConfigFromEnvironment(env).dataDir);
    if (config.key.kind === 'secret') return config.key.secret;
  }
  return devSecret(storageConfigFromEnvironment(env).dataDir);
}

export function mintFromArguments(args: readonly string[], env: NodeJS.ProcessEnv, nowMs: number): string {
  const { principal, hours } = parseTokenArguments(args);
  return mintToken(principal, signingSecret(env), { nowMs, ttlSeconds: Math.round(hours * 3600), issuer: env.AUTH_ISSUER || undefined, audience: env.AUTH_AUDIENCE || undefined });
}
