import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';

describe.each(ENGINES)('restoring removed interactions, favours and promises [%s]', (engine) => {
  const server = serveForTests(engine);

  it('removes each, lists it in the trash, and brings it back whole through the API', async () => {
    const u = await server.user();
    const ada = await u.post('/api/v1/contacts', { displayName: 'Ada Lovelace' });
    const contactId = ada.body.id;
    const call = await u.post('/api/v1/interactions', {
      kind: 'call',
      contactIds: [contactId],
      answered: true,
      summary: 'About the notes',
    });
    const favour = await u.post('/api/v1/favours', { contactId, direction: 'given', what: 'Proofread' });
    const promise = await u.post('/api/v1/promises', {
      contactId,
      direction: 'mine',
      what: 'Send the notes',
      dueOn: '2030-01-01',
    });
    const strength = (await u.get(`/api/v1/contacts/${contactId}/relationship`)).body;

    expect((await u.delete(`/api/v1/interactions/${call.body.id}`)).status).toBe(204);
    expect((await u.delete(`/api/v1/favours/${favour.body.id}`)).status).toBe(204);
    expect((await u.delete(`/api/v1/promises/${promise.body.id}`)).status).toBe(204);
    const trash = await u.get('/api/v1/trash');
    expect(trash.status).toBe(200);
    expect(trash.body.interactions).toEqual([
      { ...call.body, deletedAt: expect.any(String), purgeAfter: expect.any(String) },
    ]);
    expect(trash.body.favours.map((f: { what: string }) => f.what)).toEqual(['Proofread']);
    expect(trash.body.promises.map((p: { what: string }) => p.what)).toEqual(['Send the notes']);

    const back = await u.post(`/api/v1/interactions/${call.body.id}/restore`);
    expect(back.status).toBe(200);
    expect(back.body).toEqual(call.body);
    expect((await u.post(`/api/v1/favours/${favour.body.id}/restore`)).body).toEqual(favour.body);
    expect((await u.post(`/api/v1/promises/${promise.body.id}/restore`)).body).toEqual(promise.body);
    expect((await u.get(`/api/v1/contacts/${contactId}/relationship`)).body).toEqual(strength);
    expect(await u.get('/api/v1/trash')).toMatchObject({
      body: { interactions: [], favours: [], promises: [] },
    });

    // Already back: nothing in the trash to restore.
    const again = await u.post(`/api/v1/interactions/${call.body.id}/restore`);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe('interaction in the trash not found');
  });

  it('pages through removed favours (and interactions, promises) after the first page, each only to its owner', async () => {
    const u = await server.user();
    const contactId = (await u.post('/api/v1/contacts', { displayName: 'Ada Lovelace' })).body.id;
    const removed: string[] = [];
    for (const what of ['Proofread', 'Lent a book', 'Introduced to Babbage']) {
      const f = await u.post('/api/v1/favours', { contactId, direction: 'given', what });
      expect((await u.delete(`/api/v1/favours/${f.body.id}`)).status).toBe(204);
      removed.unshift(f.body.id);
    }
    const first = await u.get('/api/v1/trash/favours?limit=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ nextCursor: expect.any(String) });
    const next = await u.get(
      `/api/v1/trash/favours?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(next.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...next.body.items].map((f: { id: string }) => f.id);
    expect(new Set(ids)).toEqual(new Set(removed));
    expect(next.body.items[0]).toMatchObject({
      deletedAt: expect.any(String),
      purgeAfter: expect.any(String),
    });
    expect((await u.get('/api/v1/trash')).body).toMatchObject({
      favoursNextCursor: null,
      interactionsNextCursor: null,
      promisesNextCursor: null,
    });
    expect((await u.get('/api/v1/trash/interactions')).body).toEqual({ items: [], nextCursor: null });
    expect((await u.get('/api/v1/trash/promises')).body).toEqual({ items: [], nextCursor: null });
    const bad = await u.get('/api/v1/trash/favours?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/cursor/);
    // Another account's pages are its own: the cursor leads it through nothing of mine.
    const other = await server.user();
    expect((await other.get('/api/v1/trash/favours')).body).toEqual({ items: [], nextCursor: null });
    expect(
      (await other.get(`/api/v1/trash/favours?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`))
        .body,
    ).toEqual({ items: [], nextCursor: null });
  });
});
