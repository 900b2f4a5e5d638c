import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { removeConnection, seedConnection } from '../../../test/network';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { updateProfile } from '../profile/update-profile';
import { findWarmPaths } from './find-warm-paths';
import { networkChanged } from './index/load-network-index';
import {
  chenOnRapport,
  PRIVATE_MARKERS,
  seedNetwork,
  seedPerson,
  shareTag,
  shareTiers,
} from './index/network-fixture.test-support';
import { searchNetwork } from './search-network';

describeEngines(
  'second-degree search',
  (h) => {
    it('needs a query of two letters or more; refuses paging parameters and a limit past the cap', async () => {
      const { me } = await seedNetwork(h);
      await expect(searchNetwork(me.ctx, { q: '' })).rejects.toMatchObject({ code: 'validation' });
      await expect(searchNetwork(me.ctx, { q: 'a' })).rejects.toMatchObject({
        code: 'validation',
        details: { issues: [{ path: 'q' }] },
      });
      await expect(searchNetwork(me.ctx, { q: 'a b c' })).rejects.toMatchObject({
        code: 'validation',
        message: 'q: type at least 2 letters or digits',
      });
      await expect(searchNetwork(me.ctx, { q: 'acme', limit: 26 })).rejects.toMatchObject({
        details: { issues: [{ path: 'limit' }] },
      });
      await expect(
        searchNetwork(me.ctx, { q: 'acme', offset: 25 } as unknown as { q: string }),
      ).rejects.toMatchObject({ details: { issues: [{ path: 'offset', message: 'is not a known field' }] } });
      // Refused searches do not count.
      expect((await searchNetwork(me.ctx, { q: 'acme' })).searchesLeft).toBe(9);
    });

    it('finds what my connections share, grouped by person across brokers, never my own or anyone else’s', async () => {
      const { me, bea, cal, contacts } = await seedNetwork(h);
      await shareTiers(bea.ctx, bea.id, true);
      const r = await searchNetwork(me.ctx, { q: 'acme' });
      expect(r.query).toBe('acme');
      expect(r.more).toBe(false);
      expect(r.people.map((p) => p.displayName)).toEqual(['Chen Wu', 'Ada Acme-Lee']);
      const chen = r.people[0];
      expect(chen?.brokers).toEqual([
        {
          accountId: bea.id,
          name: 'Bea Broker',
          contactId: contacts.beaChen,
          contact: {
            displayName: 'Chen Wu',
            organisation: 'Acme Logistics',
            title: 'Head of Supply Chain',
            knownBy: { accountId: bea.id, name: 'Bea Broker' },
            tier: 'inner',
            linkedinUrl: null,
          },
        },
        {
          accountId: cal.id,
          name: 'Cal Connector',
          contactId: contacts.calChen,
          contact: {
            displayName: 'Chen W.',
            organisation: 'Acme',
            title: null,
            knownBy: { accountId: cal.id, name: 'Cal Connector' },
            tier: null,
            linkedinUrl: null,
          },
        },
      ]);
      // The identity match (an email) is never shown, nor its hash, nor anything private.
      const text = JSON.stringify(r);
      for (const marker of [
        ...PRIVATE_MARKERS,
        'chen@',
        'CHEN@',
        'private-slug',
        'linkedin.com',
        'homepage',
      ]) {
        expect(text).not.toContain(marker);
      }
      expect(Object.keys(chen ?? {}).sort()).toEqual([
        'brokers',
        'connected',
        'displayName',
        'organisation',
        'title',
      ]);
      expect(r.people.map((p) => p.connected)).toEqual([null, null]);
      // Title words, several words, prefixes, accents and case.
      expect((await searchNetwork(me.ctx, { q: 'supply chain' })).people.map((p) => p.displayName)).toEqual([
        'Chen Wu',
      ]);
      expect((await searchNetwork(me.ctx, { q: 'HEAD SUP' })).people.map((p) => p.displayName)).toEqual([
        'Chen Wu',
      ]);
      expect((await searchNetwork(me.ctx, { q: 'chén' })).people.map((p) => p.displayName)).toEqual([
        'Chen Wu',
      ]);
      // Private wins over a findable tag; untagged stays private; third degree, strangers and my own never appear.
      for (const q of ['priya', 'uma', 'dana', 'sam far', 'olga']) {
        expect((await searchNetwork(me.ctx, { q })).people, q).toEqual([]);
      }
    });

    it('beside the people, my own connections whose shown offers have every word', async () => {
      const { me, bea } = await seedNetwork(h);
      await updateProfile(bea.ctx, { offers: ['Supply chain reviews'], showOffers: true });
      const r = await searchNetwork(me.ctx, { q: 'supply chain' });
      expect(r.people.map((p) => p.displayName)).toEqual(['Chen Wu']);
      expect(r.offering).toEqual([
        { accountId: bea.id, name: 'Bea Broker', headline: null, offers: ['Supply chain reviews'] },
      ]);
      expect((await searchNetwork(me.ctx, { q: 'acme' })).offering).toEqual([]);
    });

    it('takes a removed connection and an unshared tag or contact out at once, even with the index built', async () => {
      const { me, bea, cal, contacts } = await seedNetwork(h);
      expect((await searchNetwork(me.ctx, { q: 'chen' })).people[0]?.brokers).toHaveLength(2);
      // Without telling the index: the database re-check alone must hide them.
      await shareTag(bea.ctx, bea.id, 'speakers', false);
      const r = await searchNetwork(me.ctx, { q: 'chen' });
      expect(r.people.flatMap((p) => p.brokers.map((b) => b.accountId))).toEqual([cal.id]);
      await me.ctx.db
        .updateTable('contacts')
        .set({ share: 'private' })
        .where('id', '=', contacts.calChen)
        .execute();
      expect((await searchNetwork(me.ctx, { q: 'chen' })).people).toEqual([]);
      await removeConnection(me.ctx.db, me.id, cal.id);
      expect((await searchNetwork(me.ctx, { q: 'acme' })).people).toEqual([]);
      // Trashing works the same way.
      await shareTag(bea.ctx, bea.id, 'speakers', true);
      await networkChanged(me.ctx);
      expect((await searchNetwork(me.ctx, { q: 'chen' })).people).toHaveLength(1);
      await deleteContact(bea.ctx, contacts.beaChen);
      expect((await searchNetwork(me.ctx, { q: 'chen' })).people).toEqual([]);
    });

    it('marks a person I am connected to already (write to them, no introduction), and only for me', async () => {
      const { me, bea, cal, contacts } = await seedNetwork(h);
      // Chen Wu has an account (verified with the address Bea and Cal have for him) and is my connection.
      const chen = await h.account('Chen Wu');
      const address = await chenOnRapport(me.ctx.db, chen.id, [contacts.beaChen, contacts.calChen]);
      await seedConnection(me.ctx.db, me.id, chen.id);
      await networkChanged(me.ctx);
      const r = await searchNetwork(me.ctx, { q: 'acme' });
      expect(r.people.map((p) => [p.displayName, p.connected])).toEqual([
        ['Chen Wu', { accountId: chen.id, name: 'Chen Wu' }],
        ['Ada Acme-Lee', null],
      ]);
      // Who knows him is still shown; how he matched never is.
      expect(r.people[0]?.brokers.map((b) => b.accountId)).toEqual([bea.id, cal.id]);
      const text = JSON.stringify(r);
      for (const marker of [...PRIVATE_MARKERS, address, 'private-slug']) expect(text).not.toContain(marker);
      // Cal is not connected to Chen: for Cal's own search (through me, with a contact of mine) nothing is marked.
      const mine = await seedPerson(me.ctx, {
        name: 'Chen Wu',
        email: address,
        share: 'findable',
      });
      await networkChanged(me.ctx);
      const theirs = await searchNetwork(cal.ctx, { q: 'chen' });
      expect(theirs.people.map((p) => [p.brokers.map((b) => b.contactId), p.connected])).toEqual([
        [[mine], null],
      ]);
    });

    it('never offers me myself: a connection’s findable contact that stands for my account is left out', async () => {
      const { bea, contacts } = await seedNetwork(h);
      // Chen Wu signs up with the address Bea and Cal have for him and connects with Bea.
      const chen = await h.account('Chen Wu');
      await chenOnRapport(bea.ctx.db, chen.id, [contacts.beaChen, contacts.calChen]);
      await seedConnection(bea.ctx.db, bea.id, chen.id);
      await networkChanged(bea.ctx);
      const r = await searchNetwork(chen.ctx, { q: 'chen' });
      expect(r.people).toEqual([]);
      expect(r.more).toBe(false);
      // Bea's other findable people still show.
      const acme = await searchNetwork(chen.ctx, { q: 'acme' });
      expect(acme.people.map((p) => p.displayName)).not.toContain('Chen Wu');
    });

    it('shows and finds a person by the name they carry, never by the owner’s asides or nickname (ADR 29)', async () => {
      const { me, bea } = await seedNetwork(h);
      const tom = await createContact(
        bea.ctx,
        { displayName: "Tom Baker (ex-girlfriend's cousin)", nickname: 'Tigger', organisation: 'Zircon Ltd' },
        'web',
      );
      const rosa = await createContact(
        bea.ctx,
        { displayName: 'Moneybags', givenName: 'Rosa', familyName: 'Lind', organisation: 'Zircon Ltd' },
        'web',
      );
      await bea.ctx.db
        .updateTable('contacts')
        .set({ share: 'findable' })
        .where('id', 'in', [tom.id, rosa.id])
        .execute();
      await networkChanged(bea.ctx);
      const r = await searchNetwork(me.ctx, { q: 'zircon' });
      expect(r.people.map((p) => p.displayName).sort()).toEqual(['Rosa Lind', 'Tom Baker']);
      expect(r.people.flatMap((p) => p.brokers.map((b) => b.contact.displayName)).sort()).toEqual([
        'Rosa Lind',
        'Tom Baker',
      ]);
      expect(JSON.stringify(r)).not.toMatch(/girlfriend|cousin|Tigger|Moneybags/);
      for (const q of ['girlfriend', 'cousin', 'tigger', 'moneybags']) {
        expect((await searchNetwork(me.ctx, { q })).people).toEqual([]);
      }
      expect((await searchNetwork(me.ctx, { q: 'rosa lind' })).people.map((p) => p.displayName)).toEqual([
        'Rosa Lind',
      ]);
      const paths = await findWarmPaths(me.ctx, { q: 'zircon', limit: 10 });
      expect(paths.paths.map((p) => p.target?.displayName).sort()).toEqual(['Rosa Lind', 'Tom Baker']);
      expect(JSON.stringify(paths)).not.toMatch(/girlfriend|cousin|Tigger|Moneybags/);
    });

    it('picks up newly shared people once the network version changes', async () => {
      const { me, bea } = await seedNetwork(h);
      expect((await searchNetwork(me.ctx, { q: 'zed' })).people).toEqual([]);
      await seedPerson(bea.ctx, { name: 'Zed Newcomer', share: 'findable' });
      await networkChanged(bea.ctx);
      expect((await searchNetwork(me.ctx, { q: 'zed' })).people.map((p) => p.displayName)).toEqual([
        'Zed Newcomer',
      ]);
    });

    it('writes each hit to its owner’s access log, with the searcher and the query', async () => {
      const { me, bea, cal, dan, contacts } = await seedNetwork(h);
      await searchNetwork(me.ctx, { q: 'chen' });
      const rows = await me.ctx.db
        .selectFrom('access_log')
        .select(['owner_id', 'actor_id', 'event', 'query', 'contact_id'])
        .where('actor_id', '=', me.id)
        .orderBy('owner_id')
        .execute();
      expect(rows).toEqual(
        [
          {
            owner_id: bea.id,
            actor_id: me.id,
            event: 'search-hit',
            query: 'chen',
            contact_id: contacts.beaChen,
          },
          {
            owner_id: cal.id,
            actor_id: me.id,
            event: 'search-hit',
            query: 'chen',
            contact_id: contacts.calChen,
          },
        ].sort((a, b) => a.owner_id.localeCompare(b.owner_id)),
      );
      const danRows = await me.ctx.db
        .selectFrom('access_log')
        .selectAll()
        .where('owner_id', '=', dan.id)
        .execute();
      expect(danRows).toEqual([]);
    });

    it('caps results at the limit and says there is more', async () => {
      const { me, bea } = await seedNetwork(h);
      for (let i = 0; i < 4; i++) await seedPerson(bea.ctx, { name: `Max Many${i}`, share: 'findable' });
      await networkChanged(bea.ctx);
      const r = await searchNetwork(me.ctx, { q: 'max', limit: 3 });
      expect(r.people).toHaveLength(3);
      expect(r.more).toBe(true);
      const logged = await me.ctx.db
        .selectFrom('access_log')
        .select('contact_id')
        .where('actor_id', '=', me.id)
        .execute();
      expect(logged).toHaveLength(3);
    });

    it('limits searches per account per 24 hours with rate_limited, every search counting', async () => {
      const { me, bea } = await seedNetwork(h);
      for (let i = 0; i < 10; i++) await searchNetwork(me.ctx, { q: 'acme' });
      await expect(searchNetwork(me.ctx, { q: 'acme' })).rejects.toMatchObject({
        code: 'rate_limited',
        details: { limit: 10, retryAt: '2026-11-26T09:00:00.000Z' },
      });
      // Someone else's limit is their own; a day later mine is back.
      expect((await searchNetwork(bea.ctx, { q: 'chen' })).searchesLeft).toBe(9);
      me.ctx.clock.set('2026-11-26T09:00:00.001Z');
      expect((await searchNetwork(me.ctx, { q: 'acme' })).searchesLeft).toBe(9);
    });
  },
  { settings: { networkSearchesPerDay: 10 } },
);
