import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import {
  accessLogPage,
  accessLogQuery,
  connection,
  connectionListQuery,
  connectionPage,
  connectionProfile,
  contactSharing,
  contactSharingInput,
  contactSharingQuery,
  directMessage,
  emailVerificationSent,
  emailVerified,
  inviteInput,
  inviteList,
  invitePreview,
  inviteResult,
  messageInput,
  messagePage,
  messagePageQuery,
  networkGraph,
  networkGraphQuery,
  networkMe,
  onRapport,
  onRapportQuery,
  sharingOverview,
  sharingSettingsInput,
  tagSharingInput,
  threadList,
  threadRead,
  tokenInput,
} from '../../contracts/network';
import { confirmEmailVerification } from '../../core/accounts/confirm-email-verification';
import { requestEmailVerification } from '../../core/accounts/request-email-verification';
import { acceptConnection } from '../../core/network/accept-connection';
import { acceptInviteLink } from '../../core/network/accept-invite-link';
import { contactsOnRapport } from '../../core/network/contacts-on-rapport';
import { declineConnection } from '../../core/network/decline-connection';
import { getConnectionProfile, getNetworkMe } from '../../core/network/get-connection-profile';
import { getContactSharing } from '../../core/network/get-contact-sharing';
import { getNetworkGraph } from '../../core/network/get-network-graph';
import { getSharing } from '../../core/network/get-sharing';
import { inspectInvite } from '../../core/network/inspect-invite';
import { inviteToConnect } from '../../core/network/invite-to-connect';
import { listAccessLog } from '../../core/network/list-access-log';
import { getConnection, listConnections } from '../../core/network/list-connections';
import { listInvites } from '../../core/network/list-invites';
import { listThreads, markThreadReadBy, readThread } from '../../core/network/read-messages';
import { removeConnection } from '../../core/network/remove-connection';
import { revokeInvite } from '../../core/network/revoke-invite';
import { sendDirectMessage } from '../../core/network/send-direct-message';
import { setContactSharing, setTagSharing, updateSharingSettings } from '../../core/network/update-sharing';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  429: errorBody,
};
const tags = ['network'];
const noContent = { 204: z.null(), ...errors };

/**
 * Connections between accounts, profiles, direct messages, the sharing policy and the access log (docs/adr/
 * 0013-network-privacy.md). Everything about another account answers `not_found` unless the two are connected.
 */
export const networkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/network/me',
    {
      schema: {
        tags,
        summary:
          'My place in the network: my address and whether it is verified, my profile as connections see it, counts',
        response: { 200: networkMe, ...errors },
      },
    },
    (req) => getNetworkMe(req.ctx),
  );
  app.post(
    '/network/email-verification',
    {
      schema: {
        tags,
        summary:
          'Mail me a link that proves I read mail at my sign-in address (verified addresses make me "on Rapport")',
        response: { 202: emailVerificationSent, ...errors },
      },
    },
    async (req, reply) => reply.code(202).send(await requestEmailVerification(req.ctx)),
  );
  app.post(
    '/network/email-verification/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm my address with the mailed link (signed in as the account it was sent for)',
        body: tokenInput,
        response: { 200: emailVerified, ...errors },
      },
    },
    (req) => confirmEmailVerification(req.ctx, req.body),
  );

  app.get(
    '/network/connections',
    {
      schema: {
        tags,
        summary: 'My connections (accepted), requests waiting on me (incoming) or on others (outgoing)',
        querystring: connectionListQuery,
        response: { 200: connectionPage, ...errors },
      },
    },
    (req) => listConnections(req.ctx, req.query),
  );
  app.get(
    '/network/connections/:id',
    {
      schema: {
        tags,
        summary: 'One of my connections or requests',
        params: idParams,
        response: { 200: connection, ...errors },
      },
    },
    (req) => getConnection(req.ctx, req.params.id),
  );
  app.post(
    '/network/connections/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept a request to connect',
        params: idParams,
        response: { 200: connection, ...errors },
      },
    },
    (req) => acceptConnection(req.ctx, req.params.id),
  );
  app.post(
    '/network/connections/:id/decline',
    {
      schema: { tags, summary: 'Decline a request to connect', params: idParams, response: noContent },
    },
    async (req, reply) => {
      await declineConnection(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.delete(
    '/network/connections/:id',
    {
      schema: {
        tags,
        summary: 'Remove a connection (with its messages, for both, at once), or withdraw my request',
        params: idParams,
        response: noContent,
      },
    },
    async (req, reply) => {
      await removeConnection(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/network/invites',
    {
      schema: {
        tags,
        summary:
          'Invite someone to connect: by email or one of my contacts (in-app when they are on Rapport, else a mailed one-time link), or a link to copy',
        body: inviteInput,
        response: { 201: inviteResult, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await inviteToConnect(req.ctx, req.body)),
  );
  app.get(
    '/network/invites',
    {
      schema: {
        tags,
        summary: 'My invitation links and what became of them (never their secrets)',
        response: { 200: inviteList, ...errors },
      },
    },
    async (req) => ({ items: await listInvites(req.ctx) }),
  );
  app.delete(
    '/network/invites/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation link: it stops working',
        params: idParams,
        response: noContent,
      },
    },
    async (req, reply) => {
      await revokeInvite(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/network/invites/inspect',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Who sent this invitation link (no sign-in needed; the secret is the key)',
        body: tokenInput,
        response: { 200: invitePreview, ...errors },
      },
    },
    (req) => inspectInvite(req.ctx, req.body),
  );
  app.post(
    '/network/invites/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation link as the signed-in account: connected at once',
        body: tokenInput,
        response: { 200: connection, ...errors },
      },
    },
    (req) => acceptInviteLink(req.ctx, req.body),
  );
  app.get(
    '/network/on-rapport',
    {
      schema: {
        tags,
        summary:
          'Which of these contacts of mine are on Rapport, as which account, and our connection if any',
        querystring: onRapportQuery,
        response: { 200: onRapport, ...errors },
      },
    },
    (req) => contactsOnRapport(req.ctx, req.query),
  );

  app.get(
    '/network/profiles/:id',
    {
      schema: {
        tags,
        summary:
          "A connection's profile by account id (name, headline, organisation, and offers/needs they show)",
        params: idParams,
        response: { 200: connectionProfile, ...errors },
      },
    },
    (req) => getConnectionProfile(req.ctx, req.params.id),
  );

  app.get(
    '/network/messages',
    {
      schema: {
        tags,
        summary: 'My conversations with connections, most recent first, with unread counts',
        response: { 200: threadList, ...errors },
      },
    },
    (req) => listThreads(req.ctx),
  );
  app.get(
    '/network/messages/:id',
    {
      schema: {
        tags,
        summary: 'My conversation with one connection (by account id), newest first',
        params: idParams,
        querystring: messagePageQuery,
        response: { 200: messagePage, ...errors },
      },
    },
    (req) => readThread(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/network/messages/:id',
    {
      schema: {
        tags,
        summary:
          'Send a plain-text message to one connection (by account id; counts as an interaction for both)',
        params: idParams,
        body: messageInput,
        response: { 201: directMessage, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await sendDirectMessage(req.ctx, { toAccountId: req.params.id, body: req.body.body })),
  );
  app.post(
    '/network/messages/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark what this connection (by account id) sent me as read',
        params: idParams,
        response: { 200: threadRead, ...errors },
      },
    },
    (req) => markThreadReadBy(req.ctx, req.params.id),
  );

  app.get(
    '/network/sharing',
    {
      schema: {
        tags,
        summary:
          'Everything I share with my connections: switches, findable tags, contacts deciding for themselves, total',
        response: { 200: sharingOverview, ...errors },
      },
    },
    (req) => getSharing(req.ctx),
  );
  app.patch(
    '/network/sharing',
    {
      schema: {
        tags,
        summary: 'Let connections see a coarse tier and/or a public LinkedIn link of my findable contacts',
        body: sharingSettingsInput,
        response: { 200: sharingOverview, ...errors },
      },
    },
    (req) => updateSharingSettings(req.ctx, req.body),
  );
  app.put(
    '/network/sharing/tags',
    {
      schema: {
        tags,
        summary: 'Make tags findable by my connections, or not',
        body: tagSharingInput,
        response: { 200: sharingOverview, ...errors },
      },
    },
    (req) => setTagSharing(req.ctx, req.body),
  );
  app.put(
    '/network/sharing/contacts',
    {
      schema: {
        tags,
        summary: 'Set contacts findable, private, or back to following their tags',
        body: contactSharingInput,
        response: { 200: sharingOverview, ...errors },
      },
    },
    (req) => setContactSharing(req.ctx, req.body),
  );
  app.get(
    '/network/sharing/contacts',
    {
      schema: {
        tags,
        summary:
          'For these contacts of mine: their own choice, their findable tags, and whether connections can find them',
        querystring: contactSharingQuery,
        response: { 200: contactSharing, ...errors },
      },
    },
    (req) => getContactSharing(req.ctx, req.query),
  );

  app.get(
    '/network/access-log',
    {
      schema: {
        tags,
        summary:
          'Who saw which of my contacts, when, how and with what query (search hits, paths, introduction requests)',
        querystring: accessLogQuery,
        response: { 200: accessLogPage, ...errors },
      },
    },
    (req) => listAccessLog(req.ctx, req.query),
  );

  app.get(
    '/network/graph',
    {
      schema: {
        tags,
        summary:
          'My side of the network to explore: me, my strongest relationships (then the newest connections), the organisations they share and my connected accounts',
        querystring: networkGraphQuery,
        response: { 200: networkGraph, ...errors },
      },
    },
    (req) => getNetworkGraph(req.ctx, req.query),
  );
};
