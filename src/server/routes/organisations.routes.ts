import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import {
  organisation,
  organisationCreateInput,
  organisationDetail,
  organisationDismissInput,
  organisationDuplicateList,
  organisationDuplicatesQuery,
  organisationListQuery,
  organisationMergeInput,
  organisationMergeResult,
  organisationPage,
  organisationPastPeoplePage,
  organisationPastPeopleQuery,
  organisationUpdateInput,
} from '../../contracts/organisations';
import { createOrganisation } from '../../core/organisations/create-organisation';
import { deleteOrganisation } from '../../core/organisations/delete-organisation';
import { dismissOrganisationDuplicate } from '../../core/organisations/dismiss-organisation-duplicate';
import { findOrganisationDuplicates } from '../../core/organisations/find-organisation-duplicates';
import { getOrganisation } from '../../core/organisations/get-organisation';
import { listOrganisationPastPeople } from '../../core/organisations/list-organisation-past-people';
import { listOrganisations } from '../../core/organisations/list-organisations';
import { mergeOrganisations } from '../../core/organisations/merge-organisations';
import { restoreOrganisation } from '../../core/organisations/restore-organisation';
import { undoOrganisationMerge } from '../../core/organisations/undo-organisation-merge';
import { updateOrganisation } from '../../core/organisations/update-organisation';
import { trashReceipt } from './contacts.routes';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'List my organisations by name',
        querystring: organisationListQuery,
        response: { 200: organisationPage, ...errors },
      },
    },
    (req) => listOrganisations(req.ctx, req.query),
  );
  app.post(
    '/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Add an organisation',
        body: organisationCreateInput,
        response: { 201: organisation, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createOrganisation(req.ctx, req.body)),
  );
  app.get(
    '/organisations/duplicates',
    {
      schema: {
        tags: ['organisations'],
        summary:
          'Organisations that may be one company under two spellings, strongest first, with how many pairs in all; paged with nextCursor',
        description:
          'Strong: the same name apart from spacing, punctuation and legal forms (Inc., GmbH), or the same website. Possible: one name is the other plus words, or the names are one letter apart. Merge with `POST /organisations/{id}/merge`.',
        querystring: organisationDuplicatesQuery,
        response: { 200: organisationDuplicateList, ...errors },
      },
    },
    (req) => findOrganisationDuplicates(req.ctx, req.query),
  );
  app.post(
    '/organisations/duplicates/dismiss',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Mark two organisations as different companies: the pair is no longer suggested',
        body: organisationDismissInput,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await dismissOrganisationDuplicate(req.ctx, req.body);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'An organisation with its people now and before',
        params: idParams,
        response: { 200: organisationDetail, ...errors },
      },
    },
    (req) => getOrganisation(req.ctx, req.params.id),
  );
  app.get(
    '/organisations/:id/past-people',
    {
      schema: {
        tags: ['organisations'],
        summary:
          'The people who were at an organisation before, most recently left first, with strength, tier and last contact; paged with nextCursor',
        description:
          'The organisation itself (`GET /organisations/{id}`) holds the first page and `people.pastNextCursor`, the cursor of the next.',
        params: idParams,
        querystring: organisationPastPeopleQuery,
        response: { 200: organisationPastPeoplePage, ...errors },
      },
    },
    (req) => listOrganisationPastPeople(req.ctx, req.params.id, req.query),
  );
  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Rename or edit an organisation',
        params: idParams,
        body: organisationUpdateInput,
        response: { 200: organisation, ...errors },
      },
    },
    (req) => updateOrganisation(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Move an organisation to the trash',
        params: idParams,
        response: { 200: trashReceipt, ...errors },
      },
    },
    (req) => deleteOrganisation(req.ctx, req.params.id),
  );
  app.post(
    '/organisations/:id/restore',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Bring an organisation back from the trash',
        params: idParams,
        response: { 200: organisation, ...errors },
      },
    },
    (req) => restoreOrganisation(req.ctx, req.params.id),
  );
  app.post(
    '/organisations/:id/merge',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Merge this organisation into another (two spellings of one company); undoable',
        description:
          'Its people and past positions move to `into`, a missing website and any notes are carried over, and its name then leads there (the next import of that spelling lands in `into`).',
        params: idParams,
        body: organisationMergeInput,
        response: { 200: organisationMergeResult, ...errors },
      },
    },
    (req) => mergeOrganisations(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/organisations/merges/:id/undo',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Split a merge of organisations again; returns the organisation brought back',
        params: idParams,
        response: { 200: organisation, ...errors },
      },
    },
    (req) => undoOrganisationMerge(req.ctx, req.params.id),
  );
};
