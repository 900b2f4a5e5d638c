import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { MESSAGE_MAX } from '../../contracts/network';
import {
  channelHasSubject,
  checkPersonal,
  LINKEDIN_LIMITS,
  MERGE_FIELDS,
  type MergeValues,
  type OutreachPreview,
  type outreachDraft,
  renderMerge,
  repeatsLineFor,
  sameTextFor,
} from '../../contracts/outreach';
import { channelsOf, findContact } from '../contacts/contact.queries';
import type { Ctx } from '../context';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { connectionLinksOf } from '../network/account-match.queries';
import { findPurpose } from '../purposes/purpose.queries';
import { fingerprintOf, firstWord, mergeValuesOf } from './outreach';
import {
  accountName,
  findTemplate,
  type ItemRow,
  messagesToOthers,
  sameFingerprintToOther,
  type TemplateRow,
} from './outreach.queries';

export type Draft = z.output<typeof outreachDraft>;

export const EMAIL_NOT_CONFIGURED =
  'email is not configured on this server (SMTP_URL is not set): copy the message into your own mail and mark it sent';

/** A draft rendered for its person and checked against every rule, with what the message row needs. */
export interface Composed {
  preview: OutreachPreview;
  subject: string | null;
  body: string;
  to: string | null;
  personalLine: string;
  fingerprint: string;
  template: TemplateRow | undefined;
  purpose: { id: string; name: string; follow_up_days: number | null } | undefined;
  /** The account a `rapport` message goes to (null for the other channels, or when not connected). */
  rapportAccount: { id: string; name: string } | null;
}

/**
 * The account the owner's contact stands for on Rapport while they are connected: the contact an accepted
 * connection links on the owner's side (set on accept, moved by merges). Null otherwise — a contact that merely
 * matches an account is not a connection, and a message is only ever sent to one.
 */
export async function rapportAccountOf(
  db: Kysely<Database>,
  ownerId: string,
  contactId: string,
): Promise<{ id: string; name: string } | null> {
  return (await connectionLinksOf(db, ownerId, [contactId])).get(contactId) ?? null;
}

/** The person's details a message is written with: merge values, email addresses, LinkedIn profile. */
export async function personOf(tx: Ctx, ownerId: string, contactId: string) {
  const contact = await findContact(tx.db, ownerId, contactId);
  if (!contact) throw new AppError('not_found', 'outreach item not found');
  const channels = await channelsOf(tx.db, ownerId, [contactId]);
  return {
    contact,
    emails: channels.filter((c) => c.kind === 'email').map((c) => c.value),
    linkedinUrl:
      channels.find((c) => c.kind === 'url' && c.value_norm?.startsWith('https://www.linkedin.com/'))
        ?.value ?? null,
  };
}

const fieldList = (fields: string[]) => fields.map((f) => `{${f}}`).join(', ');

/**
 * Renders a draft for the item's person and checks it: known merge fields only, a personal line beyond the
 * template, not the same text or personal line as a message to someone else, and what the channel needs. Never
 * throws for a rule: the problems are listed (the send use cases refuse with them).
 */
export async function composeMessage(
  tx: Ctx,
  ownerId: string,
  item: ItemRow,
  draft: Draft,
): Promise<Composed> {
  const problems: { path: string; message: string }[] = [];
  const person = await personOf(tx, ownerId, item.contact_id);
  const template = draft.templateId ? await findTemplate(tx.db, ownerId, draft.templateId) : undefined;
  if (draft.templateId && !template)
    problems.push({ path: 'templateId', message: 'is not one of your templates' });
  const purposeId =
    draft.purposeId !== undefined ? draft.purposeId : (template?.purpose_id ?? item.purpose_id);
  const purpose = purposeId ? await findPurpose(tx.db, ownerId, purposeId) : undefined;
  if (draft.purposeId && !purpose)
    problems.push({ path: 'purposeId', message: 'is not one of your purposes' });
  const me = await accountName(tx.db, ownerId);
  const values: MergeValues = mergeValuesOf(person.contact, me, purpose?.name ?? null);

  const body = renderMerge(draft.body, values);
  // Only an email (or a mail-app draft) has a subject: on LinkedIn, Rapport or elsewhere a template's is left out
  // rather than refused, so every client stores and previews the same message.
  const subject =
    channelHasSubject(draft.channel) && draft.subject?.trim() ? renderMerge(draft.subject, values) : null;
  const known = `merge fields are ${fieldList([...MERGE_FIELDS])}`;
  if (body.unknown.length > 0)
    problems.push({
      path: 'body',
      message: `unknown merge field${body.unknown.length > 1 ? 's' : ''} ${fieldList(body.unknown)}: the ${known}`,
    });
  if (subject && subject.unknown.length > 0)
    problems.push({
      path: 'subject',
      message: `unknown merge field${subject.unknown.length > 1 ? 's' : ''} ${fieldList(subject.unknown)}: the ${known}`,
    });

  const templateText = template ? renderMerge(template.body, values).text : null;
  const personal = checkPersonal(body.text, templateText, values);
  if (!personal.ok && personal.reason) problems.push({ path: 'body', message: personal.reason });
  const fingerprint = fingerprintOf(personal.fingerprintText);

  let duplicate: OutreachPreview['duplicate'] = null;
  if (body.text.trim()) {
    const them = firstWord(person.contact.display_name) ?? 'this person';
    // The stored fingerprint has only its own recipient's values removed, so an exact match is the quick answer;
    // otherwise each earlier message is compared with both people's values removed from both texts.
    let sameText = await sameFingerprintToOther(tx.db, ownerId, item.contact_id, fingerprint);
    let sameLine: { contact_id: string; display_name: string } | undefined;
    if (!sameText) {
      const others = (await messagesToOthers(tx.db, ownerId, item.contact_id)).map((m) => ({
        ...m,
        values: mergeValuesOf(m, me, m.purpose_name),
      }));
      sameText = others.find((m) => sameTextFor(body.text, values, m.body, m.values));
      if (!sameText && personal.line)
        sameLine = others.find(
          (m) => m.personal_line && repeatsLineFor(personal.line, values, m.personal_line, m.values),
        );
    }
    const same = sameText ?? sameLine;
    if (same) {
      const why = sameText
        ? `the same message already went to ${same.display_name}: one text to many people is a blast, so write ${them} a message of their own`
        : `your personal line ("${personal.line}") already went to ${same.display_name}: say something that fits ${them}`;
      duplicate = { contact: { id: same.contact_id, displayName: same.display_name }, why };
      problems.push({ path: 'body', message: why });
    }
  }

  let to: string | null = null;
  if (draft.channel === 'email') {
    if (!tx.mailer) problems.push({ path: 'channel', message: EMAIL_NOT_CONFIGURED });
    if (!subject?.text.trim()) problems.push({ path: 'subject', message: 'an email needs a subject' });
    if (person.emails.length === 0)
      problems.push({
        path: 'to',
        message: `${person.contact.display_name} has no email address: copy the message into LinkedIn or another channel and mark it sent`,
      });
    else if (draft.to && !person.emails.some((e) => e.toLowerCase() === draft.to?.toLowerCase()))
      problems.push({
        path: 'to',
        message: `is not one of ${person.contact.display_name}'s email addresses`,
      });
    else to = draft.to ?? (person.emails[0] as string);
  } else if (draft.channel === 'mailto') {
    to = draft.to ?? person.emails[0] ?? null;
  }
  let rapportAccount: Composed['rapportAccount'] = null;
  if (draft.channel === 'rapport') {
    rapportAccount = await rapportAccountOf(tx.db, ownerId, item.contact_id);
    if (!rapportAccount)
      problems.push({
        path: 'channel',
        message: `${person.contact.display_name} is not an account you are connected with on Rapport: send by email or in another channel`,
      });
    if (body.text.trim().length > MESSAGE_MAX)
      problems.push({
        path: 'body',
        message: `is ${body.text.trim().length} characters: a Rapport message holds at most ${MESSAGE_MAX}`,
      });
  }
  if (draft.channel === 'linkedin' && body.text.length > LINKEDIN_LIMITS.message)
    problems.push({
      path: 'body',
      message: `is ${body.text.length} characters: LinkedIn messages hold at most ${LINKEDIN_LIMITS.message}`,
    });

  return {
    preview: {
      subject: subject?.text ?? null,
      body: body.text,
      unknownFields: [...new Set([...body.unknown, ...(subject?.unknown ?? [])])],
      emptyFields: [...new Set([...body.empty, ...(subject?.empty ?? [])])],
      personal: {
        line: personal.line,
        words: personal.words,
        chars: personal.chars,
        ok: personal.ok,
        reason: personal.reason,
      },
      duplicate,
      ok: problems.length === 0,
      problems,
    },
    subject: subject?.text.trim() ? subject.text.trim() : null,
    // A direct message is stored trimmed, as Rapport's messages are.
    body: draft.channel === 'rapport' ? body.text.trim() : body.text,
    to,
    personalLine: personal.line,
    fingerprint,
    template,
    purpose,
    rapportAccount,
  };
}

/** The problems as the `validation` error that refuses a send, naming each field. */
export function refusal(problems: { path: string; message: string }[]): AppError {
  const first = problems[0] as { path: string; message: string };
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError('validation', `${first.path}: ${first.message}${more}`, { issues: problems });
}
