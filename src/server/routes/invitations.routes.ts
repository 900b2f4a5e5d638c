import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common';
import { invitationListQuery, invitationPage } from '../../contracts/invitations';
import { listInvitations } from '../../core/invitations/list-invitations';

export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary:
          'My pending LinkedIn invitations (from imports), newest first, each with its note and the contact it is now',
        querystring: invitationListQuery,
        response: { 200: invitationPage, 400: errorBody, 401: errorBody },
      },
    },
    (req) => listInvitations(req.ctx, req.query),
  );
};
