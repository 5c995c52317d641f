import { api } from './client';
import { ApiError, problemOf } from './errors';
import type { Me } from '../session';

/** Asks the service who a token belongs to (GET /me); refuses a token the service does not accept. */
export async function whoIs(token: string): Promise<Me> {
  const { data, error, response } = await api.GET('/me', { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok || !data) throw new ApiError(problemOf(response.status, error));
  return data.data as Me;
}
