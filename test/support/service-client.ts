import { randomBytes } from 'node:crypto';
import { Principal } from '../../apps/api/src/auth/principal';
import { mintToken } from '../../apps/api/src/auth/token-verifier';
import { ADMIN } from './fixtures';

/** The secret the services a test starts verify tokens with, and the settings they run with. */
export const SERVICE_SECRET = randomBytes(32).toString('hex');
export const SERVICE_ENV = { AUTH_JWT_SECRET: SERVICE_SECRET, RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_USER: '0' };

export interface Answer {
  readonly status: number;
  readonly body: any;
}

/** Requests to a service running as its own process (see service-process.ts), with tokens it accepts. */
export function serviceClient(url: string) {
  const authorization = (principal: Principal) => `Bearer ${mintToken(principal, Buffer.from(SERVICE_SECRET), { nowMs: Date.now(), ttlSeconds: 600 })}`;
  const client = {
    url,
    async post(path: string, body: object, as: Principal = ADMIN): Promise<Answer> {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: authorization(as) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    async get(path: string, as: Principal = ADMIN): Promise<Answer> {
      const response = await fetch(`${url}${path}`, { headers: { authorization: authorization(as) } });
      return { status: response.status, body: await response.json() };
    },
    /** POSTs and expects 201, answering `{ id, revision, position }`. */
    async created(path: string, body: object, as: Principal = ADMIN): Promise<{ id: string; revision: number; position: string }> {
      const answer = await client.post(path, body, as);
      if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
  };
  return client;
}
