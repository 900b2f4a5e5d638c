import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { seedConnection } from '../../../test/network';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { recordFavour } from '../favours/record-favour';
import { recordInteraction } from '../interactions/record-interaction';
import { getNetworkGraph } from './get-network-graph';

describeEngines('the network graph', (h) => {
  async function rolodex() {
    const me = await h.account('Maya');
    const add = (displayName: string, organisation?: string, connectedOn?: string) =>
      createContact(me.ctx, { displayName, organisation, connectedOn }, 'web');
    const ada = await add('Ada Lovelace', 'Acme', '2024-01-01');
    const bob = await add('Bob Babbage', 'Acme', '2024-02-01');
    const cara = await add('Cara Curie', 'Globex', '2026-11-20');
    const dan = await add('Dan Dormant', undefined, '2026-10-01');
    await recordInteraction(me.ctx, {
      kind: 'meeting',
      contactIds: [ada.id],
      occurredAt: '2026-11-20T10:00:00Z',
    });
    await recordInteraction(me.ctx, {
      kind: 'message',
      contactIds: [bob.id],
      occurredAt: '2026-11-01T10:00:00Z',
    });
    await recordFavour(me.ctx, { contactId: ada.id, direction: 'given', what: 'Intro', size: 3 });
    return { me, ada, bob, cara, dan };
  }

  it('draws me, the strongest first then the newest connections, and the organisations they share', async () => {
    const { me, ada, bob, cara, dan } = await rolodex();
    const g = await getNetworkGraph(me.ctx, {});
    expect(g.totalContacts).toBe(4);
    expect(g.shown).toBe(4);
    const contacts = g.nodes.filter((n) => n.kind === 'contact');
    // Ada (meeting and a large favour) before Bob (a message); then by connected-on date, newest first.
    expect(contacts.map((n) => n.label).slice(0, 2)).toEqual(['Ada Lovelace', 'Bob Babbage']);
    expect(new Set(contacts.map((n) => n.id))).toEqual(new Set([ada.id, bob.id, cara.id, dan.id]));
    const adaNode = contacts.find((n) => n.id === ada.id);
    expect(adaNode).toMatchObject({ organisation: 'Acme', accountId: null });
    expect(adaNode?.score).toBeGreaterThan(contacts.find((n) => n.id === bob.id)?.score ?? 100);
    expect(contacts.find((n) => n.id === dan.id)).toMatchObject({ score: 0, tier: 'dormant' });
    // Acme holds two of them and becomes a node; Globex, with one, stays a label on Cara.
    const orgs = g.nodes.filter((n) => n.kind === 'organisation');
    expect(orgs.map((n) => n.label)).toEqual(['Acme']);
    const acme = orgs[0]?.id;
    const worksAt = g.links.filter((l) => l.kind === 'works-at');
    expect(worksAt).toHaveLength(2);
    expect(worksAt).toEqual(
      expect.arrayContaining([
        { source: ada.id, target: acme, kind: 'works-at' },
        { source: bob.id, target: acme, kind: 'works-at' },
      ]),
    );
    expect(g.links.filter((l) => l.kind === 'knows')).toHaveLength(4);
    expect(g.nodes[0]).toMatchObject({ id: 'me', kind: 'me', accountId: me.id });
  });

  it('caps the contacts drawn, strongest kept; a trashed contact is not drawn', async () => {
    const { me, ada, cara } = await rolodex();
    await deleteContact(me.ctx, cara.id);
    const g = await getNetworkGraph(me.ctx, { limit: 10 });
    expect(g.totalContacts).toBe(3);
    expect(g.nodes.some((n) => n.id === cara.id)).toBe(false);
    for (let i = 0; i < 12; i++) await createContact(me.ctx, { displayName: `Extra ${i}` }, 'web');
    const capped = await getNetworkGraph(me.ctx, { limit: 10 });
    expect(capped.shown).toBe(10);
    expect(capped.totalContacts).toBe(15);
    expect(capped.nodes.filter((n) => n.kind === 'contact')[0]?.id).toBe(ada.id);
    await expect(getNetworkGraph(me.ctx, { limit: 5 })).rejects.toMatchObject({ code: 'validation' });
  });

  it('draws connected accounts on their contact, or as an account of their own; nothing of theirs', async () => {
    const { me, bob } = await rolodex();
    const grace = await h.account('Grace');
    const linus = await h.account('Linus');
    await createContact(grace.ctx, { displayName: 'Secret Contact of Grace', organisation: 'Acme' }, 'web');
    await seedConnection(me.ctx.db, me.id, grace.id, { aContact: bob.id });
    await seedConnection(me.ctx.db, me.id, linus.id);
    const g = await getNetworkGraph(me.ctx, {});
    expect(g.nodes.find((n) => n.id === bob.id)).toMatchObject({ kind: 'contact', accountId: grace.id });
    expect(g.nodes.filter((n) => n.kind === 'account')).toEqual([
      expect.objectContaining({ id: `account:${linus.id}`, label: 'Linus', accountId: linus.id }),
    ]);
    expect(g.links).toContainEqual({ source: 'me', target: `account:${linus.id}`, kind: 'connected' });
    expect(JSON.stringify(g)).not.toContain('Secret Contact of Grace');

    // Grace's own graph: her contact, and Maya as an account; nothing from Maya's rolodex.
    const hers = await getNetworkGraph(grace.ctx, {});
    expect(hers.nodes.filter((n) => n.kind === 'contact').map((n) => n.label)).toEqual([
      'Secret Contact of Grace',
    ]);
    expect(hers.nodes.filter((n) => n.kind === 'account').map((n) => n.label)).toEqual(['Maya']);
    expect(JSON.stringify(hers)).not.toMatch(/Ada Lovelace|Bob Babbage|Cara Curie/);
  });
});
