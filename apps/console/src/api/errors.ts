/** What the service answers when it refuses: a stable code, a message, and for bad input each offending field. */
export interface ApiProblem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly fields: ReadonlyArray<{ readonly field: string; readonly problems: readonly string[] }>;
  readonly details?: Record<string, unknown>;
}

/** A refusal or failure as the console shows it; thrown by `unwrap` so pages handle every error in one way. */
export class ApiError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
  }
}

export function problemOf(status: number, body: unknown): ApiProblem {
  const b = (body ?? {}) as { code?: unknown; message?: unknown; errors?: unknown; details?: unknown };
  const fields = Array.isArray(b.errors)
    ? (b.errors as Array<{ field?: unknown; problems?: unknown }>).map((e) => ({
        field: String(e.field ?? ''),
        problems: Array.isArray(e.problems) ? e.problems.map(String) : [],
      }))
    : [];
  const fallback = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'OUTSIDE_ORGANIZATION_SCOPE' : status === 404 ? 'NOT_FOUND' : status >= 500 ? 'SERVER_ERROR' : 'REQUEST_FAILED';
  return {
    status,
    code: typeof b.code === 'string' ? b.code : fallback,
    message: typeof b.message === 'string' ? b.message : Array.isArray(b.message) ? b.message.join('; ') : `HTTP ${status}`,
    fields,
    details: b.details && typeof b.details === 'object' ? (b.details as Record<string, unknown>) : undefined,
  };
}

/**
 * The body of a successful answer, or an ApiError. The service's read answers are `{ data, position }`;
 * T names what `data` is (a read model's type from the domain libraries, see read-models.ts).
 */
export async function unwrap<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'the service could not be reached', fields: [] });
  }
  if (!result.response.ok) throw new ApiError(problemOf(result.response.status, result.error));
  return result.data as T;
}
