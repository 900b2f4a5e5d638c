import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ask,
  askAnswerInput,
  askCloseInput,
  askDetail,
  askInput,
  askListPage,
  askListQuery,
  closeAskResult,
} from '../../contracts/asks';
import { errorBody, idParams } from '../../contracts/common';
import { answerAsk } from '../../core/asks/answer-ask';
import { closeAsk } from '../../core/asks/close-ask';
import { deleteAsk } from '../../core/asks/delete-ask';
import { getAsk } from '../../core/asks/get-ask';
import { listAsks } from '../../core/asks/list-asks';
import { postAsk } from '../../core/asks/post-ask';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['asks'];

/** Asks: needs posted to my connections, their answers, and closing with thanks (under /api/v1, signed in). */
export const askRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/asks',
    {
      schema: {
        tags,
        summary: 'Post a need to your connections (open 30 days by default, at most 90; five open at once)',
        body: askInput,
        response: { 201: ask, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await postAsk(req.ctx, req.body)),
  );
  app.get(
    '/asks',
    {
      schema: {
        tags,
        summary:
          "My connections' open asks (from=connections, the default), or the asks I posted (from=mine); newest first, paged with nextCursor",
        querystring: askListQuery,
        response: { 200: askListPage, ...errors },
      },
    },
    (req) => listAsks(req.ctx, req.query),
  );
  app.get(
    '/asks/:id',
    {
      schema: {
        tags,
        summary:
          "One ask: mine (with the connections whose offers fit it while open), or a connection's while it is open (404 otherwise)",
        params: idParams,
        response: { 200: askDetail, ...errors },
      },
    },
    (req) => getAsk(req.ctx, req.params.id),
  );
  app.post(
    '/asks/:id/answers',
    {
      schema: {
        tags,
        summary:
          'Answer a connection\'s ask: "I can help" with a note, or "I can introduce you" to one of your contacts (an introduction you already accepted; they still opt in)',
        params: idParams,
        body: askAnswerInput,
        response: { 201: ask, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await answerAsk(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/asks/:id/close',
    {
      schema: {
        tags,
        summary:
          'Close my ask; thanking answers records a favour received from each person and mails them the thanks',
        params: idParams,
        body: askCloseInput,
        response: { 200: closeAskResult, ...errors },
      },
    },
    (req) => closeAsk(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/asks/:id',
    {
      schema: {
        tags,
        summary: 'Delete my ask and its answers',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteAsk(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
};
