import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import {
  favour,
  favourBalance,
  favourInput,
  favourListQuery,
  favourPage,
  favourUpdateInput,
  promiseInput,
  promiseListQuery,
  promisePage,
  promiseStats,
  promiseUpdateInput,
  promiseView,
} from '../../contracts/relationships';
import { deleteFavour } from '../../core/favours/delete-favour';
import { getFavourBalance } from '../../core/favours/get-favour-balance';
import { listFavours } from '../../core/favours/list-favours';
import { recordFavour } from '../../core/favours/record-favour';
import { restoreFavour } from '../../core/favours/restore-favour';
import { updateFavour } from '../../core/favours/update-favour';
import { createPromise } from '../../core/promises/create-promise';
import { deletePromise } from '../../core/promises/delete-promise';
import { getPromiseStats } from '../../core/promises/get-promise-stats';
import { listPromises } from '../../core/promises/list-promises';
import { restorePromise } from '../../core/promises/restore-promise';
import { updatePromise } from '../../core/promises/update-promise';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Favours (the exchange of favours) and promises (integrity). */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/favours',
    {
      schema: {
        tags: ['favours'],
        summary: 'Favours given and received, newest first (optionally with one contact), a page at a time',
        querystring: favourListQuery,
        response: { 200: favourPage, ...errors },
      },
    },
    (req) => listFavours(req.ctx, req.query),
  );
  app.get(
    '/favours/balance',
    {
      schema: {
        tags: ['favours'],
        summary: 'Who I have helped, who has helped me, who I owe',
        response: { 200: favourBalance, ...errors },
      },
    },
    (req) => getFavourBalance(req.ctx),
  );
  app.post(
    '/favours',
    {
      schema: {
        tags: ['favours'],
        summary: 'Record a favour given or received',
        body: favourInput,
        response: { 201: favour, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await recordFavour(req.ctx, req.body)),
  );
  app.patch(
    '/favours/:id',
    {
      schema: {
        tags: ['favours'],
        summary: 'Correct a favour',
        params: idParams,
        body: favourUpdateInput,
        response: { 200: favour, ...errors },
      },
    },
    (req) => updateFavour(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/favours/:id',
    {
      schema: {
        tags: ['favours'],
        summary: 'Remove a favour',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteFavour(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/favours/:id/restore',
    {
      schema: {
        tags: ['favours'],
        summary: 'Bring back a removed favour (within the trash window)',
        params: idParams,
        response: { 200: favour, ...errors },
      },
    },
    (req) => restoreFavour(req.ctx, req.params.id),
  );
  app.get(
    '/promises',
    {
      schema: {
        tags: ['promises'],
        summary: 'Promises by due date (optionally with one contact or in one status), a page at a time',
        querystring: promiseListQuery,
        response: { 200: promisePage, ...errors },
      },
    },
    (req) => listPromises(req.ctx, req.query),
  );
  app.get(
    '/promises/stats',
    {
      schema: {
        tags: ['promises'],
        summary: 'My kept-on-time rate (90 days, all time) and open promises',
        response: { 200: promiseStats, ...errors },
      },
    },
    (req) => getPromiseStats(req.ctx),
  );
  app.post(
    '/promises',
    {
      schema: {
        tags: ['promises'],
        summary: 'Record a promise: mine to someone, or theirs to me',
        body: promiseInput,
        response: { 201: promiseView, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createPromise(req.ctx, req.body)),
  );
  app.patch(
    '/promises/:id',
    {
      schema: {
        tags: ['promises'],
        summary: 'Mark kept, broken or released, or change it',
        params: idParams,
        body: promiseUpdateInput,
        response: { 200: promiseView, ...errors },
      },
    },
    (req) => updatePromise(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/promises/:id',
    {
      schema: {
        tags: ['promises'],
        summary: 'Remove a promise entered by mistake',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deletePromise(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/promises/:id/restore',
    {
      schema: {
        tags: ['promises'],
        summary: 'Bring back a removed promise (within the trash window)',
        params: idParams,
        response: { 200: promiseView, ...errors },
      },
    },
    (req) => restorePromise(req.ctx, req.params.id),
  );
};
