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
});
