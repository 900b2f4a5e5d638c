import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import {
  outreachAddInput,
  outreachAddResult,
  outreachDraft,
  outreachItem,
  outreachItemDetail,
  outreachPreview,
  outreachQueuePage,
  outreachQueueQuery,
  outreachRepliesQuery,
  outreachReplyInput,
  outreachReplyList,
  outreachSendInput,
  outreachSendResult,
  outreachStats,
  outreachStatsQuery,
  outreachTemplate,
  outreachTemplateInput,
  outreachTemplateUpdateInput,
  outreachUndoSentInput,
} from '../../contracts/outreach';
import { addToOutreachQueue } from '../../core/outreach/add-to-outreach-queue';
import { createOutreachTemplate } from '../../core/outreach/create-outreach-template';
import { deleteOutreachTemplate } from '../../core/outreach/delete-outreach-template';
import { dismissOutreachItem } from '../../core/outreach/dismiss-outreach-item';
import { findOutreachItemOfContact } from '../../core/outreach/find-outreach-item-of-contact';
import { getOutreachItem } from '../../core/outreach/get-outreach-item';
import { getOutreachStats } from '../../core/outreach/get-outreach-stats';
import { listOutreachQueue } from '../../core/outreach/list-outreach-queue';
import { listOutreachReplies } from '../../core/outreach/list-outreach-replies';
import { listOutreachTemplates } from '../../core/outreach/list-outreach-templates';
import { markOutreachSent } from '../../core/outreach/mark-outreach-sent';
import { previewOutreachMessage } from '../../core/outreach/preview-outreach-message';
import { recordOutreachReply } from '../../core/outreach/record-outreach-reply';
import { restoreOutreachItem } from '../../core/outreach/restore-outreach-item';
import { sendOutreach } from '../../core/outreach/send-outreach';
import { skipOutreachFollowUp } from '../../core/outreach/skip-outreach-follow-up';
import { undoOutreachSent } from '../../core/outreach/undo-outreach-sent';
import { updateOutreachTemplate } from '../../core/outreach/update-outreach-template';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['outreach'];

/** The personal-outreach queue: new connections, templates, personal messages, replies, follow-ups, analytics. */
export const outreachRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/outreach/queue',
    {
      schema: {
        tags,
        summary:
          'The queue: new connections waiting for a personal message, or another view (awaiting, follow-up…)',
        querystring: outreachQueueQuery,
        response: { 200: outreachQueuePage, ...errors },
      },
    },
    (req) => listOutreachQueue(req.ctx, req.query),
  );
  app.post(
    '/outreach/items',
    {
      schema: {
        tags,
        summary: 'Add connections to the queue by hand (older ones never enter by themselves)',
        body: outreachAddInput,
        response: { 200: outreachAddResult, ...errors },
      },
    },
    (req) => addToOutreachQueue(req.ctx, req.body),
  );
  app.get(
    '/outreach/items/:id',
    {
      schema: {
        tags,
        summary: 'One queue item: who they are, how we are connected, shared purposes, a suggested draft',
        params: idParams,
        response: { 200: outreachItemDetail, ...errors },
      },
    },
    (req) => getOutreachItem(req.ctx, req.params.id),
  );
  app.get(
    '/contacts/:id/outreach',
    {
      schema: {
        tags,
        summary: 'The contact’s outreach item (the open one, else the latest); null when never in the queue',
        params: idParams,
        response: { 200: z.object({ item: outreachItem.nullable() }), ...errors },
      },
    },
    async (req) => ({ item: await findOutreachItemOfContact(req.ctx, req.params.id) }),
  );
  app.post(
    '/outreach/items/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Not this person: take a queued connection out of the queue',
        params: idParams,
        response: { 200: outreachItem, ...errors },
      },
    },
    (req) => dismissOutreachItem(req.ctx, req.params.id),
  );
  app.post(
    '/outreach/items/:id/restore',
    {
      schema: {
        tags,
        summary: 'Put a dismissed connection back',
        params: idParams,
        response: { 200: outreachItem, ...errors },
      },
    },
    (req) => restoreOutreachItem(req.ctx, req.params.id),
  );
  app.post(
    '/outreach/items/:id/preview',
    {
      schema: {
        tags,
        summary: 'Render a draft for this person and say whether it may be sent (and if not, why)',
        params: idParams,
        body: outreachDraft,
        response: { 200: outreachPreview, ...errors },
      },
    },
    (req) => previewOutreachMessage(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/outreach/items/:id/send',
    {
      schema: {
        tags,
        summary:
          'Send a personal message by email, or as a Rapport message to a connection (idempotent by sendKey)',
        description:
          'The same sendKey never sends twice: it returns the message. When the SMTP server refuses, the answer is ' +
          "still 200 with message.status 'failed' and the error; retry with the same sendKey. Channel 'rapport' " +
          'sends a direct message to the account the contact stands for, only while you are connected (else 400 on ' +
          'channel); it is in the thread, an interaction for both of you, and their reply there is noticed.',
        params: idParams,
        body: outreachSendInput,
        response: { 200: outreachSendResult, ...errors },
      },
    },
    (req) => sendOutreach(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/outreach/items/:id/mark-sent',
    {
      schema: {
        tags,
        summary: 'Record a personal message sent in your own channel (LinkedIn, mailto:, other)',
        description:
          '`sentAt` says when it went out when that was not just now (not in the future, not before the day you ' +
          'connected; a follow-up not before the first message): the follow-up day and the time to a reply count ' +
          'from it. The same sendKey returns the message already recorded.',
        params: idParams,
        body: outreachSendInput,
        response: { 200: outreachSendResult, ...errors },
      },
    },
    (req) => markOutreachSent(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/outreach/items/:id/undo-sent',
    {
      schema: {
        tags,
        summary: 'Take back a message marked sent by mistake: the item is as it was, the send counts nowhere',
        description:
          "Only the item's latest message, marked sent in your own channel (an email or a Rapport message that went " +
          'out cannot be taken back), and only while the item is where that message put it (409 after a reply, a ' +
          'later message or a quiet close). A first message puts the person back in the queue; the message and its ' +
          'logged interaction are deleted, so it leaves the response rates.',
        params: idParams,
        body: outreachUndoSentInput,
        response: { 200: outreachItem, ...errors },
      },
    },
    (req) => undoOutreachSent(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/outreach/items/:id/replied',
    {
      schema: {
        tags,
        summary: 'They replied: log it, and move their purpose to responded',
        params: idParams,
        body: outreachReplyInput.nullish(), // no body at all arrives as null
        response: { 200: outreachItem, ...errors },
      },
    },
    (req) => recordOutreachReply(req.ctx, req.params.id, req.body ?? {}),
  );
  app.post(
    '/outreach/items/:id/skip-follow-up',
    {
      schema: {
        tags,
        summary: 'No follow-up for this one: the item closes quietly',
        params: idParams,
        response: { 200: outreachItem, ...errors },
      },
    },
    (req) => skipOutreachFollowUp(req.ctx, req.params.id),
  );
  app.get(
    '/outreach/templates',
    {
      schema: {
        tags,
        summary: 'Message templates',
        response: { 200: z.object({ items: z.array(outreachTemplate) }), ...errors },
      },
    },
    async (req) => ({ items: await listOutreachTemplates(req.ctx) }),
  );
  app.post(
    '/outreach/templates',
    {
      schema: {
        tags,
        summary: 'Create a template ({firstName}, {organisation}, … merge fields)',
        body: outreachTemplateInput,
        response: { 201: outreachTemplate, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createOutreachTemplate(req.ctx, req.body)),
  );
  app.patch(
    '/outreach/templates/:id',
    {
      schema: {
        tags,
        summary: 'Change a template',
        params: idParams,
        body: outreachTemplateUpdateInput,
        response: { 200: outreachTemplate, ...errors },
      },
    },
    (req) => updateOutreachTemplate(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/outreach/templates/:id',
    {
      schema: {
        tags,
        summary: 'Retire a template',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteOutreachTemplate(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/outreach/stats',
    {
      schema: {
        tags,
        summary:
          'Response rate and time to reply by purpose, template, channel and month, against the ~25% baseline',
        querystring: outreachStatsQuery,
        response: { 200: outreachStats, ...errors },
      },
    },
    (req) => getOutreachStats(req.ctx, req.query),
  );
  app.get(
    '/outreach/replies',
    {
      schema: {
        tags,
        summary: 'Who replied, newest first',
        querystring: outreachRepliesQuery,
        response: { 200: outreachReplyList, ...errors },
      },
    },
    (req) => listOutreachReplies(req.ctx, req.query),
  );
};
