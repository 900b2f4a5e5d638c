import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { NetworkPerson, WarmPath } from '../../../contracts/network-search';
import { PathCard } from './paths-page';
import { PersonCard } from './search-page';

const BEA = { accountId: '01900000-0000-7000-8000-00000000000b', name: 'Bea Novak' };
const COLE = { accountId: '01900000-0000-7000-8000-00000000000c', name: 'Cole Tran' };
const shared = {
  displayName: 'Cole Tran',
  organisation: 'Heliogen',
  title: 'CTO',
  knownBy: BEA,
  tier: null,
  linkedinUrl: null,
};

const inRouter = (el: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(MemoryRouter, null, el));

function person(connected: NetworkPerson['connected']): NetworkPerson {
  return {
    displayName: 'Cole Tran',
    organisation: 'Heliogen',
    title: 'CTO',
    brokers: [{ ...BEA, contactId: '01900000-0000-7000-8000-0000000000c1', contact: shared }],
    connected,
  };
}

function path(connected: WarmPath['connected']): WarmPath {
  return {
    hops: 2,
    score: 0.36,
    steps: [
      { from: { accountId: null, name: 'you' }, to: BEA, tier: 'known', why: 'your connection' },
      {
        from: BEA,
        to: { accountId: null, name: 'Cole Tran' },
        tier: 'known',
        why: 'Bea Novak knows them and lets connections find them',
      },
    ],
    ask: BEA,
    target: shared,
    contactId: '01900000-0000-7000-8000-0000000000c1',
    connected,
  };
}

describe('someone I am connected to already', () => {
  it('search: no "Ask for an introduction", a message to write instead', () => {
    const html = inRouter(createElement(PersonCard, { person: person(COLE) }));
    expect(html).not.toContain('Ask for an introduction');
    expect(html).toContain('You are already connected to Cole Tran: write to them directly.');
    expect(html).toContain(`href="/network/messages/${COLE.accountId}"`);
    // Who knows them is still listed.
    expect(html).toContain('Bea Novak');
    // Anyone else: the introduction is offered as before.
    const other = inRouter(createElement(PersonCard, { person: person(null) }));
    expect(other).toContain('Ask for an introduction');
    expect(other).not.toContain('already connected');
  });

  it('warm paths: the same', () => {
    const html = inRouter(createElement(PathCard, { path: path(COLE), rank: 1 }));
    expect(html).not.toContain('Ask for an introduction');
    expect(html).toContain('You are already connected to Cole Tran: write to them directly.');
    const other = inRouter(createElement(PathCard, { path: path(null), rank: 1 }));
    expect(other).toContain('Ask for an introduction');
    expect(other).not.toContain('already connected');
  });
});
