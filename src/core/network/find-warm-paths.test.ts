import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { removeConnection, seedConnection } from '../../../test/network';
import { updateRelationship } from '../relationships/update-relationship';
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

describeEngines('warm paths', (h) => {
  it('reaches people at an organisation in two hops (named) and three (never naming strangers), best first', async () => {
    const { me, bea, cal, dan, contacts } = await seedNetwork(h);
    await shareTiers(bea.ctx, bea.id, true);
    const r = await findWarmPaths(me.ctx, { q: 'acme', limit: 10 });
    const summary = r.paths.map((p) => [p.hops, p.ask.name, p.target?.displayName ?? null, p.score]);
    // Bea's Chen (inner, shared) beats Cal's people ("known"); Dan's Dana is three hops away through Bea.
    expect(summary).toEqual([
      [2, 'Bea Broker', 'Chen Wu', 0.6],
      [2, 'Cal Connector', 'Chen W.', 0.36],
      [2, 'Cal Connector', 'Ada Acme-Lee', 0.36],
      [3, 'Bea Broker', null, 0.216],
    ]);
    const [two, , , three] = r.paths;
    expect(two?.contactId).toBe(contacts.beaChen);
    expect(two?.steps).toEqual([
      {
        from: { accountId: me.id, name: 'you' },
        to: { accountId: bea.id, name: 'Bea Broker' },
        tier: 'known',
        why: 'your connection',
      },
      {
        from: { accountId: bea.id, name: 'Bea Broker' },
        to: { accountId: null, name: 'Chen Wu' },
        tier: 'inner',
        why: 'Bea Broker knows them and lets connections find them; Bea Broker rates it inner',
      },
    ]);
    expect(three).toMatchObject({ hops: 3, target: null, contactId: null, ask: { accountId: bea.id } });
    expect(three?.steps.map((s) => [s.to.accountId, s.to.name, s.tier])).toEqual([
      [bea.id, 'Bea Broker', 'known'],
      [null, "a connection of Bea Broker's", 'known'],
      [null, 'someone matching “acme”', 'known'],
    ]);
    const text = JSON.stringify(r);
    for (const marker of [
      ...PRIVATE_MARKERS,
      'Dana',
      'Dan Distant',
      dan.id,
      contacts.danDana,
      'Sam',
      'Olga',
    ]) {
      expect(text).not.toContain(marker);
    }
    expect(text).not.toContain(contacts.beaPriya);
    expect(text).not.toContain(contacts.beaUma);
    // The owners of every target got an access-log entry; I did not (my own contacts are never targets).
    const log = await me.ctx.db
      .selectFrom('access_log')
      .select(['owner_id', 'event', 'query', 'contact_id'])
      .where('actor_id', '=', me.id)
      .execute();
    expect(log.map((l) => [l.owner_id, l.event, l.query, l.contact_id]).sort()).toEqual(
      [
        [bea.id, 'path', 'acme', contacts.beaChen],
        [cal.id, 'path', 'acme', contacts.calAda],
        [cal.id, 'path', 'acme', contacts.calChen],
        [dan.id, 'path', 'acme', contacts.danDana],
      ].sort(),
    );
  });

  it('a person I am connected to already: two-hop paths marked (write to them), three-hop ones left out', async () => {
    const { me, dan, contacts } = await seedNetwork(h);
    const chen = await h.account('Chen Wu');
    await chenOnRapport(me.ctx.db, chen.id, [contacts.beaChen, contacts.calChen]);
    await seedConnection(me.ctx.db, me.id, chen.id);
    // Dana Far (Dan's contact, three hops away) is my connection too, as the contact Dan's connection links.
    const dana = await h.account('Dana Far');
    await seedConnection(me.ctx.db, dan.id, dana.id, { aContact: contacts.danDana });
    await seedConnection(me.ctx.db, me.id, dana.id);
    await networkChanged(me.ctx);
    const r = await findWarmPaths(me.ctx, { q: 'acme', limit: 10 });
    expect(r.paths.map((p) => [p.hops, p.ask.name, p.target?.displayName ?? null, p.connected])).toEqual([
      [2, 'Bea Broker', 'Chen Wu', { accountId: chen.id, name: 'Chen Wu' }],
      [2, 'Cal Connector', 'Chen W.', { accountId: chen.id, name: 'Chen Wu' }],
      [2, 'Cal Connector', 'Ada Acme-Lee', null],
    ]);
    // The dropped path's owner is not told of a look-up that showed nothing of theirs.
    const logged = await me.ctx.db
      .selectFrom('access_log')
      .select('owner_id')
      .where('actor_id', '=', me.id)
      .where('owner_id', '=', dan.id)
      .execute();
    expect(logged).toEqual([]);
    expect(JSON.stringify(r)).not.toContain('Dana');
  });

  it('never leads me to myself: a connection’s contact that stands for my account has no path', async () => {
    const { bea, contacts } = await seedNetwork(h);
    const chen = await h.account('Chen Wu');
    await chenOnRapport(bea.ctx.db, chen.id, [contacts.beaChen, contacts.calChen]);
    await seedConnection(bea.ctx.db, bea.id, chen.id);
    await networkChanged(bea.ctx);
    const r = await findWarmPaths(chen.ctx, { q: 'chen', limit: 10 });
    expect(r.paths).toEqual([]);
  });

  it('ranks by the tier of each link: my own tier of my connection counts, theirs only when shared', async () => {
    const { me, bea, cal, contacts } = await seedNetwork(h);
    // I rate Cal inner through the contact I linked him to; Bea keeps her tiers to herself.
    const calContact = await seedPerson(me.ctx, { name: 'Cal (my contact)', closeness: 5 });
    await removeConnection(me.ctx.db, me.id, cal.id);
    await seedConnection(me.ctx.db, me.id, cal.id, { aContact: calContact });
    await networkChanged(me.ctx);
    const r = await findWarmPaths(me.ctx, { contactId: contacts.calChen });
    expect(r.paths.map((p) => [p.ask.name, p.contactId, p.score])).toEqual([
      ['Cal Connector', contacts.calChen, 0.6],
      ['Bea Broker', contacts.beaChen, 0.36],
    ]);
    expect(r.paths[0]?.steps[0]).toMatchObject({
      tier: 'inner',
      why: 'your connection; your relationship is inner',
    });
    // Bea's inner tier of Chen is hers: not shown, not ranked.
    expect(r.paths[1]?.steps[1]?.tier).toBe('known');
    await shareTiers(bea.ctx, bea.id, true);
    await updateRelationship(me.ctx, calContact, { closeness: 0 });
    const again = await findWarmPaths(me.ctx, { contactId: contacts.calChen });
    expect(again.paths.map((p) => p.ask.name)).toEqual(['Bea Broker', 'Cal Connector']);
  });

  it('finds paths to my own contact by identity, and refuses a contact that is neither mine nor a connection’s', async () => {
    const { me, contacts, stranger } = await seedNetwork(h);
    const mineChen = await seedPerson(me.ctx, { name: 'My Chen', email: 'chen@private-mail.test' });
    const r = await findWarmPaths(me.ctx, { contactId: mineChen });
    expect(r.paths.map((p) => p.contactId).sort()).toEqual([contacts.beaChen, contacts.calChen].sort());
    for (const id of [
      contacts.danDana,
      contacts.samSam,
      contacts.beaUma,
      '01900000-0000-7000-8000-000000000000',
    ]) {
      await expect(findWarmPaths(me.ctx, { contactId: id })).rejects.toMatchObject({
        code: 'not_found',
        message: 'contact not found',
      });
    }
    // Three hops is the limit: the stranger (→ Dan → Bea → me) cannot reach my contacts.
    expect((await findWarmPaths(stranger.ctx, { q: 'olga' })).paths).toEqual([]);
    expect((await findWarmPaths(stranger.ctx, { q: 'chen wu' })).paths.map((p) => p.hops)).toEqual([3]);
  });

  it('uses only findable edges and current connections, re-checked after the index was built', async () => {
    const { me, bea, dan } = await seedNetwork(h);
    expect((await findWarmPaths(me.ctx, { q: 'dana' })).paths).toHaveLength(1);
    await removeConnection(me.ctx.db, bea.id, dan.id);
    expect((await findWarmPaths(me.ctx, { q: 'dana' })).paths).toEqual([]);
    await seedConnection(me.ctx.db, bea.id, dan.id);
    await networkChanged(me.ctx);
    expect((await findWarmPaths(me.ctx, { q: 'dana' })).paths).toHaveLength(1);
    await dan.ctx.db.updateTable('contacts').set({ share: null }).where('owner_id', '=', dan.id).execute();
    expect((await findWarmPaths(me.ctx, { q: 'dana' })).paths).toEqual([]);
    await shareTag(bea.ctx, bea.id, 'speakers', false);
    expect((await findWarmPaths(me.ctx, { q: 'chen wu' })).paths).toEqual([]);
  });

  it('caps the paths, needs a target, and counts against the search limit', async () => {
    const { me, bea } = await seedNetwork(h);
    for (let i = 0; i < 4; i++) await seedPerson(bea.ctx, { name: `Max Many${i}`, share: 'findable' });
    await networkChanged(bea.ctx);
    const r = await findWarmPaths(me.ctx, { q: 'max', limit: 2 });
    expect(r.paths).toHaveLength(2);
    await expect(findWarmPaths(me.ctx, {})).rejects.toMatchObject({ details: { issues: [{ path: 'q' }] } });
    await expect(findWarmPaths(me.ctx, { q: 'max', contactId: 'x' })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(findWarmPaths(me.ctx, { q: 'max', limit: 11 })).rejects.toMatchObject({
      details: { issues: [{ path: 'limit' }] },
    });
    expect(r.searchesLeft).toBe(49);
  });
});
