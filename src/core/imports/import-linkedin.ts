import { basename } from 'node:path';
import { decodeHTML } from 'entities';
import {
  describeMessageDirection,
  inferOwnerProfileUrl,
  type LinkedinExportFiles,
  type LinkedinExportInput,
  type LinkedinInvitation,
  type LinkedinMessage,
  type LinkedinProfile,
  NO_EXPORT_FILES,
  parseConnections,
  parseInvitations,
  parseMessages,
  parseProfile,
  readLinkedinExport,
} from '../../formats/linkedin';
import type { ImportedPerson, ParseIssue } from '../../formats/model';
import { accountToday } from '../agenda/account-today';
import { normaliseLinkedinUrl } from '../contacts/contact';
import { type Ctx, nowIso, requireActor } from '../context';
import { AppError } from '../errors';
import { claimMarkedLinkedinSends, type ExportedSend } from '../outreach/claim-marked-linkedin-sends';
import { detectOutreachReplies } from '../outreach/detect-outreach-replies';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { withoutNul } from '../text/without-nul';
import { applyAddressBook, cleanAddressBook, previewAddressBook, readAddressBooks } from './address-book';
import {
  existingInteractionKeys,
  existingInvitationKeys,
  findAccountProfile,
  insertChangeRows,
  insertInteractionLinks,
  insertInteractionRows,
  insertInvitations,
  saveAccountProfile,
} from './import.queries';
import type { ImportReport } from './import-report';
import { type ProgressListener, runImport } from './run-import';

const SUMMARY_MAX = 5000;

/** Message text for the interaction log: HTML tags dropped, then every entity decoded once, trimmed. */
function plainText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  // After the tags: an escaped "&lt;b&gt;" is text the sender typed, not markup.
  return decodeHTML(text)
    .replace(/\u00a0/g, ' ')
    .trim()
    .slice(0, SUMMARY_MAX);
}

/** What makes a message the same one in a later export (stored as the interaction's external key). */
const messageKey = (m: LinkedinMessage) =>
  `linkedin:${m.conversationId}:${m.sentAt}:${m.senderUrl ?? m.fromName}`;

/** What makes an invitation the same one in a later export (its natural key). */
function invitationKey(inv: LinkedinInvitation): string {
  const url = inv.direction === 'outgoing' ? inv.inviteeUrl : inv.inviterUrl;
  const name = inv.direction === 'outgoing' ? inv.toName : inv.fromName;
  return `${inv.direction}:${url ?? name.toLowerCase()}:${inv.sentOn}`;
}

/**
 * Imports a LinkedIn data export (the zip, an unzipped folder, or one of its CSV files). Connections become or
 * update contacts (keyed on the profile URL); in the same transaction every message becomes an interaction with the
 * right contact, outbound or inbound as seen from the export's owner, grouped by conversation; invitations are
 * kept with their notes; Profile.csv and Positions.csv fill the account's own profile. With `addressBook`, the
 * address books the owner uploaded to LinkedIn come in too, tagged and not as connections (address-book.ts);
 * without it they are only counted (`addressBookPeople`). Re-importing the same export adds nothing; undoing the
 * import takes all of it back.
 */
export async function importLinkedin(
  ctx: Ctx,
  input: {
    source: LinkedinExportInput;
    dryRun: boolean;
    addressBook?: boolean;
    onProgress?: ProgressListener;
  },
): Promise<ImportReport> {
  const read = await readLinkedinExport(input.source);
  if (!read.ok) {
    // The reader's message names the file already: once is enough.
    throw new AppError('validation', `file: ${read.error.message}`, {
      issues: [{ path: 'file', message: read.error.message }],
    });
  }
  const files = read.files;
  const fileName = 'bytes' in input.source ? input.source.name : input.source.path;
  const book = readAddressBooks(files);
  const withBook = input.addressBook === true && book.found;
  const issues: ParseIssue[] = [];
  let profile: LinkedinProfile | undefined;
  let profileError: ParseIssue | undefined;
  if (files.profile) {
    const parsed = parseProfile({
      profile: files.profile.bytes,
      positions: files.positions?.bytes,
      emailAddresses: files.emailAddresses?.bytes,
    });
    profile = withoutNul(parsed.records[0]);
    profileError = parsed.issues.find((i) => i.severity === 'error');
    issues.push(...parsed.issues);
  }
  // A Profile.csv that cannot be read is nothing to import: a preview of nothing but its error would offer to.
  const onlyBook = !files.connections && !files.messages && !files.invitations && !profile;
  if (onlyBook && book.found && !withBook && !input.dryRun) {
    // A preview of it says how many people it holds; importing nothing from it would be a silent no-op.
    throw new AppError(
      'validation',
      `addressBook: ${fileName} holds only the address books you uploaded to LinkedIn (${book.people.length} ${book.people.length === 1 ? 'person' : 'people'}); ask for them with the address-book option (--address-book, addressBook=true)`,
      {
        issues: [
          { path: 'addressBook', message: 'this file holds only address books: choose to import them too' },
        ],
      },
    );
  }
  if (onlyBook && !book.found) {
    const why = nothingToImport(fileName, files, profileError);
    throw new AppError('validation', `file: ${why}`, { issues: [{ path: 'file', message: why }] });
  }
  // Without the option nothing of the address books is imported, their problems included.
  const bookPeople = withBook ? cleanAddressBook(book.people) : { people: [], issues: [] };
  if (withBook) issues.push(...book.issues, ...bookPeople.issues);
  const bookCount: Record<string, number> = book.found ? { addressBookPeople: book.people.length } : {};
  let people: ImportedPerson[] = [];
  let hiddenProfiles = 0;
  if (files.connections) {
    // A Connected On after the owner's today is dropped (with a warning), as a contact's API refuses one.
    const today = await accountToday(ctx, requireActor(ctx));
    const parsed = parseConnections(files.connections.bytes, { file: files.connections.name, today });
    people = parsed.records;
    issues.push(...parsed.issues);
    hiddenProfiles = parsed.hiddenProfiles;
  }
  let messages: LinkedinMessage[] = [];
  if (files.messages) {
    const parsed = parseMessages(files.messages.bytes, { file: files.messages.name });
    // People are cleaned in runImport; the rest is stored as it is, and text cannot hold NUL.
    messages = withoutNul(parsed.records);
    issues.push(...parsed.issues);
  }
  let invitations: LinkedinInvitation[] = [];
  if (files.invitations) {
    const parsed = parseInvitations(files.invitations.bytes, { file: files.invitations.name });
    invitations = withoutNul(parsed.records);
    issues.push(...parsed.issues);
  }
  // Nobody is their own connection: in a conversation of two, the one who is not a connection is the owner.
  const connectionUrls = new Set(people.map((p) => p.sourceKey).filter((k): k is string => Boolean(k)));
  const ownerUnknown: ParseIssue = {
    ref: { file: files.messages?.name ?? 'messages.csv' },
    message: 'could not tell which side of the conversations is you, so messages were not imported',
    severity: 'warning',
  };
  /**
   * The owner's profile URL, from the conversations, this export's connections, the contacts earlier exports'
   * connections made (their `src:linkedin:<url>` key: messages.csv may come alone, after Connections.csv) and
   * the URL an earlier import found. Worked out against the same index in the preview and the commit.
   */
  const findOwnerUrl = async (
    db: Ctx['db'],
    ownerId: string,
    contactOf: (key: string) => string | undefined,
  ) => {
    if (messages.length === 0) return undefined;
    const known = (await findAccountProfile(db, ownerId))?.linkedin_url ?? undefined;
    return inferOwnerProfileUrl(messages, {
      knownOwnerUrl: known,
      isConnection: (url) => connectionUrls.has(url) || contactOf(`src:linkedin:${url}`) !== undefined,
    });
  };

  return runImport(ctx, {
    kind: 'linkedin',
    // The name, not where it lay: a path names the owner's folders to anyone who sees the history or a backup.
    fileName: basename(fileName),
    people,
    issues,
    dryRun: input.dryRun,
    onProgress: input.onProgress,
    // In the order the commit reports them; the counts are worked out against the rolodex below.
    extraPreview: { messages: 0, messagesWithoutContact: 0, invitations: 0, hiddenProfiles, ...bookCount },
    // What committing would add: messages and invitations already stored (an earlier export) are not counted.
    previewExtra: async (plan) => {
      const ownerId = ctx.actor?.accountId as string;
      const ownerUrl = await findOwnerUrl(ctx.db, ownerId, (key) => plan.index.get(key));
      const book = withBook
        ? await previewAddressBook(ctx, ownerId, bookPeople.people, plan)
        : { stats: {}, issues: [] };
      // A message counts when it is new and someone in it is a contact, now or once this import is committed.
      const people = new Set(plan.index.keys());
      for (const item of plan.items) if (item.action === 'create') for (const k of item.keys) people.add(k);
      const known = ownerUrl
        ? await existingInteractionKeys(ctx.db, ownerId, messages.map(messageKey))
        : new Set<string>();
      let fresh = 0;
      let withoutContact = 0;
      for (const m of ownerUrl ? messages : []) {
        const key = messageKey(m);
        if (known.has(key)) continue;
        known.add(key);
        const urls = describeMessageDirection(m, ownerUrl as string).counterpartUrls;
        if (urls.some((u) => people.has(`url:${normaliseLinkedinUrl(u)}`))) fresh++;
        else withoutContact++;
      }
      const knownInvites = await existingInvitationKeys(ctx.db, ownerId);
      return {
        stats: {
          ...book.stats,
          messages: fresh,
          messagesWithoutContact: withoutContact,
          invitations: new Set(invitations.map(invitationKey).filter((k) => !knownInvites.has(k))).size,
        },
        issues: messages.length > 0 && !ownerUrl ? [...book.issues, ownerUnknown] : book.issues,
      };
    },
    extra: async (tx, importId, contactByKey) => {
      const ownerId = tx.actor?.accountId as string;
      const now = nowIso(tx);
      // The address books after the connections, so that a person who is both is matched, not duplicated.
      const bookResult = withBook
        ? await applyAddressBook(tx, ownerId, importId, bookPeople.people)
        : { stats: {}, issues: [] };
      const contactOf = (url: string | undefined) => {
        const norm = url ? normaliseLinkedinUrl(url) : null;
        return norm ? contactByKey(`url:${norm}`) : undefined;
      };
      const extraIssues: ParseIssue[] = [...bookResult.issues];
      const ownerUrl = await findOwnerUrl(tx.db, ownerId, contactByKey);
      if (messages.length > 0 && !ownerUrl) extraIssues.push(ownerUnknown);

      // Messages → interactions, once each (the external key makes re-imports idempotent).
      let messagesImported = 0;
      let messagesWithoutContact = 0;
      let outreachReplies = 0;
      if (ownerUrl) {
        const known = await existingInteractionKeys(tx.db, ownerId, messages.map(messageKey));
        const rows: Parameters<typeof insertInteractionRows>[1] = [];
        const links: Parameters<typeof insertInteractionLinks>[1] = [];
        // Who wrote each inbound message: in a group, one person's answer is nobody else's reply.
        const senderOf = new Map<string, string | null>();
        type Fresh = {
          m: LinkedinMessage;
          key: string;
          direction: 'outbound' | 'inbound';
          contacts: string[];
        };
        const fresh: (Fresh & { people: number })[] = [];
        for (const m of messages) {
          const key = messageKey(m);
          if (known.has(key)) continue;
          known.add(key);
          const { direction, counterpartUrls } = describeMessageDirection(m, ownerUrl);
          const contacts = [
            ...new Set(counterpartUrls.map(contactOf).filter((c): c is string => Boolean(c))),
          ];
          if (contacts.length === 0) {
            messagesWithoutContact++;
            continue;
          }
          fresh.push({ m, key, direction, contacts, people: counterpartUrls.length });
        }
        // Our messages to one person that were marked sent from the outreach queue are already in the log.
        const sends: ExportedSend[] = [];
        for (const f of fresh) {
          const [only] = f.contacts;
          if (f.direction !== 'outbound' || f.people !== 1 || !only) continue;
          sends.push({
            key: f.key,
            conversationKey: `linkedin:${f.m.conversationId}`,
            contactId: only,
            sentAt: f.m.sentAt,
            text: plainText([f.m.subject, f.m.content].filter(Boolean).join('\n')),
          });
        }
        const claimed = await claimMarkedLinkedinSends(tx, ownerId, sends);
        const touched = new Set<string>();
        for (const { m, key, direction, contacts } of fresh) {
          messagesImported++;
          for (const c of contacts) touched.add(c);
          if (claimed.has(key)) continue;
          const id = tx.ids.next();
          rows.push({
            id,
            owner_id: ownerId,
            kind: 'message',
            occurred_at: m.sentAt,
            direction,
            answered: null,
            summary: plainText([m.subject, m.content].filter(Boolean).join('\n')) || null,
            source: 'linkedin',
            external_key: key,
            conversation_key: `linkedin:${m.conversationId}`,
            date_only: 0,
            import_id: importId,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          });
          if (direction === 'inbound') senderOf.set(id, contactOf(m.senderUrl) ?? null);
          for (const contactId of contacts)
            links.push({ owner_id: ownerId, interaction_id: id, contact_id: contactId });
        }
        await insertInteractionRows(tx.db, rows);
        await insertInteractionLinks(tx.db, links);
        // A message from someone we wrote to from the outreach queue is their reply.
        outreachReplies = await detectOutreachReplies(tx, ownerId, [...touched], senderOf);
        // Messages build relationships: recompute the people they were with.
        await refreshRelationships(tx, ownerId, [...touched]);
      }

      // Invitations, pending in either direction, with the note that came with them.
      const knownInvites = await existingInvitationKeys(tx.db, ownerId);
      const inviteRows: Parameters<typeof insertInvitations>[1] = [];
      for (const inv of invitations) {
        const url = inv.direction === 'outgoing' ? inv.inviteeUrl : inv.inviterUrl;
        const name = inv.direction === 'outgoing' ? inv.toName : inv.fromName;
        const key = invitationKey(inv);
        if (knownInvites.has(key)) continue;
        knownInvites.add(key);
        inviteRows.push({
          id: tx.ids.next(),
          owner_id: ownerId,
          contact_id: contactOf(url) ?? null,
          direction: inv.direction,
          name,
          profile_url: url ?? null,
          message: inv.message ?? null,
          sent_on: inv.sentOn,
          natural_key: key,
          import_id: importId,
          created_at: now,
        });
      }
      await insertInvitations(tx.db, inviteRows);

      // The account's own profile, kept for undo.
      if (profile) {
        const before = await findAccountProfile(tx.db, ownerId);
        await insertChangeRows(tx.db, [
          {
            id: tx.ids.next(),
            import_id: importId,
            owner_id: ownerId,
            entity: 'profile',
            entity_id: ownerId,
            action: before ? 'updated' : 'created',
            before: before ? JSON.stringify(before) : null,
          },
        ]);
        await saveAccountProfile(tx.db, {
          account_id: ownerId,
          headline: profile.headline ?? before?.headline ?? null,
          summary: profile.summary ?? before?.summary ?? null,
          industry: profile.industry ?? before?.industry ?? null,
          location: profile.location ?? before?.location ?? null,
          linkedin_url: ownerUrl ?? before?.linkedin_url ?? null,
          organisation: before?.organisation ?? null,
          show_offers: before?.show_offers ?? 0,
          show_needs: before?.show_needs ?? 0,
          websites: JSON.stringify(profile.websites.map((w) => ({ label: w.label ?? null, url: w.value }))),
          positions: JSON.stringify(
            profile.positions.map((p) => ({
              organisation: p.company,
              title: p.title ?? null,
              startedOn: p.startedOn ?? null,
              endedOn: p.finishedOn ?? null,
              description: p.description ?? null,
            })),
          ),
          offers: before?.offers ?? '[]',
          needs: before?.needs ?? '[]',
          updated_at: now,
        });
      }
      return {
        stats: {
          messages: messagesImported,
          messagesWithoutContact,
          outreachReplies,
          invitations: inviteRows.length,
          profile: profile ? 1 : 0,
          hiddenProfiles,
          ...bookCount,
          ...bookResult.stats,
        },
        issues: extraIssues,
      };
    },
  });
}

/** Why an export with none of the files that bring people cannot be imported, naming it once. */
function nothingToImport(fileName: string, files: LinkedinExportFiles, profileError?: ParseIssue): string {
  const name = basename(fileName);
  const entries = Object.values(files);
  // One CSV uploaded on its own, not a zip or a folder.
  const lone = entries.length === 1 && entries[0]?.name === fileName;
  if (files.profile && profileError) {
    const why = `${profileError.ref.line ? `line ${profileError.ref.line}: ` : ''}${profileError.message}`;
    if (lone) return `${name} cannot be read (${why})`;
    return `${name} holds no Connections.csv, messages.csv or Invitations.csv: its ${basename(files.profile.name)}, the only file left to import, cannot be read (${why})`;
  }
  if (lone) return `${name} is read only with Profile.csv: import the whole LinkedIn export zip`;
  return `${name} ${NO_EXPORT_FILES}`;
}
