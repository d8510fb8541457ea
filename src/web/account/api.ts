/**
 * The adults' account API (docs: ACCOUNTS.md, issue 12) as the browser calls it. JSON both
 * ways; the session is an HttpOnly cookie the browser sends by itself. Every POST, PATCH and
 * DELETE carries the CSRF token from `GET /api/auth/csrf` (fetched once, fetched again when the
 * server rejects it). A request that cannot reach the server fails with the code `offline`.
 */

export type Role = 'admin' | 'coordinator' | 'teacher' | 'parent' | 'company';
export type Stage = 'mfa' | 'enrol' | 'full';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly status: 'unverified' | 'pending_approval' | 'active' | 'disabled';
  readonly mfaEnabled: boolean;
  readonly mfaRequired: boolean;
}

export type SessionInfo = { readonly user: null } | { readonly user: User; readonly stage: Stage };

export interface DeviceSession {
  readonly id: string;
  readonly current: boolean;
  readonly device: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
}

export interface MfaSetup {
  readonly secret: string;
  readonly uri: string;
  readonly qrSvg: string;
}

/** What went wrong, by the API's stable code (or `offline` when the server was not reached). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait, from `Retry-After` (429). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

const offline = () => new ApiError(0, 'offline', 'The server could not be reached');

let csrf: Promise<string> | null = null;

function csrfToken(): Promise<string> {
  csrf ??= (async () => {
    let res: Response;
    try {
      res = await fetch('/api/auth/csrf', { credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw offline();
    }
    if (!res.ok) throw await errorOf(res);
    const body = (await res.json()) as { token?: unknown };
    if (typeof body.token !== 'string') throw new ApiError(res.status, 'bad_answer', 'No token');
    return body.token;
  })();
  // A failed fetch is not kept: the next request asks again.
  csrf.catch(() => (csrf = null));
  return csrf;
}

async function errorOf(res: Response): Promise<ApiError> {
  const retry = Number(res.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof body.error?.code === 'string' ? body.error.code : 'unknown';
    const message = typeof body.error?.message === 'string' ? body.error.message : res.statusText;
    return new ApiError(res.status, code, message, retryAfter);
  } catch {
    return new ApiError(res.status, 'unknown', res.statusText, retryAfter);
  }
}

/** One JSON request to an adults' route, with the CSRF token on every change (see above). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = await csrfToken();
    const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await fetch(path, init);
    } catch {
      throw offline();
    }
    if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
    const error = await errorOf(res);
    // The token may have been renewed with the session (sign-in rotates it): once more.
    if (error.code === 'csrf_rejected' && attempt === 0) {
      csrf = null;
      continue;
    }
    throw error;
  }
}

/** After signing in or out the session changes; the next request fetches a fresh CSRF token. */
const fresh = <T>(p: Promise<T>): Promise<T> =>
  p.finally(() => {
    csrf = null;
  });

type Status<S extends string> = { readonly status: S };

export const accountApi = {
  session: () => request<SessionInfo>('GET', '/api/auth/session'),
  signup: (body: {
    email: string;
    displayName: string;
    password: string;
    role: 'parent' | 'teacher' | 'company';
  }) => request<Status<'verify_email' | 'pending_approval'>>('POST', '/api/auth/signup', body),
  verifyEmail: (token: string) =>
    request<Status<'active' | 'pending_approval'>>('POST', '/api/auth/verify-email', { token }),
  signin: (email: string, password: string) =>
    fresh(request<{ stage: Stage; user: User }>('POST', '/api/auth/signin', { email, password })),
  signinMfa: (code: string) =>
    fresh(request<{ stage: Stage; user: User }>('POST', '/api/auth/signin/mfa', { code })),
  signout: () => fresh(request<void>('POST', '/api/auth/signout', {})),
  resetRequest: (email: string) =>
    request<Status<'sent'>>('POST', '/api/auth/reset/request', { email }),
  reset: (token: string, password: string) =>
    request<Status<'reset'>>('POST', '/api/auth/reset', { token, password }),
  acceptInvite: (body: { token: string; displayName: string; password: string }) =>
    request<Status<'active'>>('POST', '/api/auth/invite/accept', body),
  setup: (body: { token: string; email: string; displayName: string; password: string }) =>
    request<unknown>('POST', '/api/auth/setup', body),
  me: () => request<User>('GET', '/api/account'),
  rename: (displayName: string) => request<User>('PATCH', '/api/account', { displayName }),
  changePassword: (currentPassword: string, newPassword: string) =>
    fresh(request<unknown>('POST', '/api/account/password', { currentPassword, newPassword })),
  mfaSetup: () => request<MfaSetup>('POST', '/api/account/mfa/setup', {}),
  mfaConfirm: (code: string) =>
    fresh(request<{ recoveryCodes: string[] }>('POST', '/api/account/mfa/confirm', { code })),
  mfaDisable: (password: string) => request<void>('POST', '/api/account/mfa/disable', { password }),
  recoveryCodes: (code: string) =>
    request<{ recoveryCodes: string[] }>('POST', '/api/account/mfa/recovery-codes', { code }),
  sessions: () => request<{ sessions: DeviceSession[] }>('GET', '/api/account/sessions'),
  revokeSession: (id: string) =>
    request<void>('DELETE', `/api/account/sessions/${encodeURIComponent(id)}`),
  signOutEverywhere: () => fresh(request<void>('POST', '/api/account/sessions/revoke-all', {})),
  deleteAccount: (password: string) =>
    fresh(request<void>('POST', '/api/account/delete', { password })),
};

/** Where "download my data" points: a plain link, the browser saves the attachment. */
export const EXPORT_URL = '/api/account/export';
