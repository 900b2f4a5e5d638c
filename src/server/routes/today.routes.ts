import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contracts/common';
import {
  accountSettings,
  accountSettingsInput,
  charts,
  profile,
  profileInput,
  todayKeyedAction,
  todayList,
  todayQuery,
} from '../../contracts/relationships';
import { actOnTodayItem } from '../../core/agenda/act-on-today-item';
import { getSettings } from '../../core/agenda/get-settings';
import { getToday } from '../../core/agenda/get-today';
import { updateSettings } from '../../core/agenda/update-settings';
import { getCharts } from '../../core/charts/get-charts';
import { getProfile } from '../../core/profile/get-profile';
import { updateProfile } from '../../core/profile/update-profile';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export const todayRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/today',
    {
      schema: {
        tags: ['today'],
        summary: 'One short ranked list of what to do today, each item with its reason and action',
        querystring: todayQuery,
        response: { 200: todayList, ...errors },
      },
    },
    (req) => getToday(req.ctx, { limit: req.query.limit }),
  );
  app.post(
    '/today/actions',
    {
      schema: {
        tags: ['today'],
        summary: 'Mark a Today item done, or snooze it until a day',
        body: todayKeyedAction,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const { key, ...action } = req.body;
      await actOnTodayItem(req.ctx, key, action);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/settings',
    {
      schema: {
        tags: ['today'],
        summary:
          'Today’s length, time zone, daily digest (and whether this server can mail it, how the last one went)',
        response: { 200: accountSettings, ...errors },
      },
    },
    (req) => getSettings(req.ctx),
  );
  app.patch(
    '/settings',
    {
      schema: {
        tags: ['today'],
        summary: 'Change Today’s length, time zone or the daily digest',
        body: accountSettingsInput,
        response: { 200: accountSettings, ...errors },
      },
    },
    (req) => updateSettings(req.ctx, req.body),
  );
  app.get(
    '/profile',
    {
      schema: {
        tags: ['profile'],
        summary: 'My profile: headline, the skills I offer, what I need',
        response: { 200: profile, ...errors },
      },
    },
    (req) => getProfile(req.ctx),
  );
  app.patch(
    '/profile',
    {
      schema: {
        tags: ['profile'],
        summary: 'Change my profile (offers and needs replace the lists)',
        body: profileInput,
        response: { 200: profile, ...errors },
      },
    },
    (req) => updateProfile(req.ctx, req.body),
  );
  app.get(
    '/charts',
    {
      schema: {
        tags: ['today'],
        summary: 'Relationship health over time, favour balance, promises kept, purposes against their pace',
        response: { 200: charts, ...errors },
      },
    },
    (req) => getCharts(req.ctx),
  );
};
