import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import {
  contact,
  contactCount,
  contactCreateInput,
  contactFilterQuery,
  contactListQuery,
  contactPage,
  contactUpdateInput,
} from '../../contracts/contacts';
import { contactEtag } from '../../core/contacts/contact-etag';
import { countContacts } from '../../core/contacts/count-contacts';
import { createContact } from '../../core/contacts/create-contact';
import { deleteContact } from '../../core/contacts/delete-contact';
import { getContact } from '../../core/contacts/get-contact';
import { getContactPhoto } from '../../core/contacts/get-contact-photo';
import { listContacts } from '../../core/contacts/list-contacts';
import { restoreContact } from '../../core/contacts/restore-contact';
import { updateContact } from '../../core/contacts/update-contact';
import { bodyJudgedByUseCase } from '../body-judged-by-use-case';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
/** Facts typed in the browser are recorded as coming from the web app; token calls from the API. */
const sourceOf = (req: FastifyRequest) => (req.auth?.via === 'session' ? 'web' : 'api');

export const trashReceipt = z.object({ purgeAfter: z.string() });

export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'List or search my contacts',
        description:
          'With `q`: typeahead search over name, organisation, title, email, tags and notes (accent- and case-insensitive, every word a prefix, best first, as deep as about 2,200; with `sort` as well: every match in that order, with `total`). Otherwise sorted by `sort`. Pass `nextCursor` back as `cursor` for the next page.',
        querystring: contactListQuery,
        response: { 200: contactPage, ...errors },
      },
    },
    (req) => listContacts(req.ctx, req.query),
  );
  app.get(
    '/contacts/count',
    {
      schema: {
        tags: ['contacts'],
        summary: 'How many contacts the list shows for this search and these filters, all pages together',
        description:
          'The same `q`, `tag`, `organisation`, `connectedFrom` and `connectedTo` as `GET /contacts`. Apart from the list so that typeahead stays fast: ask for it once the typing stops.',
        querystring: contactFilterQuery,
        response: { 200: contactCount, ...errors },
      },
    },
    (req) => countContacts(req.ctx, req.query),
  );
  app.post(
    '/contacts',
    {
      ...bodyJudgedByUseCase,
      schema: {
        tags: ['contacts'],
        summary: 'Add a contact',
        body: contactCreateInput,
        response: { 201: contact, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createContact(req.ctx, req.body, sourceOf(req))),
  );
  app.get(
    '/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        summary: 'One contact, every field',
        description:
          'Answers a strong `ETag` of the contact: send it back as `If-Match` with a PATCH to change only the ' +
          'contact read (412 when it changed meanwhile).',
        params: idParams,
        response: { 200: contact, ...errors },
      },
    },
    async (req, reply) => {
      const found = await getContact(req.ctx, req.params.id);
      return reply.header('etag', contactEtag(found)).send(found);
    },
  );
  app.patch(
    '/contacts/:id',
    {
      ...bodyJudgedByUseCase,
      schema: {
        tags: ['contacts'],
        summary: 'Change the fields sent (lists replace the whole list)',
        description:
          'A contact as GET answered it can be sent back: its read-only fields are ignored. With `If-Match` (the ' +
          'ETag from a GET or an earlier PATCH) the change is made only if the contact is still that version, ' +
          'else 412 `precondition_failed` and nothing changes; without it the change is made on whatever is there. ' +
          'Answers the new `ETag`.',
        params: idParams,
        headers: z.looseObject({
          'if-match': z
            .string()
            .optional()
            .meta({ description: 'the contact’s ETag as read (or `*`): change it only if it is still that' }),
        }),
        body: contactUpdateInput,
        response: { 200: contact, ...errors, 412: errorBody },
      },
    },
    async (req, reply) => {
      const updated = await updateContact(req.ctx, req.params.id, req.body, sourceOf(req), {
        ifMatch: req.headers['if-match'],
      });
      return reply.header('etag', contactEtag(updated)).send(updated);
    },
  );
  app.delete(
    '/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Move a contact to the trash (restorable for 30 days)',
        params: idParams,
        response: { 200: trashReceipt, ...errors },
      },
    },
    (req) => deleteContact(req.ctx, req.params.id),
  );
  app.get(
    '/contacts/:id/photo',
    {
      schema: {
        tags: ['contacts'],
        summary: 'The contact’s photo (image bytes, or a redirect to where it lives)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const photo = await getContactPhoto(req.ctx, req.params.id);
      if (photo.kind === 'url') return reply.redirect(photo.url);
      return reply.type(photo.mime).header('cache-control', 'private, max-age=300').send(photo.data);
    },
  );
  app.post(
    '/contacts/:id/restore',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Bring a contact back from the trash',
        params: idParams,
        response: { 200: contact, ...errors },
      },
    },
    (req) => restoreContact(req.ctx, req.params.id),
  );
};
