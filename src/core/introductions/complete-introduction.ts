import type { SharedDetails, ShareKind } from '../../contracts/introductions';
import { phoneRegionOf } from '../agenda/agenda.queries';
import { buildChannels, channelKey } from '../contacts/channels';
import { channelsOf, findContact, updateContact } from '../contacts/contact.queries';
import { createContact } from '../contacts/create-contact';
import { reindexContacts } from '../contacts/reindex-contacts';
import { actingAs, type Ctx, nowIso } from '../context';
import type { ContactChannelTable, IntroductionTable } from '../db/schema';
import { notFound, validationError } from '../errors';
import { recordFavour } from '../favours/record-favour';
import { insertChannels } from '../imports/import.queries';
import { recordInteraction } from '../interactions/record-interaction';
import type { MailMessage } from '../mail/mailer';
import { contactMatchingAccount } from '../network/account-match.queries';
import { contactStandingFor } from './contact-standing-for';
import { introducedMail } from './intro-mail';
import { accountsByIds, patchIntroduction, updateIntroductionIf } from './introduction.queries';
import { shareOptionsOf } from './target';

/**
 * The person said yes: everything that follows happens in the caller's transaction. The requester receives exactly
 * what the person chose to share ("Introduced by <broker>"): added beside what is there on the contact they already
 * have for the person (the one standing for the person's account, else one holding the shared address or profile),
 * else on a new contact. Each party that is an account gets the introduction logged on the contacts that stand for
 * the others; the favour (the broker helped the requester) is recorded on both sides, on the contact that stands for
 * the other account (contactStandingFor: the connection's, created if need be; skipped only when they are no longer
 * connected and no contact matches). Returns the three-way e-mails to send after commit. `share` naming something
 * the person does not have is a `validation` error on `share.N`.
 */
export async function completeIntroduction(
  tx: Ctx,
  row: IntroductionTable,
  share: ShareKind[],
  expect: { tokenHash?: string },
): Promise<MailMessage[]> {
  const now = nowIso(tx);
  const options = await shareOptionsOf(tx, row);
  share.forEach((kind, i) => {
    if (!options.some((o) => o.kind === kind)) {
      throw validationError(`share.${i}`, `there is no ${kind} to share`);
    }
  });
  const pick = (kind: ShareKind) =>
    share.includes(kind) ? (options.find((o) => o.kind === kind)?.value ?? null) : null;
  const shared: SharedDetails = { email: pick('email'), phone: pick('phone'), linkedinUrl: pick('linkedin') };
  const moved = await updateIntroductionIf(
    tx.db,
    row.id,
    { states: ['awaiting-target'], ...expect },
    {
      state: 'introduced',
      shared: JSON.stringify(shared),
      target_decided_at: now,
      closed_at: now,
      ...(expect.tokenHash ? { token_used_at: now } : {}),
      updated_at: now,
    },
  );
  if (!moved) throw notFound('introduction');

  const accounts = await accountsByIds(
    tx.db,
    [row.requester_id, row.broker_id, row.target_account_id].filter((x): x is string => x !== null),
  );
  const requester = accounts.get(row.requester_id) ?? { name: 'Someone', email: '' };
  const brokerName = accounts.get(row.broker_id)?.name ?? 'Someone';
  const summary = `Introduction: ${requester.name} and ${row.target_name}, by ${brokerName}`;

  // The requester: the contact they already have for the person, or a new one, with exactly what was shared; and
  // the introduction on it and on the broker. As on the person's side, the contact standing for their account
  // comes first (the connection's, else one with its verified address), then one holding what they shared.
  const asRequester = actingAs(tx, row.requester_id);
  const howWeMet = `Introduced by ${brokerName}`;
  const known =
    (row.target_account_id ? await contactStandingFor(tx, row.requester_id, row.target_account_id) : null) ??
    (await contactHolding(tx, row.requester_id, shared));
  const contact = known
    ? { id: await addShared(tx, row.requester_id, known, shared, howWeMet) }
    : await createContact(
        asRequester,
        {
          displayName: row.target_name,
          emails: shared.email ? [{ value: shared.email }] : [],
          phones: shared.phone ? [{ value: shared.phone }] : [],
          urls: shared.linkedinUrl ? [{ value: shared.linkedinUrl }] : [],
          howWeMet,
        },
        'introduction',
      );
  await patchIntroduction(tx.db, row.id, { requester_contact_id: contact.id, updated_at: now });
  const requesterBroker = await contactStandingFor(tx, row.requester_id, row.broker_id);
  const requesterLog = await recordInteraction(
    asRequester,
    { kind: 'email', direction: 'mutual', contactIds: [contact.id, requesterBroker].filter(isId), summary },
    'introduction',
  );
  if (requesterBroker) {
    await recordFavour(
      asRequester,
      {
        contactId: requesterBroker,
        direction: 'received',
        what: `Introduced me to ${row.target_name}`,
        size: 2,
        interactionId: requesterLog.id,
      },
      'introduction',
    );
  }

  // The broker: the introduction on the person and on the requester; the favour given.
  const asBroker = actingAs(tx, row.broker_id);
  const brokerTarget =
    row.broker_contact_id && (await findContact(tx.db, row.broker_id, row.broker_contact_id))
      ? row.broker_contact_id
      : null;
  const brokerRequester = await contactStandingFor(tx, row.broker_id, row.requester_id);
  const brokerIds = [brokerTarget, brokerRequester].filter(isId);
  if (brokerIds.length > 0) {
    const brokerLog = await recordInteraction(
      asBroker,
      { kind: 'email', direction: 'mutual', contactIds: brokerIds, summary },
      'introduction',
    );
    if (brokerRequester) {
      await recordFavour(
        asBroker,
        {
          contactId: brokerRequester,
          direction: 'given',
          what: `Introduced ${requester.name} to ${row.target_name}`,
          size: 2,
          interactionId: brokerLog.id,
        },
        'introduction',
      );
    }
  }

  // The person, when they have an account and a contact for the requester.
  if (row.target_account_id) {
    const targetRequester = await contactStandingFor(tx, row.target_account_id, row.requester_id);
    if (targetRequester) {
      await recordInteraction(
        actingAs(tx, row.target_account_id),
        { kind: 'email', direction: 'mutual', contactIds: [targetRequester], summary },
        'introduction',
      );
    }
  }

  const broker = accounts.get(row.broker_id);
  const targetAddress = row.target_account_id
    ? accounts.get(row.target_account_id)?.email
    : (row.target_email ?? undefined);
  const targetName = row.target_account_id
    ? (accounts.get(row.target_account_id)?.name ?? row.target_name)
    : row.target_name;
  const content = {
    requester,
    brokerName,
    targetName: row.target_name,
    why: row.why,
    shared,
    offered: row.ask_id !== null,
  };
  return [
    requester.email
      ? introducedMail({ name: requester.name, address: requester.email }, 'requester', content)
      : null,
    broker ? introducedMail({ name: broker.name, address: broker.email }, 'broker', content) : null,
    targetAddress ? introducedMail({ name: targetName, address: targetAddress }, 'target', content) : null,
  ].filter((m): m is MailMessage => m !== null);
}

const isId = (x: string | null): x is string => x !== null;

/** The owner's live contact holding the shared e-mail address, else the shared LinkedIn profile (matching keys). */
async function contactHolding(tx: Ctx, ownerId: string, shared: SharedDetails): Promise<string | null> {
  const verifiedEmail = shared.email ? channelKey('email', shared.email, null) : null;
  const linkedinUrl = shared.linkedinUrl ? channelKey('url', shared.linkedinUrl, null) : null;
  if (!verifiedEmail && !linkedinUrl) return null;
  // The same lookup as for an account's identity: the address (then the profile) on a live contact, oldest first.
  return (
    (await contactMatchingAccount(tx.db, ownerId, { id: '', name: '', verifiedEmail, linkedinUrl })) ?? null
  );
}

/**
 * Adds what was shared to the owner's existing contact: each channel it does not hold yet goes after its own, and
 * "Introduced by …" fills an empty how-we-met. Nothing the owner wrote is replaced. Returns the contact id.
 */
async function addShared(
  tx: Ctx,
  ownerId: string,
  contactId: string,
  shared: SharedDetails,
  howWeMet: string,
): Promise<string> {
  const now = nowIso(tx);
  const current = await findContact(tx.db, ownerId, contactId);
  if (!current) throw notFound('contact');
  const previous = await channelsOf(tx.db, ownerId, [contactId]);
  const region = shared.phone ? await phoneRegionOf(tx.db, ownerId) : null;
  const added: ContactChannelTable[] = [];
  for (const [kind, value] of [
    ['email', shared.email],
    ['phone', shared.phone],
    ['url', shared.linkedinUrl],
  ] as const) {
    if (!value) continue;
    const [channel] = buildChannels(
      tx.ids,
      ownerId,
      contactId,
      { [kind]: [{ value }] },
      [],
      'introduction',
      region,
    );
    const own = previous.filter((c) => c.kind === kind);
    if (!channel || own.some((c) => c.value_norm !== null && c.value_norm === channel.value_norm)) continue;
    added.push({ ...channel, position: Math.max(-1, ...own.map((c) => c.position)) + 1 });
  }
  await insertChannels(tx.db, added);
  if (!current.how_we_met?.trim()) await updateContact(tx.db, ownerId, contactId, { how_we_met: howWeMet });
  await reindexContacts(tx, ownerId, [contactId], { updatedAt: now });
  return contactId;
}
