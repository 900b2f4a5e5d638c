import { z } from 'zod';
import { EMAIL_MAX, isEmailAddress, isPhoneNumber, PHONE_MAX, withoutMailto } from './channel-values';
import { isoDate, limitParam, optionalText, page, text, timestamp } from './common';

export const CONTACT_SOURCES = [
  'web',
  'api',
  'cli',
  'linkedin',
  'vcard',
  'csv',
  'carddav',
  'backup',
  'introduction',
  // A connection on this server: the contact that stands for the other account.
  'rapport',
] as const;
export const contactSource = z.enum(CONTACT_SOURCES);
export type ContactSource = z.infer<typeof contactSource>;

const label = text().trim().max(60).optional();

export const emailInput = z.strictObject({
  value: text()
    .trim()
    .transform(withoutMailto)
    .pipe(z.string().max(EMAIL_MAX, { abort: true }).refine(isEmailAddress, 'must be an email address')),
  label,
});

// Kept as written; E.164 normalisation, for matching, happens in core/contacts/contact.ts.
export const phoneInput = z.strictObject({
  value: text().trim().max(PHONE_MAX, { abort: true }).refine(isPhoneNumber, 'must be a phone number'),
  label,
});

export const urlInput = z.strictObject({
  value: z
    .string()
    .trim()
    .min(1)
    .max(2048)
    .transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
    .pipe(z.url({ protocol: /^https?$/, hostname: /\./, message: 'must be an http(s) URL' })),
  label,
});

/**
 * The e-mail addresses, phone numbers, links, addresses and dates one contact keeps, each. Phones sync cards with
 * more than a person form shows (a company's switchboard, 30 numbers): a card over the limit is refused over
 * CardDAV and stays unsynced, so the limit only guards against abuse (ADR 18).
 */
export const CONTACT_LIST_MAX = 100;

const name = optionalText(200);
// Imports bring every unknown column along (an Outlook export has 92), so the limits are generous.
const customFields = z
  .record(text().trim().min(1).max(100), text().max(10000))
  .refine((o) => Object.keys(o).length <= 200, 'at most 200 custom fields');

/** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (vCard and Google both allow that). */
export const partialDate = z
  .string()
  .trim()
  .regex(/^(\d{4}|--)-?(\d{2})-?(\d{2})$/, 'must be YYYY-MM-DD or --MM-DD')
  .transform((v) => {
    const m = /^(\d{4}|--)-?(\d{2})-?(\d{2})$/.exec(v) as RegExpExecArray;
    return `${m[1]}-${m[2]}-${m[3]}`.replace(/^---/, '--');
  })
  .refine((v) => {
    const [, mm, dd] = /^(?:\d{4}|-)-(\d{2})-(\d{2})$/.exec(v) ?? [];
    const year = v.startsWith('--') ? 2000 : Number(v.slice(0, 4));
    const d = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
    return d.getUTCMonth() === Number(mm) - 1 && d.getUTCDate() === Number(dd);
  }, 'is not a real date');

const addressText = text().trim().max(500).optional();
export const addressInput = z.strictObject({
  label,
  poBox: addressText,
  extended: addressText,
  street: addressText,
  locality: addressText,
  region: addressText,
  postalCode: addressText,
  country: addressText,
  formatted: text().trim().max(2000).optional(),
});
export const dateInput = z.strictObject({ value: partialDate, label });
/** An address as answered: the fields of `addressInput` without its input checks, so what is stored is shown. */
const address = z.object({
  label: z.string().optional(),
  poBox: z.string().optional(),
  extended: z.string().optional(),
  street: z.string().optional(),
  locality: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
  formatted: z.string().optional(),
});

const contactFields = {
  displayName: name,
  givenName: name,
  familyName: name,
  organisation: optionalText(200),
  title: optionalText(200),
  location: optionalText(200),
  howWeMet: optionalText(2000),
  notes: optionalText(20000),
  emails: z.array(emailInput).max(CONTACT_LIST_MAX).optional(),
  phones: z.array(phoneInput).max(CONTACT_LIST_MAX).optional(),
  urls: z.array(urlInput).max(CONTACT_LIST_MAX).optional(),
  tags: z.array(text().trim().min(1).max(60)).max(50).optional(),
  customFields: customFields.optional(),
  connectedOn: isoDate.nullable().optional(),
  nickname: name,
  namePrefix: optionalText(60),
  nameSuffix: optionalText(60),
  additionalNames: name,
  department: optionalText(200),
  birthday: partialDate.nullable().optional(),
  addresses: z.array(addressInput).max(CONTACT_LIST_MAX).optional(),
  dates: z.array(dateInput).max(CONTACT_LIST_MAX).optional(),
};

export const contactCreateInput = z.strictObject(contactFields);
export type ContactCreateInput = z.input<typeof contactCreateInput>;
// A PATCH also takes back what GET /contacts/:id answered, unchanged: the organisation as its `{ id, name }` (the
// name is used, as when a name is sent), channels with a null label and the source, e164, extension and kind the
// server works out, and the read-only fields of the view, all ignored (`id`, if sent, must be this contact's).
const asAnswered = { label: label.nullable().transform((l) => l ?? undefined), source: text().optional() };
const readOnly = z.unknown().optional().meta({ description: 'read-only: ignored when sent back from a GET' });
export const contactUpdateInput = z.strictObject({
  ...contactFields,
  organisation: z.union([
    optionalText(200),
    z
      .object({ id: text(), name: text().max(200) })
      .transform((o) => (o.name.trim() === '' ? null : o.name.trim())),
  ]),
  emails: z.array(emailInput.extend(asAnswered)).max(CONTACT_LIST_MAX).optional(),
  phones: z
    .array(
      phoneInput.extend({
        ...asAnswered,
        e164: text().nullable().optional(),
        extension: text().nullable().optional(),
      }),
    )
    .max(CONTACT_LIST_MAX)
    .optional(),
  urls: z
    .array(urlInput.extend({ ...asAnswered, kind: text().optional() }))
    .max(CONTACT_LIST_MAX)
    .optional(),
  id: text().optional().meta({ description: 'read-only: if sent, must be this contact’s id' }),
  linkedinUrl: readOnly,
  photo: readOnly,
  history: readOnly,
  source: readOnly,
  pastPositions: readOnly,
  createdAt: readOnly,
  updatedAt: readOnly,
  deletedAt: readOnly,
});
export type ContactUpdateInput = z.input<typeof contactUpdateInput>;

export const channel = z.object({ value: z.string(), label: z.string().nullable(), source: z.string() });
export const contact = z.object({
  id: z.string(),
  displayName: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  title: z.string().nullable(),
  location: z.string().nullable(),
  howWeMet: z.string().nullable(),
  notes: z.string().nullable(),
  emails: z.array(channel),
  phones: z.array(
    channel.extend({
      e164: z.string().nullable(),
      /** Digits dialled after the call connects (`ext. 42`), read from the number; null without one. */
      extension: z.string().nullable(),
    }),
  ),
  urls: z.array(channel.extend({ kind: z.enum(['linkedin', 'web']) })),
  linkedinUrl: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.string()),
  connectedOn: z.string().nullable(),
  nickname: z.string().nullable(),
  namePrefix: z.string().nullable(),
  nameSuffix: z.string().nullable(),
  additionalNames: z.string().nullable(),
  department: z.string().nullable(),
  birthday: z.string().nullable(),
  addresses: z.array(address),
  dates: z.array(z.object({ value: z.string(), label: z.string().optional() })),
  /** Where the photo can be fetched (`/api/v1/contacts/:id/photo`, or the external URL it came with). */
  photo: z.object({ url: z.string(), mime: z.string().nullable() }).nullable(),
  /** Values replaced by imports, merges and address books (CardDAV), newest first. */
  history: z.array(
    z.object({
      field: z.string(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
      source: z.string(),
      recordedAt: timestamp,
    }),
  ),
  source: z.string(),
  pastPositions: z.array(
    z.object({
      organisation: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
      title: z.string().nullable(),
      endedOn: z.string().nullable(),
      source: z.string(),
    }),
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type Contact = z.infer<typeof contact>;

export const contactSummary = contact
  .pick({
    id: true,
    displayName: true,
    organisation: true,
    title: true,
    location: true,
    tags: true,
    connectedOn: true,
    updatedAt: true,
    deletedAt: true,
  })
  .extend({ primaryEmail: z.string().nullable() });
export type ContactSummary = z.infer<typeof contactSummary>;

export const CONTACT_SORTS = ['name', '-name', 'created', '-created', 'connected', '-connected'] as const;
export const contactListQuery = z.strictObject({
  q: text().max(200).optional(),
  tag: text().max(60).optional(),
  organisation: text().max(64).optional(),
  connectedFrom: isoDate.optional(),
  connectedTo: isoDate.optional(),
  sort: z.enum(CONTACT_SORTS).optional(),
  limit: limitParam,
  cursor: text().max(500).optional(),
});
export type ContactListQuery = z.input<typeof contactListQuery>;
export const contactPage = page(contactSummary).extend({
  /**
   * How many contacts the list holds in all: on the first page of a sorted list (a search with `sort` too); null on
   * later pages and ranked searches.
   */
  total: z.number().nullable(),
});
export type ContactPage = z.infer<typeof contactPage>;

/** The list's filters without its order and paging: which contacts a search with these filters finds, all of them. */
export const contactFilterQuery = contactListQuery.pick({
  q: true,
  tag: true,
  organisation: true,
  connectedFrom: true,
  connectedTo: true,
});
export type ContactFilterQuery = z.input<typeof contactFilterQuery>;
export const contactCount = z.object({ total: z.number().int() });
export type ContactCount = z.infer<typeof contactCount>;
