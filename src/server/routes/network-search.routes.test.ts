import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';
import { markEmailVerified, seedConnection } from '../../../test/network';
import { markNetworkChanged } from '../../core/network/index/network-index.queries';

describe.each(ENGINES)('network search over HTTP [%s]', (engine) => {
  const server = serveForTests(engine, { settings: { networkSearchesPerDay: 3 } });

  it('searches and finds paths as the use cases do, refuses paging, and answers 429 when the limit is spent', async () => {
    const me = await server.user('Mia');
    const bea = await server.user('Bea');
    const chen = await bea.post('/api/v1/contacts', {
      displayName: 'Chen Wu',
      organisation: 'Acme',
      emails: [{ value: 'chen@private-mail.test' }],
      phones: [{ value: '+44 20 7946 0018' }],
      notes: 'PRIVATE-NOTE',
      tags: ['speakers'],
    });
    const db = server.handle().db;
    await db.updateTable('tags').set({ findable: 1 }).where('owner_id', '=', bea.accountId).execute();
    await seedConnection(db, me.accountId, bea.accountId);
    await markNetworkChanged(db, chen.body.id, new Date().toISOString());

    const found = await me.get('/api/v1/network/search?q=acme');
    expect(found.status).toBe(200);
    expect(found.body.people).toEqual([
      expect.objectContaining({
        displayName: 'Chen Wu',
        brokers: [
          expect.objectContaining({ accountId: bea.accountId, name: 'Bea', contactId: chen.body.id }),
        ],
      }),
    ]);
    expect(JSON.stringify(found.body)).not.toMatch(/private-mail|7946 0018|PRIVATE-NOTE|speakers/);
    expect(found.body.searchesLeft).toBe(2);

    const paging = await me.get('/api/v1/network/search?q=acme&offset=25');
    expect(paging.status).toBe(400);
    expect(paging.body.error.details.issues).toEqual([
      { path: 'querystring.offset', message: 'is not a known field' },
    ]);
    expect((await me.get('/api/v1/network/search')).status).toBe(400);
    expect((await me.get('/api/v1/network/search?q=acme&limit=100')).status).toBe(400);

    const paths = await me.get(`/api/v1/network/paths?contactId=${chen.body.id}`);
    expect(paths.status).toBe(200);
    expect(paths.body.paths.map((p: { contactId: string }) => p.contactId)).toEqual([chen.body.id]);

    expect((await me.get('/api/v1/network/search?q=chen')).status).toBe(200);
    const spent = await me.get('/api/v1/network/search?q=chen');
    expect(spent.status).toBe(429);
    expect(spent.body.error).toMatchObject({ code: 'rate_limited', details: { limit: 3 } });
    expect(spent.body.error.message).toMatch(/^network search limit reached: 3 searches per 24 hours/);
    expect((await me.get('/api/v1/network/paths?q=acme')).status).toBe(429);
  });

  it('three accounts: Bo’s findable contact for Cy is found by Ada, never by Cy himself (search or paths)', async () => {
    const ada = await server.user('Ada');
    const bo = await server.user('Bo');
    const cy = await server.user('Cy');
    const db = server.handle().db;
    await markEmailVerified(db, cy.accountId);
    const add = (displayName: string, email: string) =>
      bo.post('/api/v1/contacts', {
        displayName,
        organisation: 'Acme',
        emails: [{ value: email }],
        tags: ['acme-friends'],
      });
    const cyOfBo = await add('Cy Cooper', cy.email);
    const dana = await add('Dana Diaz', 'dana@acme.test');
    await db.updateTable('tags').set({ findable: 1 }).where('owner_id', '=', bo.accountId).execute();
    await seedConnection(db, ada.accountId, bo.accountId);
    await seedConnection(db, bo.accountId, cy.accountId);
    await markNetworkChanged(db, dana.body.id, new Date().toISOString());

    const names = (r: { body: { people: { displayName: string }[] } }) =>
      r.body.people.map((p) => p.displayName);
    expect(names(await ada.get('/api/v1/network/search?q=acme'))).toEqual(['Cy Cooper', 'Dana Diaz']);
    const mine = await cy.get('/api/v1/network/search?q=acme');
    expect(names(mine)).toEqual(['Dana Diaz']);
    expect(mine.body.more).toBe(false);
    const paths = await cy.get('/api/v1/network/paths?q=acme');
    expect(paths.body.paths.map((p: { contactId: string }) => p.contactId)).toEqual([dana.body.id]);
    expect(JSON.stringify(paths.body)).not.toContain(cyOfBo.body.id);
  });
});
