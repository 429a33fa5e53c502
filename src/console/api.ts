/**
 * The console's one door to the server: same-origin JSON with the session cookie. A network
 * failure is `offline` (the screen says so and keeps what was typed); a refusal carries the
 * server's machine-readable reason and, for bad input, which fields.
 */
export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'offline' }
  | { ok: false; kind: 'refused'; status: number; reason: string; fields?: Record<string, string>; retryAfter?: number };

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface Api {
  get<T>(path: string): Promise<ApiResult<T>>;
  send<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<ApiResult<T>>;
}

async function answer<T>(request: Promise<Response>): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await request;
  } catch {
    return { ok: false, kind: 'offline' };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.ok) return { ok: true, value: body as T };
  const err = (body ?? {}) as { error?: string; fields?: Record<string, string> };
  const retry = Number(res.headers.get('retry-after'));
  return {
    ok: false,
    kind: 'refused',
    status: res.status,
    reason: typeof err.error === 'string' ? err.error : `http-${res.status}`,
    ...(err.fields ? { fields: err.fields } : {}),
    ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
  };
}

export function createApi(fetcher: Fetch): Api {
  return {
    get: (path) => answer(fetcher(path, { credentials: 'same-origin', headers: { accept: 'application/json' } })),
    send: (method, path, body) =>
      answer(
        fetcher(path, {
          method,
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
  };
}
