import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiTokenScope } from '../contracts/auth';
import { readOnlyTokenError, tokenMayUse } from '../core/accounts/api-token-scope';
import { authenticateApiToken, authenticateSession } from '../core/accounts/authenticate';
import { findSessionEndReason } from '../core/accounts/find-session-end-reason';
import { signedOutError } from '../core/accounts/session';
import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';

export const SESSION_COOKIE = 'rapport_session';
export const CSRF_COOKIE = 'rapport_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The use-case context of this request: actor set when authenticated. */
    ctx: Ctx;
    auth: {
      via: 'session' | 'token';
      sessionToken?: string;
      sessionId?: string;
      /** A token's scope: 'read' only ever gets this far with GET or HEAD. */
      scope?: ApiTokenScope;
    } | null;
  }
  interface FastifyContextConfig {
    /** Route is reachable without an account (health, setup, sign-up, log-in). */
    public?: boolean;
    /**
     * Route manages credentials or the account (API tokens, sessions, invites, feeds, password, deletion): only a
     * signed-in browser may call it, so a stolen API token cannot be turned into lasting access (ADR 4).
     */
    sessionOnly?: boolean;
  }
}

/** The CSRF token of a session: derived from its secret, so nothing extra is stored and it dies with the session. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthOptions {
  baseCtx: (req: FastifyRequest) => Ctx;
  secureCookies: (req: FastifyRequest) => boolean;
  sessionTtlDays: number;
}

/**
 * Resolves who is calling: `Authorization: Bearer <api token>` or the session cookie (other schemes are ignored).
 * Cookie-authenticated writes must carry the session's CSRF token in `X-CSRF-Token`. Non-public routes answer 401
 * without an actor (saying why when a password change or another device ended this browser's session),
 * `sessionOnly` routes answer 403 to an API token, and a read-only token gets 403 on anything but a read.
 */
export const authPlugin = fp<AuthOptions>(async (app: FastifyInstance, opts) => {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    req.ctx = opts.baseCtx(req);
    // Only a Bearer header is an API token. Another scheme (a reverse proxy's Basic auth, which the browser then
    // sends with every request) is not meant for us: the session cookie decides.
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer') {
      const found = token ? await authenticateApiToken(req.ctx, token) : null;
      if (!found) throw new AppError('unauthenticated', 'the API token is invalid, expired or revoked');
      if (req.routeOptions.config.sessionOnly) {
        throw new AppError(
          'forbidden',
          'this needs a signed-in browser session; API tokens cannot manage credentials',
          { reason: 'session_required' },
        );
      }
      // Before any route runs (public ones too), so no handler has to remember it.
      if (!tokenMayUse(found.scope, req.method)) throw readOnlyTokenError();
      req.ctx = { ...req.ctx, actor: { accountId: found.accountId } };
      req.auth = { via: 'token', scope: found.scope };
    } else {
      const sessionToken = req.cookies[SESSION_COOKIE];
      const found = sessionToken ? await authenticateSession(req.ctx, sessionToken) : null;
      if (found && sessionToken) {
        if (!SAFE_METHODS.has(req.method)) {
          const sent = req.headers[CSRF_HEADER];
          if (typeof sent !== 'string' || !sameSecret(sent, csrfTokenFor(sessionToken))) {
            throw new AppError(
              'forbidden',
              'missing or wrong X-CSRF-Token header for a cookie-authenticated request',
            );
          }
        }
        req.ctx = { ...req.ctx, actor: { accountId: found.accountId } };
        req.auth = { via: 'session', sessionToken, sessionId: found.sessionId };
      }
    }
    if (!req.auth && !req.routeOptions.config.public && req.url.startsWith('/api/v1/')) {
      const sessionToken = req.cookies[SESSION_COOKIE];
      const reason = sessionToken ? await findSessionEndReason(req.ctx, sessionToken) : null;
      if (reason) throw signedOutError(reason);
      throw new AppError('unauthenticated', 'sign in or send an API token (Authorization: Bearer …)');
    }
  });
});

/** Sets the session and CSRF cookies; returns the CSRF token for the response body. */
export function setSessionCookies(
  reply: FastifyReply,
  req: FastifyRequest,
  token: string,
  opts: Pick<AuthOptions, 'secureCookies' | 'sessionTtlDays'>,
): string {
  const common = {
    path: '/',
    sameSite: 'lax' as const,
    secure: opts.secureCookies(req),
    maxAge: opts.sessionTtlDays * 86_400,
  };
  const csrf = csrfTokenFor(token);
  void reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
  return csrf;
}

export function clearSessionCookies(reply: FastifyReply) {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
