import type { Harness } from '../../../../test/engines';
import { seedConnection } from '../../../../test/network';
import { createContact } from '../../contacts/create-contact';
import type { Ctx } from '../../context';
import { updateRelationship } from '../../relationships/update-relationship';
import { networkChanged } from './load-network-index';

/** Private values seeded on every contact: none may ever appear in another account's response. */
export const PRIVATE_MARKERS = [
  'PRIVATE-NOTE',
  'private-mail.test',
  '7946 0018',
  'HOW-WE-MET-SECRET',
  'Secret Street',
];

type Person = {
  name: string;
  organisation?: string;
  title?: string;
  email?: string;
  linkedin?: string;
  tags?: string[];
  share?: 'findable' | 'private';
  closeness?: number;
};

/** A contact with distinctive private fields (emails, phones, notes, address), shared as the test says. */
export async function seedPerson(ctx: Ctx, p: Person): Promise<string> {
  const c = await createContact(
    ctx,
    {
      displayName: p.name,
      organisation: p.organisation,
      title: p.title,
      emails: [
        {
          value:
            p.email ??
            `${p.name
              .toLowerCase()
              .replace(/\W+/g, '.')
              .replace(/^\.|\.$/g, '')}@private-mail.test`,
        },
      ],
      phones: [{ value: '+44 20 7946 0018' }],
      urls: p.linkedin
        ? [{ value: p.linkedin }, { value: 'https://private-homepage.example/me' }]
        : undefined,
      notes: `PRIVATE-NOTE about ${p.name}`,
      howWeMet: 'HOW-WE-MET-SECRET',
      addresses: [{ street: '1 Secret Street', locality: 'London' }],
      tags: p.tags,
    },
    'web',
  );
  if (p.share) await ctx.db.updateTable('contacts').set({ share: p.share }).where('id', '=', c.id).execute();
  if (p.closeness !== undefined) await updateRelationship(ctx, c.id, { closeness: p.closeness });
  return c.id;
}

/** Marks the owner's tag findable (what the sharing settings do). */
export async function shareTag(ctx: Ctx, ownerId: string, tag: string, findable = true): Promise<void> {
  await ctx.db
    .updateTable('tags')
    .set({ findable: findable ? 1 : 0 })
    .where('owner_id', '=', ownerId)
    .where('name', '=', tag)
    .execute();
}

/** Turns the account's "connections see my tiers" switch on or off. */
export async function shareTiers(ctx: Ctx, accountId: string, on: boolean): Promise<void> {
  await ctx.db
    .insertInto('account_settings')
    .values({
      account_id: accountId,
      today_limit: 7,
      time_zone: 'UTC',
      digest_enabled: 0,
      digest_hour: 7,
      updated_at: '2026-11-25T09:00:00.000Z',
      share_tier: on ? 1 : 0,
      share_linkedin: 0,
    })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ share_tier: on ? 1 : 0 }))
    .execute();
}

/**
 * Me, two connections (Bea, Cal), Bea's connection Dan (not mine) and a stranger, each knowing people at Acme:
 *
 * - Bea: Chen Wu (Acme, Head of Supply Chain; tag "speakers", findable; close), Priya (tag but private),
 *   Uma (Acme, not shared).
 * - Cal: Chen W. (same email as Bea's Chen, shared itself), Ada Acme-Lee (shared itself).
 * - Dan: Dana (Acme, findable): only reachable in three hops, never in a search.
 * - Stranger: Sam (Acme, findable): nobody's connection.
 * - Me: Olga (Acme, findable): my own, never a result.
 */
export async function seedNetwork(h: Harness) {
  const me = await h.account('Mia Me');
  const bea = await h.account('Bea Broker');
  const cal = await h.account('Cal Connector');
  const dan = await h.account('Dan Distant');
  const stranger = await h.account('Sam Stranger');
  const db = me.ctx.db;
  await seedConnection(db, me.id, bea.id);
  await seedConnection(db, me.id, cal.id);
  await seedConnection(db, bea.id, dan.id);
  await seedConnection(db, dan.id, stranger.id);
  const beaChen = await seedPerson(bea.ctx, {
    name: 'Chen Wu',
    organisation: 'Acme Logistics',
    title: 'Head of Supply Chain',
    email: 'chen@private-mail.test',
    linkedin: 'https://www.linkedin.com/in/chen-wu-private-slug',
    tags: ['speakers'],
    closeness: 4,
  });
  const beaPriya = await seedPerson(bea.ctx, {
    name: 'Priya Patel',
    organisation: 'Acme Logistics',
    tags: ['speakers'],
    share: 'private',
  });
  const beaUma = await seedPerson(bea.ctx, { name: 'Uma Unshared', organisation: 'Acme Logistics' });
  await shareTag(bea.ctx, bea.id, 'speakers');
  const calChen = await seedPerson(cal.ctx, {
    name: 'Chen W.',
    organisation: 'Acme',
    email: 'CHEN@private-mail.test',
    share: 'findable',
  });
  const calAda = await seedPerson(cal.ctx, {
    name: 'Ada Acme-Lee',
    organisation: 'Globex',
    title: 'Chief Acme Officer',
    share: 'findable',
  });
  const danDana = await seedPerson(dan.ctx, { name: 'Dana Far', organisation: 'Acme', share: 'findable' });
  const samSam = await seedPerson(stranger.ctx, { name: 'Sam Far', organisation: 'Acme', share: 'findable' });
  const mineOlga = await seedPerson(me.ctx, { name: 'Olga Own', organisation: 'Acme', share: 'findable' });
  await networkChanged(me.ctx);
  return {
    me,
    bea,
    cal,
    dan,
    stranger,
    contacts: { beaChen, beaPriya, beaUma, calChen, calAda, danDana, samSam, mineOlga },
  };
}

/**
 * Makes `account` Chen Wu on Rapport: a sign-in address of its own (unique on the server), verified, which the
 * given contacts for Chen (Bea's, Cal's) now hold as their email, as signing up and verifying would. Its address.
 */
export async function chenOnRapport(db: Ctx['db'], accountId: string, contactIds: string[]): Promise<string> {
  const email = `chen.${accountId.slice(-12)}@private-mail.test`;
  await db
    .updateTable('accounts')
    .set({ email, email_norm: email, email_verified_at: '2026-11-01T09:00:00.000Z' })
    .where('id', '=', accountId)
    .execute();
  await db
    .updateTable('contact_channels')
    .set({ value: email, value_norm: email })
    .where('kind', '=', 'email')
    .where('contact_id', 'in', contactIds)
    .execute();
  return email;
}
