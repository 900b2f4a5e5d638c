import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiToken,
  apiTokenInput,
  createdApiToken,
  inviteInspectInput,
  signupInvite,
  signupInviteInput,
  signupInviteSummary,
} from '../../contracts/auth';
import { errorBody, idParams } from '../../contracts/common';
import { createApiToken } from '../../core/accounts/create-api-token';
import { createSignupInvite } from '../../core/accounts/create-signup-invite';
import { inspectSignupInvite } from '../../core/accounts/inspect-signup-invite';
import { listApiTokens } from '../../core/accounts/list-api-tokens';
import { listSignupInvites } from '../../core/accounts/list-signup-invites';
import { revokeApiToken } from '../../core/accounts/revoke-api-token';
import { revokeSignupInvite } from '../../core/accounts/revoke-signup-invite';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

// Credentials: API tokens and sign-up invites are managed from a signed-in browser only, never with an API token
// (a stolen phone app password must not mint itself a successor or a new account), `sessionOnly` (ADR 4).

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tokens',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['tokens'],
        summary: 'My API tokens (never their secrets)',
        response: { 200: z.object({ items: z.array(apiToken) }), ...errors },
      },
    },
    async (req) => ({ items: await listApiTokens(req.ctx) }),
  );
  app.post(
    '/tokens',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the secret is in this response only',
        body: apiTokenInput,
        response: { 201: createdApiToken, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiToken(req.ctx, req.body)),
  );
  app.delete(
    '/tokens/:id',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await revokeApiToken(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/invites',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['accounts'],
        summary: 'Create a one-time sign-up invite code (for RAPPORT_SIGNUP=invite)',
        body: signupInviteInput,
        response: { 201: signupInvite, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createSignupInvite(req.ctx, req.body)),
  );
  app.get(
    '/invites',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['accounts'],
        summary: 'My sign-up invites that can still be used (never their codes)',
        response: { 200: z.object({ items: z.array(signupInviteSummary) }), ...errors },
      },
    },
    async (req) => ({ items: await listSignupInvites(req.ctx) }),
  );
  app.delete(
    '/invites/:id',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['accounts'],
        summary: 'Revoke one of my unused sign-up invites: its code no longer signs anyone up',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await revokeSignupInvite(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  await app.register(inspectInviteRoute);
};

/**
 * For the sign-up page: is this code usable, and which address is it for (to fill in)? Public, as the visitor has
 * no account yet; the code travels in the body so it stays out of URLs and logs, and attempts are limited per
 * address (the code is unguessable anyway).
 */
const inspectInviteRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/invites/inspect',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['accounts'],
        summary: 'Whether a sign-up invite code is usable, and the e-mail address it is bound to (if any)',
        body: inviteInspectInput,
        response: {
          200: z.object({ email: z.string().nullable() }),
          400: errorBody,
          404: errorBody,
          429: errorBody,
        },
      },
    },
    (req) => inspectSignupInvite(req.ctx, req.body.code),
  );
};
