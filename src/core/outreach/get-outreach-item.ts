import {
  BLANK_DRAFT,
  FOLLOW_UP_DRAFT,
  type OutreachChannel,
  type OutreachItemDetail,
} from '../../contracts/outreach';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { purposesOfContact } from '../purposes/purpose.queries';
import { parseStages } from '../purposes/stages';
import { personOf, rapportAccountOf } from './compose-message';
import { ownerToday } from './enqueue-new-connections';
import { mergeValuesOf, toItem, toMessage } from './outreach';
import {
  accountName,
  findItem,
  lastUsedTemplateId,
  latestInvitation,
  listTemplates,
  messagesOfItems,
  type TemplateRow,
  writtenOutsideOf,
} from './outreach.queries';

// Defined beside the personal-line rule, which leaves their greeting and sign-off out of a line of one's own.
export { BLANK_DRAFT, FOLLOW_UP_DRAFT };

/**
 * One queue item in full, to write from: who they are, how we're connected (source, connected-on, LinkedIn's
 * invitation note), the purposes they are on, the messages so far, and a suggested draft — the template of their
 * purpose, else the one used last, else a blank greeting — with the channel they can be reached on; and the
 * account they are on Rapport as, while we are connected.
 */
export async function getOutreachItem(ctx: Ctx, itemId: string): Promise<OutreachItemDetail> {
  const ownerId = requireActor(ctx);
  const row = await findItem(ctx.db, ownerId, itemId);
  if (!row) throw notFound('outreach item');
  const person = await personOf(ctx, ownerId, row.contact_id);
  const messages = await messagesOfItems(ctx.db, ownerId, [itemId]);
  const invitation = await latestInvitation(ctx.db, ownerId, row.contact_id);
  const onPurposes = await purposesOfContact(ctx.db, ownerId, row.contact_id);
  const purposes = onPurposes.map((p) => ({
    id: p.purpose_id,
    name: p.name,
    stage: parseStages(p.stages).find((s) => s.id === p.stage)?.name ?? p.stage,
  }));
  const templates = await listTemplates(ctx.db, ownerId);
  const kind = row.state === 'sent' ? 'follow-up' : 'first';
  let template: TemplateRow | undefined;
  if (kind === 'first') {
    const purposeIds = [row.purpose_id, ...onPurposes.filter((p) => !p.archived_at).map((p) => p.purpose_id)];
    const lastUsed = await lastUsedTemplateId(ctx.db, ownerId);
    template =
      purposeIds.map((id) => templates.find((t) => id && t.purpose_id === id)).find(Boolean) ??
      templates.find((t) => t.id === lastUsed) ??
      templates[0];
  }
  const rapport = await rapportAccountOf(ctx.db, ownerId, row.contact_id);
  // A template's channel, unless it is Rapport and they are not a connection; else Rapport for a connection (a
  // reply in the thread is noticed by itself), else email when there is an address.
  const templateChannel = template?.channel as OutreachChannel | null | undefined;
  const channel: OutreachChannel =
    (templateChannel && (templateChannel !== 'rapport' || rapport) ? templateChannel : null) ??
    (rapport
      ? 'rapport'
      : person.emails.length > 0
        ? ctx.mailer
          ? 'email'
          : 'mailto'
        : person.linkedinUrl
          ? 'linkedin'
          : 'other');
  const purposeId =
    row.purpose_id ?? template?.purpose_id ?? (purposes.length === 1 ? (purposes[0]?.id ?? null) : null);
  const purposeName =
    row.purpose_name ?? purposes.find((p) => p.id === purposeId)?.name ?? template?.purpose_name ?? null;
  const first = messages.find((m) => m.kind === 'first' && m.status === 'sent');
  const subject =
    kind === 'follow-up'
      ? first?.subject
        ? `Re: ${first.subject.replace(/^re:\s*/i, '')}`
        : null
      : (template?.subject ?? (channel === 'email' || channel === 'mailto' ? 'Great to be connected' : null));
  const me = await accountName(ctx.db, ownerId);
  const written = row.state === 'queued' ? await writtenOutsideOf(ctx.db, ownerId, [itemId]) : undefined;
  return {
    ...toItem(row, await ownerToday(ctx, ownerId), messages.at(-1), written?.get(itemId) ?? null),
    person: {
      emails: person.emails,
      linkedinUrl: person.linkedinUrl,
      location: person.contact.location,
      howWeMet: person.contact.how_we_met,
    },
    invitation: invitation
      ? { direction: invitation.direction, message: invitation.message, sentOn: invitation.sent_on }
      : null,
    purposes,
    suggestion: {
      templateId: template?.id ?? null,
      kind,
      channel,
      subject,
      body: kind === 'follow-up' ? FOLLOW_UP_DRAFT : (template?.body ?? BLANK_DRAFT),
      purposeId,
    },
    mergeValues: mergeValuesOf(person.contact, me, purposeName),
    rapport: rapport ? { account: rapport } : null,
    messages: messages.map(toMessage),
  };
}
