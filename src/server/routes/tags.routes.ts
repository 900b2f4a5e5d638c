import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, idParams } from '../../contracts/common';
import {
  contactTagsInput,
  contactTagsResult,
  tag,
  tagCreateInput,
  tagList,
  tagMergeInput,
  tagUpdateInput,
} from '../../contracts/tags';
import { createTag } from '../../core/tags/create-tag';
import { deleteTag } from '../../core/tags/delete-tag';
import { getTag } from '../../core/tags/get-tag';
import { listTags } from '../../core/tags/list-tags';
import { mergeTags } from '../../core/tags/merge-tags';
import { renameTag } from '../../core/tags/rename-tag';
import { restoreTag } from '../../core/tags/restore-tag';
import { tagContacts } from '../../core/tags/tag-contacts';
import { trashReceipt } from './contacts.routes';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const tagRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tags',
    {
      schema: {
        tags: ['tags'],
        summary: 'My tags with how many contacts carry each',
        response: { 200: tagList, ...errors },
      },
    },
    async (req) => ({ items: await listTags(req.ctx) }),
  );
  app.post(
    '/tags',
    {
      schema: {
        tags: ['tags'],
        summary: 'Create a tag',
        body: tagCreateInput,
        response: { 201: tag, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createTag(req.ctx, req.body)),
  );
  app.get(
    '/tags/:id',
    { schema: { tags: ['tags'], summary: 'One tag', params: idParams, response: { 200: tag, ...errors } } },
    (req) => getTag(req.ctx, req.params.id),
  );
  app.patch(
    '/tags/:id',
    {
      schema: {
        tags: ['tags'],
        summary: 'Rename a tag (409 if the name is taken: merge instead)',
        params: idParams,
        body: tagUpdateInput,
        response: { 200: tag, ...errors },
      },
    },
    (req) => renameTag(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/tags/:id/merge',
    {
      schema: {
        tags: ['tags'],
        summary:
          'Move every contact of this tag onto another and remove this one; its name then leads to the other (edits, imports)',
        params: idParams,
        body: tagMergeInput,
        response: { 200: tag, ...errors },
      },
    },
    (req) => mergeTags(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/tags/:id',
    {
      schema: {
        tags: ['tags'],
        summary: 'Move a tag to the trash',
        params: idParams,
        response: { 200: trashReceipt, ...errors },
      },
    },
    (req) => deleteTag(req.ctx, req.params.id),
  );
  app.post(
    '/contacts/tags',
    {
      schema: {
        tags: ['tags', 'contacts'],
        summary:
          'Add and remove tags on many contacts at once: by id, or everyone the contact list shows for a filter',
        description:
          'Give either `ids` (at most 10,000; an id that is not one of your live contacts is a 400 naming it, and nothing changes) or `filter` (the `q`, `tag`, `organisation`, `connectedFrom` and `connectedTo` of `GET /contacts`: every contact the list shows, all pages). `add` names tags found or created as an edit does; `remove` names existing tags. One transaction. Answers how many contacts matched and how many of them changed (a contact that already had every added tag and none removed did not).',
        body: contactTagsInput,
        response: { 200: contactTagsResult, ...errors },
      },
    },
    (req) => tagContacts(req.ctx, req.body),
  );
  app.post(
    '/tags/:id/restore',
    {
      schema: {
        tags: ['tags'],
        summary: 'Bring a tag back onto its contacts',
        params: idParams,
        response: { 200: tag, ...errors },
      },
    },
    (req) => restoreTag(req.ctx, req.params.id),
  );
};
