import { describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { removeConnection } from '../../../test/network';
import { updateProfile } from '../profile/update-profile';
import { words } from '../text/fold';
import { findConnectionsOffering, offerHasAll, offerOverlap } from './find-connections-offering';
import { seedNetwork } from './index/network-fixture.test-support';

describe('fitting an offer', () => {
  it('search: every query word starts a word of the offer', () => {
    expect(offerHasAll('Supply chain reviews', ['supply', 'ch'])).toBe(2);
    expect(offerHasAll('Supply chain reviews', ['supply', 'kafka'])).toBe(0);
    expect(offerHasAll('Intros in fintech', ['fine'])).toBe(0);
  });

  it('asks: the telling words an ask shares with the offer, word forms included, filler left out', () => {
    const ask = words('Looking for someone to review our Kafka setup before March');
    expect(offerOverlap('Kafka reviews', ask)).toBe(2);
    expect(offerOverlap('Kafka', ask)).toBe(1);
    expect(offerOverlap('Help with hiring', ask)).toBe(0);
    expect(
      offerOverlap(
        'Reviews of papers on computability',
        words('A reviewer for a paper on computable numbers'),
      ),
    ).toBe(3);
    expect(offerOverlap('Garden design', words('computable numbers'))).toBe(0);
    // Short words say nothing ("to", "our"): no match on them alone.
    expect(offerOverlap('Go to our events', words('to our team'))).toBe(0);
  });
});

describeEngines('connections who offer it', (h) => {
  it('lists only accepted connections that show their offers, best fit first', async () => {
    const { me, bea, cal, dan } = await seedNetwork(h);
    await updateProfile(bea.ctx, {
      headline: 'Logistics lecturer',
      offers: ['Supply chain reviews', 'Guest lectures'],
      showOffers: true,
    });
    await updateProfile(cal.ctx, { offers: ['Supply chain software'], showOffers: true });
    // Dan (not my connection) and a connection keeping offers private never show.
    await updateProfile(dan.ctx, { offers: ['Supply chain audits'], showOffers: true });
    const fit = (offer: string) => offerHasAll(offer, ['supply', 'chain']);
    expect(await findConnectionsOffering(me.ctx, me.id, fit)).toEqual([
      {
        accountId: bea.id,
        name: 'Bea Broker',
        headline: 'Logistics lecturer',
        offers: ['Supply chain reviews'],
      },
      { accountId: cal.id, name: 'Cal Connector', headline: null, offers: ['Supply chain software'] },
    ]);
    await updateProfile(cal.ctx, { showOffers: false });
    await removeConnection(me.ctx.db, me.id, bea.id);
    expect(await findConnectionsOffering(me.ctx, me.id, fit)).toEqual([]);
  });
});
