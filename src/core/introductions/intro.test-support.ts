import { expect } from 'vitest';
import type { Harness } from '../../../test/engines';
import { markEmailVerified, seedConnection } from '../../../test/network';
import type { ContactCreateInput } from '../../contracts/contacts';
import { fixedClock } from '../clock';
import { createContact } from '../contacts/create-contact';
import type { Ctx, Log } from '../context';
import type { Mailer } from '../mail/mailer';
import type { ReceivedMail } from '../mail/smtp-sink.test-support';

/**
 * Distinctive private facts the broker keeps about the person: none may reach the requester, a bystander, an error
 * or a log line unless the person chose to share it (and only email, phone and LinkedIn can be shared).
 */
export const SECRET = {
  email: 'tara.x7q.private@secret-mail.example',
  phone: '+44 7700 900123',
  linkedin: 'https://www.linkedin.com/in/tara-x7q-target',
  blog: 'https://tara-private-blog.example/x7q',
  notes: 'NOTE-SECRET-x7q: going through a divorce',
  howWeMet: 'HOWWEMET-SECRET-x7q',
  custom: 'CUSTOM-SECRET-x7q',
  address: 'ADDRESS-SECRET-x7q',
} as const;

/** Every private value, for scanning what another account received. */
export const PRIVATE_VALUES: string[] = Object.values(SECRET);

export interface Party {
  id: string;
  email: string;
  name: string;
  ctx: Ctx & { clock: ReturnType<typeof fixedClock> };
}

/**
 * Three accounts on one server, sharing one clock, one mailer and one captured log: a requester and a broker who are
 * connected (each with a contact standing for the other), and a bystander connected to no one. The broker has a
 * findable contact about a person (Tara Target) holding every private value in SECRET.
 */
export async function introWorld(h: Harness, mailer: Mailer | null) {
  const clock = fixedClock('2026-11-25T09:00:00.000Z');
  const logs: string[] = [];
  const line = (obj: object, msg?: string) => {
    logs.push(`${JSON.stringify(obj)} ${msg ?? ''}`);
  };
  const log: Log = { debug: line, info: line, warn: line, error: line };
  const party = async (name: string): Promise<Party> => {
    const a = await h.account(name);
    return { id: a.id, email: a.email, name, ctx: { ...a.ctx, clock, mailer, log } };
  };
  const requester = await party('Rita Requester');
  const broker = await party('Bruno Broker');
  const bystander = await party('Bea Bystander');
  const db = requester.ctx.db;
  const brokerOfRequester = await createContact(
    requester.ctx,
    { displayName: 'Bruno Broker', emails: [{ value: broker.email }] },
    'web',
  );
  const requesterOfBroker = await createContact(
    broker.ctx,
    { displayName: 'Rita Requester', emails: [{ value: requester.email }] },
    'web',
  );
  await seedConnection(db, requester.id, broker.id, {
    aContact: brokerOfRequester.id,
    bContact: requesterOfBroker.id,
  });
  const target = await findableContact(broker, {
    displayName: 'Tara Target',
    organisation: 'Acme Logistics',
    title: 'Head of Supply Chain',
    emails: [{ value: SECRET.email }],
    phones: [{ value: SECRET.phone }],
    urls: [{ value: SECRET.linkedin }, { value: SECRET.blog }],
    notes: SECRET.notes,
    howWeMet: SECRET.howWeMet,
    customFields: { secret: SECRET.custom },
    addresses: [{ street: SECRET.address }],
  });
  return {
    clock,
    logs,
    db,
    requester,
    broker,
    bystander,
    target,
    brokerOfRequester,
    requesterOfBroker,
    party,
    /** Another connection of the requester's, with a findable contact of its own. */
    async anotherBroker(name: string) {
      const b = await party(name);
      await seedConnection(db, requester.id, b.id);
      return b;
    },
    async verified(p: Party) {
      await markEmailVerified(db, p.id);
      return p;
    },
  };
}

/** A contact of `owner`'s that their connections may find (by its own sharing choice). */
export async function findableContact(owner: Party, input: ContactCreateInput) {
  const c = await createContact(owner.ctx, input, 'web');
  await owner.ctx.db.updateTable('contacts').set({ share: 'findable' }).where('id', '=', c.id).execute();
  return c;
}

/** Asserts no private value appears anywhere in `things` (responses, errors, e-mails, log lines). */
export function expectNoPrivate(things: unknown[], allowed: string[] = []) {
  const text = things.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join('\n');
  for (const v of PRIVATE_VALUES.filter((v) => !allowed.includes(v))) expect(text).not.toContain(v);
  if (!allowed.includes(SECRET.phone)) {
    for (const form of ['+447700900123', '7700 900123', '7700900123', '900123'])
      expect(text).not.toContain(form);
  }
}

/** Everything in a received e-mail a person could read: headers, text and HTML. */
export function mailText(m: ReceivedMail): string {
  return `${m.parsed.subject}\n${JSON.stringify(m.parsed.to)}\n${m.parsed.text}\n${m.parsed.html || ''}`;
}

/** The signed link's secret in a mail to the person. */
export function linkToken(m: ReceivedMail): string {
  const match = /\/intro\/([A-Za-z0-9_-]{43})/.exec(m.parsed.text ?? '');
  if (!match?.[1]) throw new Error('no introduction link in the e-mail');
  return match[1];
}
