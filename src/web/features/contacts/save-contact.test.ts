import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import type { Contact } from '../../api/types';
import { CHANGED_ELSEWHERE, saveContact } from './use-update-contact';

const ETAG = '"abcdefghijklmnopqrstuvwxyz0"';
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('saving a contact edit against the version read', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends the ETag the contact was read with as If-Match, and says to reload when it changed elsewhere', async () => {
    const sent: { method: string; headers: Record<string, string> }[] = [];
    const replies = [
      answer(200, { id: 'c1', displayName: 'Ada' }, { etag: ETAG }),
      answer(412, {
        error: { code: 'precondition_failed', message: 'the contact was changed…', details: {} },
      }),
      answer(200, { id: 'c1', displayName: 'Ada L.' }),
    ];
    vi.stubGlobal('document', { cookie: 'rapport_csrf=t' });
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sent.push({ method: init.method as string, headers: init.headers as Record<string, string> });
      return replies.shift() as Response;
    });
    const read = await api.get<Contact>('/contacts/c1');
    await expect(saveContact('c1', { displayName: 'Ada L.' }, read)).rejects.toMatchObject({
      status: 412,
      code: 'precondition_failed',
      message: CHANGED_ELSEWHERE,
    });
    expect(sent[1]).toMatchObject({ method: 'PATCH', headers: { 'If-Match': ETAG, 'X-CSRF-Token': 't' } });
    // A contact held without an ETag (another write's answer) is saved as before, without If-Match.
    await saveContact('c1', { displayName: 'Ada L.' }, { id: 'c1' } as Contact);
    expect(sent[2]?.headers).not.toHaveProperty('If-Match');
  });
});
