import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type Account,
  browserSession,
  changePasswordInput,
  confirmSignupInput,
  deleteAccountInput,
  loginInput,
  sessionInfo,
  signupInput,
  signupPending,
} from '../../contracts/auth';
import { errorBody, idParams } from '../../contracts/common';
import { changePassword } from '../../core/accounts/change-password';
import { confirmSignup } from '../../core/accounts/confirm-signup';
import { deleteAccount } from '../../core/accounts/delete-account';
import { endOtherSession } from '../../core/accounts/end-other-session';
import { endOtherSessions } from '../../core/accounts/end-other-sessions';
import { endSession } from '../../core/accounts/end-session';
import { getAccount } from '../../core/accounts/get-account';
import { listSessions } from '../../core/accounts/list-sessions';
import { logIn } from '../../core/accounts/log-in';
import { signUp } from '../../core/accounts/sign-up';
import { PENDING_SIGNUP_TTL_DAYS } from '../../core/accounts/start-pending-signup';
import { startSession } from '../../core/accounts/start-session';
import { actingAs } from '../../core/context';
import { AppError } from '../../core/errors';
import { type AuthOptions, clearSessionCookies, csrfTokenFor, setSessionCookies } from '../auth';
import { FailedAttempts } from '../failed-attempts';

export interface AuthRouteOptions extends Pick<AuthOptions, 'secureCookies' | 'sessionTtlDays'> {
  loginLimit: { max: number; timeWindow: number };
  loginAddressLimit: { max: number; timeWindow: number };
}

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody, 429: errorBody };
const sessionErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export function authRoutes(opts: AuthRouteOptions): FastifyPluginAsyncZod {
  // Sign-ups, keyed by client address and the email tried, so one attacker cannot lock everyone else out.
  const limited = {
    public: true,
    rateLimit: {
      max: opts.loginLimit.max,
      timeWindow: opts.loginLimit.timeWindow,
      keyGenerator: (req: { ip: string; body?: unknown }) =>
        `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
    },
  };
  // The routes that check the current password again, keyed by account: a stolen session must not be a way to guess
  // the password (to change it, or to delete the account). An API token may not call them at all.
  const passwordChecked = {
    sessionOnly: true,
    rateLimit: {
      max: opts.loginLimit.max,
      timeWindow: opts.loginLimit.timeWindow,
      keyGenerator: (req: FastifyRequest) => req.ctx?.actor?.accountId ?? req.ip,
    },
  };
  // Failed sign-ins only (ADR 4, amendment of 2026-11-27 "only failures count"): per address and email, and per
  // address alone, where made-up emails each get a fresh address|email budget yet each costs a full scrypt hash.
  // Sign-ups count in full against the same per-address budget: each one costs a hash and may make an account.
  const perEmail = new FailedAttempts(opts.loginLimit);
  const perAddress = new FailedAttempts(opts.loginAddressLimit);
  const emailKey = (req: FastifyRequest, email: string) => `${req.ip}|${email.trim().toLowerCase()}`;
  const refuseWhileLimited = (req: FastifyRequest, email: string | null) => {
    const fromAddress = perAddress.waitFor(req.ip);
    if (fromAddress > 0) {
      throw new AppError(
        'rate_limited',
        `too many sign-in attempts from this address, retry in ${inWords(fromAddress)}`,
        { retryAfterSeconds: fromAddress },
      );
    }
    const forEmail = email === null ? 0 : perEmail.waitFor(emailKey(req, email));
    if (forEmail > 0) {
      throw new AppError(
        'rate_limited',
        `too many failed sign-in attempts for this e-mail, retry in ${inWords(forEmail)}`,
        { retryAfterSeconds: forEmail },
      );
    }
  };
  return async (app) => {
    app.post(
      '/auth/signup',
      {
        config: limited,
        preHandler: async (req) => {
          refuseWhileLimited(req, null);
          perAddress.take(req.ip);
        },
        schema: {
          tags: ['auth'],
          summary:
            'Create an account and sign in; an address that has an account gets the generic 409 (`details.reason: signup_refused`). With mail configured and sign-up open: 202 "check your inbox" for every address, and a new one is mailed a one-time link (POST /auth/signup/confirm)',
          body: signupInput,
          response: { 201: sessionInfo, 202: signupPending, ...errors },
        },
      },
      async (req, reply) => {
        const result = await signUp(req.ctx, req.body);
        if ('checkInbox' in result) {
          return reply.code(202).send({ checkInbox: true, linkValidHours: PENDING_SIGNUP_TTL_DAYS * 24 });
        }
        const account = result;
        const session = await startSession(req.ctx, account.id, req.headers['user-agent'] ?? null);
        const csrfToken = setSessionCookies(reply, req, session.token, opts);
        return reply.code(201).send({ account, csrfToken, via: 'session' as const });
      },
    );
    app.post(
      '/auth/signup/confirm',
      {
        // Limited like sign-up (the secret is 192 random bits; the limit only stops a flood of guesses).
        config: limited,
        schema: {
          tags: ['auth'],
          summary:
            'Follow the link of an e-mail-confirmed sign-up: creates the account and signs in (a used, expired or unknown link: 404)',
          body: confirmSignupInput,
          response: { 201: sessionInfo, ...errors, 404: errorBody },
        },
      },
      async (req, reply) => {
        const account = await confirmSignup(req.ctx, req.body);
        const session = await startSession(req.ctx, account.id, req.headers['user-agent'] ?? null);
        const csrfToken = setSessionCookies(reply, req, session.token, opts);
        return reply.code(201).send({ account, csrfToken, via: 'session' as const });
      },
    );
    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password (only failed attempts count towards the limits)',
          body: loginInput,
          response: { 200: sessionInfo, ...errors },
        },
      },
      async (req, reply) => {
        refuseWhileLimited(req, req.body.email);
        // Counted before the check runs, so parallel guesses cannot all pass; anything but a wrong email or
        // password (signed in, or the server too busy to check) gives back this attempt's own place only.
        const giveBack = [perEmail.take(emailKey(req, req.body.email)), perAddress.take(req.ip)];
        let account: Account;
        try {
          account = await logIn(req.ctx, req.body);
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'unauthenticated')) for (const give of giveBack) give();
          throw e;
        }
        for (const give of giveBack) give();
        const session = await startSession(req.ctx, account.id, req.headers['user-agent'] ?? null);
        const csrfToken = setSessionCookies(reply, req, session.token, opts);
        return { account, csrfToken, via: 'session' as const };
      },
    );
    app.post(
      '/auth/logout',
      {
        // Public so that a session which already ended (password changed, expired) still gets its cookies
        // cleared and a normal sign-out answer instead of a 401 that leaves them behind.
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'End this browser session (also answers 204 when it had already ended)',
          response: { 204: z.null(), 401: errorBody },
        },
      },
      async (req, reply) => {
        if (req.auth?.sessionToken) await endSession(req.ctx, req.auth.sessionToken);
        clearSessionCookies(reply);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/auth/session',
      {
        schema: {
          tags: ['auth'],
          summary: 'Who is signed in',
          response: { 200: sessionInfo, 401: errorBody },
        },
      },
      async (req) => ({
        account: await getAccount(req.ctx),
        csrfToken: req.auth?.sessionToken ? csrfTokenFor(req.auth.sessionToken) : null,
        via: req.auth?.via ?? 'session',
      }),
    );
    app.post(
      '/auth/password',
      {
        config: passwordChecked,
        schema: {
          tags: ['auth'],
          summary: 'Change password; every browser session is signed out and this one gets a fresh session',
          body: changePasswordInput,
          response: { 200: sessionInfo, ...errors },
        },
      },
      async (req, reply) => {
        await changePassword(req.ctx, req.body);
        const accountId = req.ctx.actor?.accountId as string;
        const session = await startSession(req.ctx, accountId, req.headers['user-agent'] ?? null);
        const csrfToken = setSessionCookies(reply, req, session.token, opts);
        return {
          account: await getAccount(actingAs(req.ctx, accountId)),
          csrfToken,
          via: 'session' as const,
        };
      },
    );
    app.delete(
      '/account',
      {
        config: passwordChecked,
        schema: {
          tags: ['auth'],
          summary:
            'Delete my account and everything I own (needs my password); other accounts keep their own records',
          body: deleteAccountInput,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await deleteAccount(req.ctx, req.body);
        // Its sessions are gone with it; the cookies would only point at nothing.
        clearSessionCookies(reply);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/auth/sessions',
      {
        config: { sessionOnly: true },
        schema: {
          tags: ['auth'],
          summary: 'My signed-in browsers, the one asking marked `current`',
          response: { 200: z.object({ items: z.array(browserSession) }), ...sessionErrors },
        },
      },
      async (req) => ({ items: await listSessions(req.ctx, req.auth?.sessionId ?? null) }),
    );
    app.delete(
      '/auth/sessions/:id',
      {
        config: { sessionOnly: true },
        schema: {
          tags: ['auth'],
          summary:
            'Sign another of my browsers out; its next request says so (this browser’s own session: 409, sign out instead)',
          params: idParams,
          response: { 204: z.null(), ...sessionErrors },
        },
      },
      async (req, reply) => {
        await endOtherSession(req.ctx, req.params.id, req.auth?.sessionId ?? null);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/auth/sessions/end-others',
      {
        config: { sessionOnly: true },
        schema: {
          tags: ['auth'],
          summary: 'Sign out every other browser of mine; this one stays signed in',
          response: { 200: z.object({ ended: z.number().int() }), ...sessionErrors },
        },
      },
      async (req) => ({ ended: await endOtherSessions(req.ctx, req.auth?.sessionId ?? null) }),
    );
  };
}

function inWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
