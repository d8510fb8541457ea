/**
 * The child's side of the classes API (docs/classes.md, "Child (device)"): one call, its answer
 * or a stable error code. A network failure is `offline`, a 429 `throttled`, whatever the
 * server's message; the child's words for each code are in content/ui/classes.
 */
export type ChildAnswer<T> =
  | { readonly ok: true; readonly status: number; readonly body: T }
  | { readonly ok: false; readonly status: number; readonly code: string };

export async function childApi<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<ChildAnswer<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, code: 'offline' };
  }
  if (res.status === 204) return { ok: true, status: 204, body: undefined as T };
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok && json !== null) return { ok: true, status: res.status, body: json as T };
  if (res.status === 429) return { ok: false, status: 429, code: 'throttled' };
  const code = (json as { error?: { code?: unknown } } | null)?.error?.code;
  return { ok: false, status: res.status, code: typeof code === 'string' ? code : 'other' };
}

/** What the server says of a signed-in learner (`learner` of sign-in and of GET /api/child/me). */
export interface ChildLearner {
  readonly id: string;
  readonly nickname: string;
  readonly avatar: string;
  readonly band: string;
  readonly lang: string;
  readonly epoch: number;
}

/** GET /api/child/me: who can see this child's progress, assignments, parents asking. */
export interface ChildMe {
  readonly learner: ChildLearner;
  readonly watchers: readonly {
    readonly role: 'teacher' | 'parent';
    readonly displayName: string;
  }[];
  readonly assignments: readonly { readonly id: string; readonly activity: string }[];
  readonly links: readonly { readonly id: string; readonly parent: string }[];
}
