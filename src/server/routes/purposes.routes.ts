import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import {
  contactPurposeList,
  itemParams,
  itemUpdateInput,
  moveItemInput,
  placeContactsInput,
  placeContactsResult,
  purpose,
  purposeBoard,
  purposeInput,
  purposeItem,
  purposeList,
  purposeListQuery,
  purposeUpdateInput,
  stageMoveList,
} from '../../contracts/purposes';
import { archivePurpose } from '../../core/purposes/archive-purpose';
import { createPurpose } from '../../core/purposes/create-purpose';
import { deletePurpose } from '../../core/purposes/delete-purpose';
import { getPurposeBoard } from '../../core/purposes/get-purpose-board';
import { listContactPurposes } from '../../core/purposes/list-contact-purposes';
import { listItemMoves } from '../../core/purposes/list-item-moves';
import { listPurposes } from '../../core/purposes/list-purposes';
import { moveItem } from '../../core/purposes/move-item';
import { placeContacts } from '../../core/purposes/place-contacts';
import { removeItem } from '../../core/purposes/remove-item';
import { restorePurpose } from '../../core/purposes/restore-purpose';
import { updateItem } from '../../core/purposes/update-item';
import { updatePurpose } from '../../core/purposes/update-purpose';
import { trashReceipt } from './contacts.routes';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['purposes'];

/** Purposes: named goals with their own pipelines, and the contacts placed on them. */
export const purposeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/purposes',
    {
      schema: {
        tags,
        summary: 'My purposes with progress at a glance (active by default)',
        querystring: purposeListQuery,
        response: { 200: purposeList, ...errors },
      },
    },
    (req) => listPurposes(req.ctx, req.query),
  );
  app.post(
    '/purposes',
    {
      schema: {
        tags,
        summary: 'Create a purpose (default stages unless given)',
        body: purposeInput,
        response: { 201: purpose, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createPurpose(req.ctx, req.body)),
  );
  app.get(
    '/purposes/:id',
    {
      schema: {
        tags,
        summary: 'A purpose as a board: its stages with their items in order',
        params: idParams,
        response: { 200: purposeBoard, ...errors },
      },
    },
    (req) => getPurposeBoard(req.ctx, req.params.id),
  );
  app.patch(
    '/purposes/:id',
    {
      schema: {
        tags,
        summary: 'Edit a purpose: name, description, target, deadline, cadence, follow-up delay, stages',
        params: idParams,
        body: purposeUpdateInput,
        response: { 200: purpose, ...errors },
      },
    },
    (req) => updatePurpose(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/purposes/:id/archive',
    {
      schema: { tags, summary: 'Archive a purpose', params: idParams, response: { 200: purpose, ...errors } },
    },
    (req) => archivePurpose(req.ctx, req.params.id, true),
  );
  app.post(
    '/purposes/:id/unarchive',
    {
      schema: {
        tags,
        summary: 'Bring an archived purpose back',
        params: idParams,
        response: { 200: purpose, ...errors },
      },
    },
    (req) => archivePurpose(req.ctx, req.params.id, false),
  );
  app.delete(
    '/purposes/:id',
    {
      schema: {
        tags,
        summary: 'Move a purpose to the trash with its items',
        params: idParams,
        response: { 200: trashReceipt, ...errors },
      },
    },
    (req) => deletePurpose(req.ctx, req.params.id),
  );
  app.post(
    '/purposes/:id/restore',
    {
      schema: {
        tags,
        summary: 'Bring a purpose back from the trash',
        params: idParams,
        response: { 200: purpose, ...errors },
      },
    },
    (req) => restorePurpose(req.ctx, req.params.id),
  );
  app.post(
    '/purposes/:id/items',
    {
      schema: {
        tags,
        summary: 'Place contacts on a purpose (the first stage unless named)',
        params: idParams,
        body: placeContactsInput,
        response: { 201: placeContactsResult, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await placeContacts(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/purposes/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: "Set an item's next step, its date and note",
        params: itemParams,
        body: itemUpdateInput,
        response: { 200: purposeItem, ...errors },
      },
    },
    (req) => updateItem(req.ctx, req.params.id, req.params.itemId, req.body),
  );
  app.post(
    '/purposes/:id/items/:itemId/move',
    {
      schema: {
        tags,
        summary: 'Move an item to a stage, optionally to a place in its column',
        params: itemParams,
        body: moveItemInput,
        response: { 200: purposeItem, ...errors },
      },
    },
    (req) => moveItem(req.ctx, req.params.id, req.params.itemId, req.body),
  );
  app.delete(
    '/purposes/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Take a contact off a purpose',
        params: itemParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await removeItem(req.ctx, req.params.id, req.params.itemId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/purposes/:id/items/:itemId/moves',
    {
      schema: {
        tags,
        summary: "An item's stage history, oldest first",
        params: itemParams,
        response: { 200: stageMoveList, ...errors },
      },
    },
    (req) => listItemMoves(req.ctx, req.params.id, req.params.itemId),
  );
  app.get(
    '/contacts/:id/purposes',
    {
      schema: {
        tags,
        summary: 'The purposes a contact is on, with its stage and next step',
        params: idParams,
        response: { 200: contactPurposeList, ...errors },
      },
    },
    (req) => listContactPurposes(req.ctx, req.params.id),
  );
};
