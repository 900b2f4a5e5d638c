import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common';
import {
  restoredContacts,
  restoreTrashedContactsInput,
  trashedContactPage,
  trashedContactsQuery,
  trashedFavourPage,
  trashedInteractionPage,
  trashedLedgerQuery,
  trashedPromisePage,
  trashListing,
} from '../../contracts/trash';
import { listTrash } from '../../core/trash/list-trash';
import { listTrashedContacts } from '../../core/trash/list-trashed-contacts';
import {
  listTrashedFavours,
  listTrashedInteractions,
  listTrashedPromises,
} from '../../core/trash/list-trashed-ledger';
import { restoreTrashedContacts } from '../../core/trash/restore-trashed-contacts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export const trashRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/trash',
    {
      schema: {
        tags: ['trash'],
        summary: 'Everything I deleted that can still be restored',
        description:
          'Contacts come a page at a time: `contactsTotal` says how many there are, and `GET /trash/contacts` with `contactsNextCursor` as `cursor` gives the rest. Interactions, favours and promises: the newest 1,000 of each, and `GET /trash/interactions` (`/favours`, `/promises`) with `interactionsNextCursor` (…) as `cursor` gives the rest.',
        response: { 200: trashListing, 401: errorBody },
      },
    },
    (req) => listTrash(req.ctx),
  );
  app.get(
    '/trash/contacts',
    {
      schema: {
        tags: ['trash'],
        summary: 'Page through or search my deleted contacts',
        description:
          'Most recently deleted first, with `total` matching on every page. `q` finds what contact search finds; `import` narrows to the contacts the undo of that import sent to the trash. Pass `nextCursor` back as `cursor` for the next page.',
        querystring: trashedContactsQuery,
        response: { 200: trashedContactPage, ...errors },
      },
    },
    (req) => listTrashedContacts(req.ctx, req.query),
  );
  const ledger = [
    ['interactions', trashedInteractionPage, listTrashedInteractions],
    ['favours', trashedFavourPage, listTrashedFavours],
    ['promises', trashedPromisePage, listTrashedPromises],
  ] as const;
  for (const [kind, body, list] of ledger)
    app.get(
      `/trash/${kind}`,
      {
        schema: {
          tags: ['trash'],
          summary: `Page through my deleted ${kind}`,
          description: `Most recently deleted first, as in \`GET /trash\`. Pass \`${kind}NextCursor\` from \`GET /trash\`, or \`nextCursor\` from a page, back as \`cursor\` for the next page.`,
          querystring: trashedLedgerQuery,
          response: { 200: body, ...errors },
        },
      },
      (req) => list(req.ctx, req.query),
    );
  app.post(
    '/trash/contacts/restore',
    {
      schema: {
        tags: ['trash'],
        summary: 'Bring many contacts back from the trash at once',
        description:
          '`{ "ids": [...] }` restores those contacts (any not in my trash is a 400 naming its place in `ids`, and then none is restored); `{ "all": true }` restores every contact in the trash, or with `q` and `import` every one `GET /trash/contacts` would list for them. One transaction either way.',
        body: restoreTrashedContactsInput,
        response: { 200: restoredContacts, ...errors },
      },
    },
    (req) => restoreTrashedContacts(req.ctx, req.body),
  );
};
