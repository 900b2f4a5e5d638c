import { z } from 'zod';
import { id, limitParam, page, text } from './common';
import { contactSummary } from './contacts';
import { organisation } from './organisations';
import { favour, interaction, promiseView } from './relationships';
import { tag } from './tags';

const purge = { purgeAfter: z.string() };
export const trashedContact = contactSummary.extend(purge);
export type TrashedContact = z.infer<typeof trashedContact>;
const removed = { deletedAt: z.string(), ...purge };
export const trashedInteraction = interaction.extend(removed);
export const trashedFavour = favour.extend(removed);
export const trashedPromise = promiseView.extend(removed);

export const trashListing = z.object({
  /** The most recently deleted contacts (the first page of `GET /trash/contacts`). */
  contacts: z.array(trashedContact),
  /** How many contacts the trash holds in all. */
  contactsTotal: z.number().int(),
  /** Pass to `GET /trash/contacts` as `cursor` for the contacts after these; null when these are all. */
  contactsNextCursor: z.string().nullable(),
  organisations: z.array(organisation.extend(purge)),
  tags: z.array(tag.extend(purge)),
  purposes: z.array(
    z.object({ id: z.string(), name: z.string(), deletedAt: z.string().nullable(), ...purge }),
  ),
  /**
   * Deleted interactions, favours and promises, most recently deleted first: the newest 1,000 of each, and the
   * cursor of the rest (`GET /trash/interactions`, `/favours`, `/promises`), null when these are all.
   */
  interactions: z.array(trashedInteraction),
  interactionsNextCursor: z.string().nullable(),
  favours: z.array(trashedFavour),
  favoursNextCursor: z.string().nullable(),
  promises: z.array(trashedPromise),
  promisesNextCursor: z.string().nullable(),
});
export type TrashListing = z.infer<typeof trashListing>;

/** A page of deleted interactions, favours or promises, after `cursor` (a `nextCursor` given before). */
export const trashedLedgerQuery = z.strictObject({
  limit: limitParam,
  cursor: text().max(500).optional(),
});
export type TrashedLedgerQuery = z.input<typeof trashedLedgerQuery>;
export const trashedInteractionPage = page(trashedInteraction);
export type TrashedInteractionPage = z.infer<typeof trashedInteractionPage>;
export const trashedFavourPage = page(trashedFavour);
export type TrashedFavourPage = z.infer<typeof trashedFavourPage>;
export const trashedPromisePage = page(trashedPromise);
export type TrashedPromisePage = z.infer<typeof trashedPromisePage>;

const trashSearch = {
  /** Every word prefix-matches the name, organisation, title, e-mail, tags or notes (as contact search). */
  q: text().max(200).optional(),
  /** Only the contacts the undo of this import sent to the trash. */
  import: id.optional(),
};

export const trashedContactsQuery = z.strictObject({
  ...trashSearch,
  limit: limitParam,
  cursor: text().max(500).optional(),
});
export type TrashedContactsQuery = z.input<typeof trashedContactsQuery>;

export const trashedContactPage = page(trashedContact).extend({
  /** How many trashed contacts match, on every page. */
  total: z.number().int(),
});
export type TrashedContactPage = z.infer<typeof trashedContactPage>;

/** Either these contacts (`ids`), or every one in the trash that matches (`all`, narrowed by `q` and `import`). */
export const restoreTrashedContactsInput = z
  .strictObject({
    ids: z.array(id).min(1, 'name at least one contact').max(1000).optional(),
    all: z.literal(true).optional(),
    ...trashSearch,
  })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), {
    message: 'give either ids or all: true',
    path: ['ids'],
  })
  .refine((v) => v.all || (v.q === undefined && v.import === undefined), {
    message: 'must be true to narrow by q or import',
    path: ['all'],
  });
export type RestoreTrashedContactsInput = z.input<typeof restoreTrashedContactsInput>;

export const restoredContacts = z.object({ restored: z.number().int() });
export type RestoredContacts = z.infer<typeof restoredContacts>;
