/**
 * JSON requests to the studio's API with the session cookie, and the CSRF token from
 * `GET /api/auth/csrf` on every change (fetched once, again when the server rejects it). Kept
 * apart from the account pages' client so the studio's document loads nothing of the app.
 */
export interface StudioError extends Error {
  readonly status: number;
  readonly code: string;
}

/**
 * An error of the API, by its stable code (`offline` when the server was not reached). A plain
 * Error with two properties, not a class: a class field would pull a helper of the app's
 * shell into the studio's code.
 */
function studioError(status: number, code: string, message: string): StudioError {
  return Object.assign(new Error(message), { status, code });
}

export function isStudioError(e: unknown): e is StudioError {
  return e instanceof Error && typeof (e as Partial<StudioError>).code === 'string';
}

let csrf: string | null = null;

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    if (csrf === null) {
      const res = await send('GET', '/api/auth/csrf');
      if (!res.ok) throw await errorOf(res);
      csrf = ((await res.json()) as { token: string }).token;
    }
    headers['x-csrf-token'] = csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw studioError(0, 'offline', 'The server could not be reached');
  }
}

async function errorOf(res: Response): Promise<StudioError> {
  try {
    const b = (await res.json()) as { error?: { code?: string; message?: string } };
    return studioError(res.status, b.error?.code ?? 'unknown', b.error?.message ?? '');
  } catch {
    return studioError(res.status, 'unknown', res.statusText);
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const res = await send(method, path, body);
    if (res.ok) return (await res.json()) as T;
    const error = await errorOf(res);
    if (error.code === 'csrf_rejected' && attempt === 0) {
      csrf = null;
      continue;
    }
    throw error;
  }
}
