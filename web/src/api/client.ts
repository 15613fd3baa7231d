/**
 * The one HTTP client of the web app: JSON to and from the same-origin API, with the session
 * cookie, turning the API's error envelope into an `ApiError` that pages can tell apart.
 *
 * Every state-changing request made with the session cookie must echo the session's CSRF token
 * in `X-CSRF-Token`. The client keeps that token (from the sign-in answer or `GET /api/auth/me`)
 * and sends it with every POST and PUT; when it does not know it yet it asks `/api/auth/me`
 * first, and when the server says it is wrong (the session changed in another tab) it asks again
 * and tries once more.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The envelope's `details`: `field` for bad input, `retryAfterSeconds` for 429. */
    readonly details: Record<string, unknown> = {},
    /** Seconds to wait before trying again (429), from `Retry-After` or the details. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The input field a 400 (or a 409 on a unique field) is about. */
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

export type QueryParams = Record<string, string | number | undefined | null>;

/** Builds `/api/<path>?...`, leaving out empty parameters. */
export function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `/api/${path}${query ? `?${query}` : ''}`;
}

/** Reads the error envelope of a non-2xx answer (or makes one from the status line). */
async function toApiError(response: Response): Promise<ApiError> {
  let code = 'http_error';
  let message = response.statusText;
  let details: Record<string, unknown> = {};
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: Record<string, unknown> };
    };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
    details = body.error?.details ?? details;
  } catch {
    // Not JSON (a proxy or the static server answered); keep the status text.
  }
  const header = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  const detail = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : Number.NaN;
  const retryAfter = Number.isFinite(header) ? header : Number.isFinite(detail) ? detail : null;
  return new ApiError(response.status, code, message, details, retryAfter);
}

async function parse<T>(response: Response): Promise<T> {
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Fetches and parses JSON; throws `ApiError` on a non-2xx answer. */
export async function getJson<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiUrl(path, params), {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    signal,
  });
  return parse<T>(response);
}

/** The session's CSRF token: undefined until known, null when there is no session. */
let csrfToken: string | null | undefined;

/** Remembers the CSRF token of the current session (null when signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Asks the server for the current session's CSRF token. */
async function refreshCsrfToken(): Promise<string | null> {
  const me = await getJson<{ csrfToken: string | null }>('auth/me');
  csrfToken = me.csrfToken;
  return csrfToken;
}

const isCsrfRefusal = (error: unknown) =>
  error instanceof ApiError && error.status === 403 && error.field === 'x-csrf-token';

/**
 * Sends a state-changing request (POST, PUT, PATCH or DELETE) with a JSON body, or none, and the session's
 * CSRF token; returns the parsed answer (undefined for 204).
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const attempt = async () => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    const response = await fetch(apiUrl(path), {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
    });
    return parse<T>(response);
  };
  if (csrfToken === undefined) await refreshCsrfToken().catch(() => null);
  try {
    return await attempt();
  } catch (error) {
    if (!isCsrfRefusal(error)) throw error;
    await refreshCsrfToken();
    return attempt();
  }
}

/** True for errors that mean "this object does not exist (for you)". */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** True for "sign in to do this" (no session, or it has ended). */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** True for answers that will not change on a retry (the request itself is refused). */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}
