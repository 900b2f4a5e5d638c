import { fixedClock } from '../src/core/clock';
import { silentLog } from '../src/core/context';
import { uuidIds } from '../src/core/ids';
import { runImport } from '../src/core/imports/run-import';
import { emptyPerson } from '../src/formats/model';
import { testSettings } from './engines';
import type { Client, TestServer } from './http';
import { markEmailVerified, seedConnection } from './network';

/**
 * Every API route once, with what it needs to be called as a real user would (shared by the route tests that sweep
 * the whole API: access control, hostile input). `src/server/routes/access.test.ts` checks the table against the
 * OpenAPI document, so a new route cannot be added without joining it.
 */

function baseCtx(server: TestServer) {
  const h = server.handle();
  return {
    db: h.db,
    engine: h.engine,
    actor: null,
    clock: fixedClock(new Date()),
    ids: uuidIds,
    log: silentLog,
    settings: testSettings,
    mailer: null,
  };
}

export type Owned =
  | 'contact'
  | 'trashedContact'
  | 'organisation'
  | 'trashedOrganisation'
  | 'tag'
  | 'trashedTag'
  | 'token'
  | 'merge'
  | 'orgMerge'
  | 'import'
  | 'interaction'
  | 'trashedInteraction'
  | 'favour'
  | 'trashedFavour'
  | 'promise'
  | 'trashedPromise'
  | 'feed'
  | 'purpose'
  | 'trashedPurpose'
  | 'purposeItem'
  | 'introduction'
  | 'introBroker'
  | 'introContact'
  | 'ask'
  | 'outreachItem'
  | 'outreachTemplate'
  | 'connection'
  | 'invite'
  | 'signupInvite'
  | 'session';

export interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** A body, or one built from the ids of the owner's resources (`theirs`) and the caller's own (`mine`). */
  body?: unknown | ((theirs: Record<Owned, string>, mine: Record<Owned, string>) => unknown);
  public?: boolean;
  /** Which of the owner's resources `:id` (or the body) stands for. */
  owned?: Owned;
  /** What a foreign id answers (404 for paths; ids inside a body are a 400 on the field), same as a missing one. */
  foreignStatus?: number;
  /** A query string for GET routes (`:id` stands for the owned resource there too). */
  query?: string;
}

export const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/v1/health', public: true },
  { method: 'GET', path: '/api/v1/setup', public: true },
  { method: 'POST', path: '/api/v1/auth/signup', public: true },
  { method: 'POST', path: '/api/v1/auth/signup/confirm', public: true },
  { method: 'POST', path: '/api/v1/auth/login', public: true },
  { method: 'POST', path: '/api/v1/auth/logout', public: true },
  { method: 'GET', path: '/api/v1/auth/session' },
  { method: 'GET', path: '/api/v1/auth/sessions' },
  { method: 'DELETE', path: '/api/v1/auth/sessions/:id', owned: 'session' },
  { method: 'POST', path: '/api/v1/auth/sessions/end-others' },
  {
    method: 'POST',
    path: '/api/v1/auth/password',
    body: { currentPassword: 'x', newPassword: 'yyyyyyyyyy' },
  },
  // A wrong password: the sweeps must never delete the account they run as.
  { method: 'DELETE', path: '/api/v1/account', body: { password: 'not the password' } },
  { method: 'GET', path: '/api/v1/tokens' },
  { method: 'POST', path: '/api/v1/tokens', body: { name: 'x' } },
  { method: 'DELETE', path: '/api/v1/tokens/:id', owned: 'token' },
  { method: 'POST', path: '/api/v1/invites', body: {} },
  { method: 'GET', path: '/api/v1/invites' },
  { method: 'DELETE', path: '/api/v1/invites/:id', owned: 'signupInvite' },
  { method: 'POST', path: '/api/v1/invites/inspect', public: true },
  { method: 'GET', path: '/api/v1/contacts' },
  { method: 'POST', path: '/api/v1/contacts', body: { displayName: 'X' } },
  { method: 'GET', path: '/api/v1/contacts/:id', owned: 'contact' },
  { method: 'PATCH', path: '/api/v1/contacts/:id', body: { notes: 'x' }, owned: 'contact' },
  { method: 'DELETE', path: '/api/v1/contacts/:id', owned: 'contact' },
  { method: 'POST', path: '/api/v1/contacts/:id/restore', owned: 'trashedContact' },
  { method: 'GET', path: '/api/v1/contacts/count', query: '?q=owned' },
  { method: 'GET', path: '/api/v1/organisations' },
  { method: 'POST', path: '/api/v1/organisations', body: { name: 'X' } },
  { method: 'GET', path: '/api/v1/organisations/:id', owned: 'organisation' },
  { method: 'GET', path: '/api/v1/organisations/:id/past-people', owned: 'organisation' },
  { method: 'PATCH', path: '/api/v1/organisations/:id', body: { notes: 'x' }, owned: 'organisation' },
  { method: 'DELETE', path: '/api/v1/organisations/:id', owned: 'organisation' },
  { method: 'POST', path: '/api/v1/organisations/:id/restore', owned: 'trashedOrganisation' },
  {
    method: 'POST',
    path: '/api/v1/organisations/:id/merge',
    body: (_t: unknown, mine: Record<Owned, string>) => ({ into: mine.organisation }),
    owned: 'organisation',
  },
  { method: 'POST', path: '/api/v1/organisations/merges/:id/undo', owned: 'orgMerge' },
  { method: 'GET', path: '/api/v1/organisations/duplicates' },
  {
    method: 'POST',
    path: '/api/v1/organisations/duplicates/dismiss',
    body: (theirs: Record<Owned, string>, mine: Record<Owned, string>) => ({
      a: mine.organisation,
      b: theirs.organisation,
    }),
    owned: 'organisation',
  },
  { method: 'GET', path: '/api/v1/tags' },
  { method: 'POST', path: '/api/v1/tags', body: { name: 'x' } },
  { method: 'GET', path: '/api/v1/tags/:id', owned: 'tag' },
  { method: 'PATCH', path: '/api/v1/tags/:id', body: { name: 'renamed' }, owned: 'tag' },
  {
    method: 'POST',
    path: '/api/v1/tags/:id/merge',
    body: (_t: unknown, mine: Record<Owned, string>) => ({ into: mine.tag }),
    owned: 'tag',
  },
  { method: 'DELETE', path: '/api/v1/tags/:id', owned: 'tag' },
  { method: 'POST', path: '/api/v1/tags/:id/restore', owned: 'trashedTag' },
  {
    method: 'POST',
    path: '/api/v1/contacts/tags',
    body: (theirs: Record<Owned, string>) => ({ ids: [theirs.contact], add: ['x'] }),
    owned: 'contact',
    foreignStatus: 400,
  },
  { method: 'GET', path: '/api/v1/trash' },
  { method: 'GET', path: '/api/v1/trash/contacts', query: '?import=:id', owned: 'import' },
  { method: 'GET', path: '/api/v1/trash/interactions' },
  { method: 'GET', path: '/api/v1/trash/favours' },
  { method: 'GET', path: '/api/v1/trash/promises' },
  {
    method: 'POST',
    path: '/api/v1/trash/contacts/restore',
    body: (theirs: Record<Owned, string>) => ({ ids: [theirs.trashedContact] }),
    owned: 'trashedContact',
    foreignStatus: 400,
  },
  { method: 'GET', path: '/api/v1/contacts/:id/photo', owned: 'contact' },
  { method: 'GET', path: '/api/v1/duplicates' },
  {
    method: 'POST',
    path: '/api/v1/duplicates/dismiss',
    body: (theirs: Record<Owned, string>, mine: Record<Owned, string>) => ({
      a: mine.contact,
      b: theirs.contact,
    }),
    owned: 'contact',
  },
  { method: 'GET', path: '/api/v1/merges' },
  {
    method: 'POST',
    path: '/api/v1/merges',
    body: (theirs: Record<Owned, string>, mine: Record<Owned, string>) => ({
      keep: mine.contact,
      merge: theirs.contact,
    }),
    owned: 'contact',
  },
  { method: 'POST', path: '/api/v1/merges/:id/undo', owned: 'merge' },
  { method: 'GET', path: '/api/v1/imports' },
  { method: 'GET', path: '/api/v1/imports/:id', owned: 'import' },
  { method: 'GET', path: '/api/v1/imports/:id/issues.csv', owned: 'import' },
  { method: 'POST', path: '/api/v1/imports/:id/undo', owned: 'import' },
  { method: 'GET', path: '/api/v1/exports/backup' },
  { method: 'POST', path: '/api/v1/imports/backup', body: {} },
  { method: 'POST', path: '/api/v1/imports' },
  { method: 'GET', path: '/api/v1/exports/vcard' },
  { method: 'GET', path: '/api/v1/exports/csv' },
  { method: 'GET', path: '/api/v1/invitations' },
  { method: 'GET', path: '/api/v1/interactions' },
  {
    method: 'POST',
    path: '/api/v1/interactions',
    body: (theirs: Record<Owned, string>) => ({ kind: 'meeting', contactIds: [theirs.contact] }),
    owned: 'contact',
    foreignStatus: 400,
  },
  { method: 'PATCH', path: '/api/v1/interactions/:id', body: { summary: 'x' }, owned: 'interaction' },
  { method: 'DELETE', path: '/api/v1/interactions/:id', owned: 'interaction' },
  { method: 'POST', path: '/api/v1/interactions/:id/restore', owned: 'trashedInteraction' },
  { method: 'GET', path: '/api/v1/contacts/:id/relationship', owned: 'contact' },
  { method: 'GET', path: '/api/v1/contacts/:id/outreach', owned: 'contact' },
  { method: 'PATCH', path: '/api/v1/contacts/:id/relationship', body: { closeness: 3 }, owned: 'contact' },
  { method: 'PUT', path: '/api/v1/tags/:id/cadence', body: { cadenceDays: 30 }, owned: 'tag' },
  { method: 'POST', path: '/api/v1/relationships/recompute' },
  { method: 'GET', path: '/api/v1/relationships/lapsed' },
  { method: 'GET', path: '/api/v1/favours' },
  { method: 'GET', path: '/api/v1/favours/balance' },
  {
    method: 'POST',
    path: '/api/v1/favours',
    body: (theirs: Record<Owned, string>) => ({ contactId: theirs.contact, direction: 'given', what: 'x' }),
    owned: 'contact',
    foreignStatus: 400,
  },
  { method: 'PATCH', path: '/api/v1/favours/:id', body: { what: 'x' }, owned: 'favour' },
  { method: 'DELETE', path: '/api/v1/favours/:id', owned: 'favour' },
  { method: 'POST', path: '/api/v1/favours/:id/restore', owned: 'trashedFavour' },
  { method: 'GET', path: '/api/v1/promises' },
  { method: 'GET', path: '/api/v1/promises/stats' },
  {
    method: 'POST',
    path: '/api/v1/promises',
    body: (theirs: Record<Owned, string>) => ({
      contactId: theirs.contact,
      direction: 'mine',
      what: 'x',
      dueOn: '2030-01-01',
    }),
    owned: 'contact',
    foreignStatus: 400,
  },
  { method: 'PATCH', path: '/api/v1/promises/:id', body: { status: 'kept' }, owned: 'promise' },
  { method: 'DELETE', path: '/api/v1/promises/:id', owned: 'promise' },
  { method: 'POST', path: '/api/v1/promises/:id/restore', owned: 'trashedPromise' },
  { method: 'GET', path: '/api/v1/today' },
  {
    method: 'POST',
    path: '/api/v1/today/actions',
    body: { key: 'keep-in-touch:x:2026-01-01', action: 'done' },
  },
  { method: 'GET', path: '/api/v1/settings' },
  { method: 'PATCH', path: '/api/v1/settings', body: { todayLimit: 5 } },
  { method: 'GET', path: '/api/v1/profile' },
  { method: 'PATCH', path: '/api/v1/profile', body: { offers: ['x'] } },
  { method: 'GET', path: '/api/v1/charts' },
  { method: 'GET', path: '/api/v1/feeds' },
  { method: 'POST', path: '/api/v1/feeds', body: { name: 'x' } },
  { method: 'DELETE', path: '/api/v1/feeds/:id', owned: 'feed' },
  { method: 'GET', path: '/api/v1/purposes' },
  { method: 'POST', path: '/api/v1/purposes', body: { name: 'x' } },
  { method: 'GET', path: '/api/v1/purposes/:id', owned: 'purpose' },
  { method: 'PATCH', path: '/api/v1/purposes/:id', body: { name: 'renamed' }, owned: 'purpose' },
  { method: 'POST', path: '/api/v1/purposes/:id/archive', owned: 'purpose' },
  { method: 'POST', path: '/api/v1/purposes/:id/unarchive', owned: 'purpose' },
  { method: 'DELETE', path: '/api/v1/purposes/:id', owned: 'purpose' },
  { method: 'POST', path: '/api/v1/purposes/:id/restore', owned: 'trashedPurpose' },
  {
    method: 'POST',
    path: '/api/v1/purposes/:id/items',
    body: (_t: unknown, mine: Record<Owned, string>) => ({ contactIds: [mine.contact] }),
    owned: 'purpose',
  },
  { method: 'PATCH', path: '/api/v1/purposes/:id/items/:itemId', body: { note: 'x' }, owned: 'purposeItem' },
  {
    method: 'POST',
    path: '/api/v1/purposes/:id/items/:itemId/move',
    body: { stageId: 'met' },
    owned: 'purposeItem',
  },
  { method: 'DELETE', path: '/api/v1/purposes/:id/items/:itemId', owned: 'purposeItem' },
  { method: 'GET', path: '/api/v1/purposes/:id/items/:itemId/moves', owned: 'purposeItem' },
  { method: 'GET', path: '/api/v1/contacts/:id/purposes', owned: 'contact' },
  { method: 'GET', path: '/api/v1/network/search', query: '?q=acme' },
  {
    method: 'POST',
    path: '/api/v1/introductions',
    body: (theirs: Record<Owned, string>) => ({
      brokerId: theirs.introBroker,
      contactId: theirs.introContact,
      why: 'A reason that is long enough',
    }),
    owned: 'introContact',
  },
  { method: 'GET', path: '/api/v1/introductions' },
  { method: 'GET', path: '/api/v1/introductions/:id', owned: 'introduction' },
  { method: 'PATCH', path: '/api/v1/introductions/:id', body: { outcome: 'x' }, owned: 'introduction' },
  {
    method: 'POST',
    path: '/api/v1/introductions/:id/broker-decision',
    body: { decision: 'decline' },
    owned: 'introduction',
  },
  {
    method: 'POST',
    path: '/api/v1/introductions/:id/target-decision',
    body: { decision: 'decline' },
    owned: 'introduction',
  },
  { method: 'POST', path: '/api/v1/introductions/:id/withdraw', owned: 'introduction' },
  { method: 'GET', path: '/api/v1/asks' },
  { method: 'POST', path: '/api/v1/asks', body: { title: 'A need' } },
  { method: 'GET', path: '/api/v1/asks/:id', owned: 'ask' },
  { method: 'POST', path: '/api/v1/asks/:id/answers', body: { kind: 'help', note: 'x' }, owned: 'ask' },
  { method: 'POST', path: '/api/v1/asks/:id/close', body: {}, owned: 'ask' },
  { method: 'DELETE', path: '/api/v1/asks/:id', owned: 'ask' },
  { method: 'GET', path: '/api/v1/network/paths', query: '?contactId=:id', owned: 'contact' },
  // Connections, profiles, messages, sharing, access log: another account (introBroker, a connection of the
  // owner's) is as unknown to the intruder as a missing id.
  { method: 'GET', path: '/api/v1/network/me' },
  { method: 'POST', path: '/api/v1/network/email-verification' },
  { method: 'POST', path: '/api/v1/network/email-verification/confirm', body: { token: 'x'.repeat(32) } },
  { method: 'GET', path: '/api/v1/network/connections' },
  { method: 'GET', path: '/api/v1/network/connections/:id', owned: 'connection' },
  { method: 'POST', path: '/api/v1/network/connections/:id/accept', owned: 'connection' },
  { method: 'POST', path: '/api/v1/network/connections/:id/decline', owned: 'connection' },
  { method: 'DELETE', path: '/api/v1/network/connections/:id', owned: 'connection' },
  {
    method: 'POST',
    path: '/api/v1/network/invites',
    body: (theirs: Record<Owned, string>) => ({ contactId: theirs.contact }),
    owned: 'contact',
  },
  { method: 'GET', path: '/api/v1/network/invites' },
  { method: 'DELETE', path: '/api/v1/network/invites/:id', owned: 'invite' },
  { method: 'POST', path: '/api/v1/network/invites/inspect', public: true },
  { method: 'POST', path: '/api/v1/network/invites/accept', body: { token: 'x'.repeat(32) } },
  {
    method: 'GET',
    path: '/api/v1/network/on-rapport',
    query: '?contactIds=:id',
    owned: 'contact',
    foreignStatus: 200,
  },
  { method: 'GET', path: '/api/v1/network/profiles/:id', owned: 'introBroker' },
  { method: 'GET', path: '/api/v1/network/messages' },
  { method: 'GET', path: '/api/v1/network/messages/:id', owned: 'introBroker' },
  { method: 'POST', path: '/api/v1/network/messages/:id', body: { body: 'Hello' }, owned: 'introBroker' },
  { method: 'POST', path: '/api/v1/network/messages/:id/read', owned: 'introBroker' },
  { method: 'GET', path: '/api/v1/network/sharing' },
  { method: 'PATCH', path: '/api/v1/network/sharing', body: { shareTier: true } },
  {
    method: 'PUT',
    path: '/api/v1/network/sharing/tags',
    body: (theirs: Record<Owned, string>) => ({ tagIds: [theirs.tag], findable: true }),
    owned: 'tag',
    foreignStatus: 400,
  },
  {
    method: 'PUT',
    path: '/api/v1/network/sharing/contacts',
    body: (theirs: Record<Owned, string>) => ({ contactIds: [theirs.contact], share: 'findable' }),
    owned: 'contact',
    foreignStatus: 400,
  },
  {
    method: 'GET',
    path: '/api/v1/network/sharing/contacts',
    query: '?contactIds=:id',
    owned: 'contact',
    foreignStatus: 200,
  },
  { method: 'GET', path: '/api/v1/network/access-log' },
  { method: 'GET', path: '/api/v1/network/graph' },
  { method: 'GET', path: '/api/v1/outreach/queue' },
  {
    method: 'POST',
    path: '/api/v1/outreach/items',
    body: (theirs: Record<Owned, string>) => ({ contactIds: [theirs.contact] }),
    owned: 'contact',
    foreignStatus: 400,
  },
  { method: 'GET', path: '/api/v1/outreach/items/:id', owned: 'outreachItem' },
  { method: 'POST', path: '/api/v1/outreach/items/:id/dismiss', owned: 'outreachItem' },
  { method: 'POST', path: '/api/v1/outreach/items/:id/restore', owned: 'outreachItem' },
  {
    method: 'POST',
    path: '/api/v1/outreach/items/:id/preview',
    body: { channel: 'other', body: 'x' },
    owned: 'outreachItem',
  },
  {
    method: 'POST',
    path: '/api/v1/outreach/items/:id/send',
    body: { channel: 'email', subject: 'x', body: 'x', sendKey: 'access-send-1' },
    owned: 'outreachItem',
  },
  {
    method: 'POST',
    path: '/api/v1/outreach/items/:id/mark-sent',
    body: { channel: 'other', body: 'x', sendKey: 'access-mark-1' },
    owned: 'outreachItem',
  },
  {
    method: 'POST',
    path: '/api/v1/outreach/items/:id/undo-sent',
    body: { messageId: '01900000-0000-7000-8000-000000000000' },
    owned: 'outreachItem',
  },
  { method: 'POST', path: '/api/v1/outreach/items/:id/replied', body: {}, owned: 'outreachItem' },
  { method: 'POST', path: '/api/v1/outreach/items/:id/skip-follow-up', owned: 'outreachItem' },
  { method: 'GET', path: '/api/v1/outreach/templates' },
  { method: 'POST', path: '/api/v1/outreach/templates', body: { name: 'x', body: 'y' } },
  { method: 'PATCH', path: '/api/v1/outreach/templates/:id', body: { name: 'x' }, owned: 'outreachTemplate' },
  { method: 'DELETE', path: '/api/v1/outreach/templates/:id', owned: 'outreachTemplate' },
  { method: 'GET', path: '/api/v1/outreach/stats' },
  { method: 'GET', path: '/api/v1/outreach/replies' },
];

export async function ownedResources(server: TestServer, owner: Client & { accountId: string }) {
  const contact = await owner.post('/api/v1/contacts', {
    displayName: 'Owned Person',
    organisation: 'Owned Org',
  });
  const trashedContact = await owner.post('/api/v1/contacts', { displayName: 'Trashed Person' });
  await owner.delete(`/api/v1/contacts/${trashedContact.body.id}`);
  const organisation = await owner.post('/api/v1/organisations', { name: 'Owned Org 2' });
  const trashedOrganisation = await owner.post('/api/v1/organisations', { name: 'Trashed Org' });
  await owner.delete(`/api/v1/organisations/${trashedOrganisation.body.id}`);
  const keptOrganisation = await owner.post('/api/v1/organisations', { name: 'Kept Org' });
  const mergedOrganisation = await owner.post('/api/v1/organisations', { name: 'Merged Org' });
  const orgMerge = await owner.post(`/api/v1/organisations/${mergedOrganisation.body.id}/merge`, {
    into: keptOrganisation.body.id,
  });
  const tag = await owner.post('/api/v1/tags', { name: 'owned-tag' });
  const trashedTag = await owner.post('/api/v1/tags', { name: 'trashed-tag' });
  await owner.delete(`/api/v1/tags/${trashedTag.body.id}`);
  const token = await owner.post('/api/v1/tokens', { name: 'owned' });
  const twin = await owner.post('/api/v1/contacts', { displayName: 'Twin' });
  const merge = await owner.post('/api/v1/merges', { keep: contact.body.id, merge: twin.body.id });
  const interaction = await owner.post('/api/v1/interactions', {
    kind: 'call',
    contactIds: [contact.body.id],
    answered: true,
  });
  const favour = await owner.post('/api/v1/favours', {
    contactId: contact.body.id,
    direction: 'received',
    what: 'Lent me a book',
  });
  const promise = await owner.post('/api/v1/promises', {
    contactId: contact.body.id,
    direction: 'mine',
    what: 'Return the book',
    dueOn: '2030-01-01',
  });
  // One of each removed, for the routes that bring them back.
  const trashedInteraction = await owner.post('/api/v1/interactions', {
    kind: 'note',
    contactIds: [contact.body.id],
  });
  await owner.delete(`/api/v1/interactions/${trashedInteraction.body.id}`);
  const trashedFavour = await owner.post('/api/v1/favours', {
    contactId: contact.body.id,
    direction: 'given',
    what: 'Removed favour',
  });
  await owner.delete(`/api/v1/favours/${trashedFavour.body.id}`);
  const trashedPromise = await owner.post('/api/v1/promises', {
    contactId: contact.body.id,
    direction: 'theirs',
    what: 'Removed promise',
    dueOn: '2030-01-01',
  });
  await owner.delete(`/api/v1/promises/${trashedPromise.body.id}`);
  const feed = await owner.post('/api/v1/feeds', { name: 'Owned feed' });
  const purpose = await owner.post('/api/v1/purposes', { name: 'Owned purpose' });
  const placed = await owner.post(`/api/v1/purposes/${purpose.body.id}/items`, {
    contactIds: [contact.body.id],
  });
  const trashedPurpose = await owner.post('/api/v1/purposes', { name: 'Trashed purpose' });
  await owner.delete(`/api/v1/purposes/${trashedPurpose.body.id}`);
  // A request to a connection (the broker) about one of the broker's findable contacts, and an ask.
  const broker = await server.user('Broker');
  const connection = await seedConnection(server.handle().db, owner.accountId, broker.accountId);
  // The person has a verified account: asked in the app, so the request needs no mail server (ADR 15).
  const person = await server.user('Known Person');
  await markEmailVerified(server.handle().db, person.accountId);
  const known = await broker.post('/api/v1/contacts', {
    displayName: 'Known Person',
    emails: [{ value: person.email }],
  });
  await server
    .handle()
    .db.updateTable('contacts')
    .set({ share: 'findable' })
    .where('id', '=', known.body.id)
    .execute();
  const introduction = await owner.post('/api/v1/introductions', {
    brokerId: broker.accountId,
    contactId: known.body.id,
    why: 'An owned introduction request',
  });
  const ask = await owner.post('/api/v1/asks', { title: 'An owned ask' });
  const invite = await owner.post('/api/v1/network/invites', {});
  const signupInvite = await owner.post('/api/v1/invites', {});
  // The browser session this client is signed in with.
  const session = (await owner.get('/api/v1/auth/sessions')).body.items?.[0];
  await owner.post('/api/v1/outreach/items', { contactIds: [contact.body.id] });
  const outreachItem = (await owner.get('/api/v1/outreach/queue')).body.items[0];
  const outreachTemplate = await owner.post('/api/v1/outreach/templates', {
    name: 'Owned template',
    body: 'Hi',
  });
  const ctx = { ...baseCtx(server), actor: { accountId: owner.accountId } };
  const imported = await runImport(ctx, {
    kind: 'csv',
    fileName: 'owned.csv',
    issues: [{ ref: { file: 'owned.csv', line: 2 }, message: 'bad row', severity: 'error' }],
    people: [{ ...emptyPerson({ file: 'owned.csv', line: 3 }), displayName: 'Imported Person' }],
    dryRun: false,
  });
  const ids = {
    contact: contact.body.id,
    trashedContact: trashedContact.body.id,
    organisation: organisation.body.id,
    trashedOrganisation: trashedOrganisation.body.id,
    tag: tag.body.id,
    trashedTag: trashedTag.body.id,
    token: token.body.id,
    merge: merge.body.mergeId,
    orgMerge: orgMerge.body.mergeId,
    import: imported.id,
    interaction: interaction.body.id,
    trashedInteraction: trashedInteraction.body.id,
    favour: favour.body.id,
    trashedFavour: trashedFavour.body.id,
    promise: promise.body.id,
    trashedPromise: trashedPromise.body.id,
    feed: feed.body.id,
    purpose: purpose.body.id,
    trashedPurpose: trashedPurpose.body.id,
    purposeItem: placed.body.placed[0].id,
    introduction: introduction.body.id,
    introBroker: broker.accountId,
    introContact: known.body.id,
    ask: ask.body.id,
    outreachItem: outreachItem?.id,
    outreachTemplate: outreachTemplate.body.id,
    connection,
    invite: invite.body.invite?.id,
    signupInvite: signupInvite.body.id,
    session: session?.id,
  } as Record<Owned, string>;
  for (const [k, v] of Object.entries(ids))
    if (typeof v !== 'string') throw new Error(`could not create ${k}`);
  return ids;
}

/** A route's path: `:id` is the resource; an item (`:itemId`) of theirs is asked for on a purpose of mine. */
export function fillPath(
  path: string,
  theirs: Record<Owned, string>,
  mine: Record<Owned, string>,
  owned: Owned,
) {
  if (owned === 'purposeItem')
    return path.replace(':id', mine.purpose).replace(':itemId', theirs.purposeItem);
  return path.replace(':id', theirs[owned]);
}
