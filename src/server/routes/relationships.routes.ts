import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import {
  interaction,
  interactionInput,
  interactionListQuery,
  interactionPage,
  interactionUpdateInput,
  lapsedList,
  lapsedQuery,
  relationship,
  relationshipSettingsInput,
  tagCadenceInput,
} from '../../contracts/relationships';
import { deleteInteraction } from '../../core/interactions/delete-interaction';
import { listInteractions } from '../../core/interactions/list-interactions';
import { recordInteraction } from '../../core/interactions/record-interaction';
import { restoreInteraction } from '../../core/interactions/restore-interaction';
import { updateInteraction } from '../../core/interactions/update-interaction';
import { getRelationship } from '../../core/relationships/get-relationship';
import { listLapsed } from '../../core/relationships/list-lapsed';
import { recomputeRelationships } from '../../core/relationships/recompute-relationships';
import { setTagCadence } from '../../core/relationships/set-tag-cadence';
import { updateRelationship } from '../../core/relationships/update-relationship';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const relationshipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/interactions',
    {
      schema: {
        tags: ['relationships'],
        summary: 'My interactions, newest first (optionally with one contact)',
        querystring: interactionListQuery,
        response: { 200: interactionPage, ...errors },
      },
    },
    (req) => listInteractions(req.ctx, req.query),
  );
  app.post(
    '/interactions',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Log a meeting, call, video call, email, message, event or note',
        body: interactionInput,
        response: { 201: interaction, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await recordInteraction(req.ctx, req.body)),
  );
  app.patch(
    '/interactions/:id',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Correct a logged interaction',
        params: idParams,
        body: interactionUpdateInput,
        response: { 200: interaction, ...errors },
      },
    },
    (req) => updateInteraction(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/interactions/:id',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Remove a logged interaction',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteInteraction(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/interactions/:id/restore',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Bring back a removed interaction (within the trash window)',
        params: idParams,
        response: { 200: interaction, ...errors },
      },
    },
    (req) => restoreInteraction(req.ctx, req.params.id),
  );
  app.get(
    '/contacts/:id/relationship',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Strength (0–100), tier, why, and when keeping in touch is due',
        params: idParams,
        response: { 200: relationship, ...errors },
      },
    },
    (req) => getRelationship(req.ctx, req.params.id),
  );
  app.patch(
    '/contacts/:id/relationship',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Set my closeness (a floor for the score), the keep-in-touch interval, or stop reminders',
        params: idParams,
        body: relationshipSettingsInput,
        response: { 200: relationship, ...errors },
      },
    },
    (req) => updateRelationship(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/tags/:id/cadence',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Keep in touch with everyone carrying this tag every N days (null removes it)',
        params: idParams,
        body: tagCadenceInput,
        response: { 200: tagCadenceInput, ...errors },
      },
    },
    (req) => setTagCadence(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/relationships/lapsed',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Contacts past their keep-in-touch date, most urgent first',
        querystring: lapsedQuery,
        response: { 200: lapsedList, ...errors },
      },
    },
    (req) => listLapsed(req.ctx, req.query),
  );
  app.post(
    '/relationships/recompute',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Rebuild every relationship score from the full history',
        response: { 200: z.object({ contacts: z.number() }), ...errors },
      },
    },
    (req) => recomputeRelationships(req.ctx),
  );
};
