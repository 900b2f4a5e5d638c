import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import { contact } from '../../contracts/contacts';
import {
  dismissInput,
  duplicateList,
  duplicatesQuery,
  mergeInput,
  mergeList,
  mergeResult,
} from '../../contracts/duplicates';
import { dismissDuplicate } from '../../core/duplicates/dismiss-duplicate';
import { findDuplicates } from '../../core/duplicates/find-duplicates';
import { listMerges } from '../../core/duplicates/list-merges';
import { mergeContacts } from '../../core/duplicates/merge-contacts';
import { undoMerge } from '../../core/duplicates/undo-merge';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const duplicateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/duplicates',
    {
      schema: {
        tags: ['duplicates'],
        summary:
          'Contacts that may be the same person, strongest first, with how many pairs in all; paged with nextCursor',
        querystring: duplicatesQuery,
        response: { 200: duplicateList, ...errors },
      },
    },
    (req) => findDuplicates(req.ctx, req.query),
  );
  app.post(
    '/duplicates/dismiss',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Mark a pair as "not the same person"',
        body: dismissInput,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await dismissDuplicate(req.ctx, req.body.a, req.body.b);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/merges',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Recent merges (each can be undone)',
        response: { 200: mergeList, ...errors },
      },
    },
    async (req) => ({ items: await listMerges(req.ctx) }),
  );
  app.post(
    '/merges',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Merge one contact into another, keeping every fact and its source',
        body: mergeInput,
        response: { 201: mergeResult, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await mergeContacts(req.ctx, req.body.keep, req.body.merge)),
  );
  app.post(
    '/merges/:id/undo',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Split a merge: both contacts come back as they were',
        params: idParams,
        response: { 200: z.object({ kept: contact, restored: contact }), ...errors },
      },
    },
    (req) => undoMerge(req.ctx, req.params.id),
  );
};
