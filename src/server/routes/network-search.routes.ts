import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common';
import {
  networkSearchQuery,
  networkSearchResult,
  pathQuery,
  pathResult,
} from '../../contracts/network-search';
import { findWarmPaths } from '../../core/network/find-warm-paths';
import { searchNetwork } from '../../core/network/search-network';

const errors = { 400: errorBody, 401: errorBody, 404: errorBody, 429: errorBody };

export const networkSearchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/network/search',
    {
      schema: {
        tags: ['network'],
        summary:
          'Who my connections know (name, organisation or title): at most 25 people, each with the connections who know them; counts against the daily search limit (429 when spent)',
        querystring: networkSearchQuery,
        response: { 200: networkSearchResult, ...errors },
      },
    },
    (req) => searchNetwork(req.ctx, req.query),
  );
  app.get(
    '/network/paths',
    {
      schema: {
        tags: ['network'],
        summary:
          'Warm paths (up to three hops) to someone at an organisation (q) or to one person (contactId), ranked by link strength and explained; counts against the daily search limit',
        querystring: pathQuery,
        response: { 200: pathResult, ...errors },
      },
    },
    (req) => findWarmPaths(req.ctx, req.query),
  );
};
