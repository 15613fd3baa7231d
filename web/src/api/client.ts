/**
 * The one HTTP client of the portal: GET JSON from the same-origin API, turning the API's
 * error envelope into an `ApiError` that pages can tell apart (404 versus the rest).
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
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

/** Fetches and parses JSON; throws `ApiError` on a non-2xx answer. */
export async function getJson<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal });
  if (!response.ok) {
    let code = 'http_error';
    let message = response.statusText;
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not JSON (a proxy or the static server answered); keep the status text.
    }
    throw new ApiError(response.status, code, message);
  }
  return (await response.json()) as T;
}

/** True for errors that mean "this object does not exist (for you)". */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
