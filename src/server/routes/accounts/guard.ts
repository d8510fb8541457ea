import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { AccountsContext } from '../../accounts/context';
import { decide } from '../../accounts/policy';
import type { Access, Actor } from '../../accounts/policy';
import { HttpError } from '../../http/errors';
import { refuseUnexpectedBody } from '../../http/no-body';
import { NoQuery } from './schemas';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route (see accounts/policy.ts); required on every account route. */
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in person, when the route's access needed one. */
    actor: Actor | null;
    /** Their session's id. */
    sessionId: string | null;
  }
}

/**
 * A route's access, in its config. The guard derives the OpenAPI `security` of the route from
 * it, so the document and the enforcement cannot disagree.
 */
export function guarded(access: Access) {
  return { config: { access } };
}

export interface CookieSettings {
  /** Whether cookies carry `Secure` (the deployment is served over https). */
  readonly secure: boolean;
  /** Signs the CSRF cookie. */
  readonly secret: string;
}

/** The session cookie's name: with `Secure`, the `__Host-` prefix pins it to this host and path. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-kite_session' : 'kite_session';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Installs, in the account routes' scope only (the child's and content routes pay nothing):
 * cookie parsing, CSRF protection on every state-changing method (a double-submit token from
 * `GET /api/auth/csrf`, sent back in `x-csrf-token`), and the guard that loads the session and
 * asks the policy. A route registered here without `config.access` is a startup error; one
 * without a `querystring` schema takes no query, and a state-changing one without a `body`
 * schema takes no body (none, or `{}`: Fastify validates a missing body as null, so this is a
 * check of its own rather than a schema).
 */
export async function installGuard(
  app: FastifyInstance,
  ctx: AccountsContext,
  cookies: CookieSettings,
) {
  await app.register(fastifyCookie, { secret: cookies.secret, hook: 'onRequest' });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: cookies.secure ? '__Host-kite_csrf' : 'kite_csrf',
    cookieOpts: {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: cookies.secure,
      signed: true,
    },
    getToken: (req) => {
      const v = req.headers['x-csrf-token'];
      return typeof v === 'string' ? v : undefined;
    },
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`${String(route.method)} ${route.url} declares no access (config.access)`);
    }
    route.schema = {
      // A route that declares no query takes none (input objects are strict): an unknown
      // parameter is refused, never silently ignored.
      querystring: NoQuery,
      ...route.schema,
      security: access === 'public' ? [] : [{ session: [] }],
    };
  });
  const name = sessionCookieName(cookies.secure);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!SAFE_METHODS.has(request.method)) {
      await new Promise<void>((resolve, reject) =>
        app.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve())),
      );
    }
    const access = request.routeOptions.config.access ?? 'account';
    const token = request.cookies[name];
    const session = token ? await ctx.sessions.find(token, ctx.now()) : null;
    request.actor = session
      ? { id: session.userId, role: session.role, stage: session.stage }
      : null;
    request.sessionId = session?.id ?? null;
    const verdict = decide(access, request.actor);
    if (!verdict.ok) {
      const message =
        verdict.code === 'unauthenticated'
          ? 'Sign in first'
          : verdict.code === 'mfa_required'
            ? 'Set up two-step sign-in first'
            : 'Your account may not do this';
      throw new HttpError(verdict.status, verdict.code, message);
    }
  });
  app.addHook('preValidation', refuseUnexpectedBody);
}

/** The signed-in person of a guarded route (the guard ran, so there is one). */
export function actorOf(request: FastifyRequest): Actor & { sessionId: string } {
  if (!request.actor || !request.sessionId)
    throw new HttpError(401, 'unauthenticated', 'Sign in first');
  return { ...request.actor, sessionId: request.sessionId };
}

export function setSessionCookie(reply: FastifyReply, secure: boolean, token: string): void {
  reply.setCookie(sessionCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}
