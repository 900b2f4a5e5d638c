import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';
import { markEmailVerified } from '../../../test/network';
import type { Mailer } from '../../core/mail/mailer';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../../core/mail/smtp-sink.test-support';

describe.each(ENGINES)('outreach API [%s]', (engine) => {
  let sink: SmtpSink;
  let inner: Mailer;
  // The server is built before the sink listens: it sends through whichever mailer the sink gave.
  const mailer: Mailer = { send: (m) => inner.send(m) };
  const server = serveForTests(engine, { app: { mailer } });
  beforeAll(async () => {
    sink = await startSmtpSink();
    inner = smtpTestMailer(sink.port);
  });
  afterAll(async () => {
    await sink.close();
  });

  it('queue → write → send by email → reply → stats, over HTTP', async () => {
    const u = await server.user('Bram Okonkwo');
    const today = (await u.get('/api/v1/today')).body.date as string;
    const address = `sam-${engine}-${Date.now()}@example.test`;
    const c = await u.post('/api/v1/contacts', {
      givenName: 'Sam',
      familyName: 'Caldwell',
      organisation: 'Acme',
      connectedOn: today,
      emails: [{ value: address }],
    });
    expect(c.status).toBe(201);
    const queue = await u.get('/api/v1/outreach/queue');
    expect(queue.body).toMatchObject({
      counts: { queued: 1 },
      items: [{ contact: { id: c.body.id }, state: 'queued' }],
    });
    const id = queue.body.items[0].id as string;
    const detail = await u.get(`/api/v1/outreach/items/${id}`);
    expect(detail.body.suggestion).toMatchObject({ kind: 'first', channel: 'email', templateId: null });

    const draft = {
      channel: 'email',
      subject: 'Hello {firstName}',
      body: 'Hi {firstName},\n\nYour demo of the Acme routing engine at the fair was brilliant.\n\n{myName}',
    };
    const bad = await u.post(`/api/v1/outreach/items/${id}/preview`, {
      ...draft,
      body: 'Hi {firstName}, {compnay}',
    });
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ ok: false, unknownFields: ['compnay'] });
    const refused = await u.post(`/api/v1/outreach/items/${id}/send`, {
      ...draft,
      body: 'Hi {firstName}',
      sendKey: 'http-send-0001',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0]).toMatchObject({ path: 'body' });

    const sent = await u.post(`/api/v1/outreach/items/${id}/send`, { ...draft, sendKey: 'http-send-0002' });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ message: { status: 'sent', to: address }, item: { state: 'sent' } });
    const again = await u.post(`/api/v1/outreach/items/${id}/send`, { ...draft, sendKey: 'http-send-0002' });
    expect(again.body.message.id).toBe(sent.body.message.id);
    const mails = sink.to(address);
    expect(mails.map((m) => m.parsed.subject)).toEqual(['Hello Sam']);

    expect((await u.post(`/api/v1/outreach/items/${id}/replied`)).body.state).toBe('replied');
    const stats = await u.get('/api/v1/outreach/stats');
    expect(stats.body.total).toMatchObject({ sent: 1, replied: 1, rate: 1 });
    expect(stats.body.baseline).toBe(0.25);
    const who = await u.get('/api/v1/outreach/replies');
    expect(who.body.items.map((r: { contact: { displayName: string } }) => r.contact.displayName)).toEqual([
      'Sam Caldwell',
    ]);
    expect(who.body.total).toBe(1);
  });

  it('a message on Rapport to a connection, over HTTP: refused before connecting, sent once, their reply noticed', async () => {
    const bram = await server.user('Bram Okonkwo');
    const ines = await server.user('Ines Duarte');
    for (const u of [bram, ines]) await markEmailVerified(server.handle().db, u.accountId);
    const today = (await bram.get('/api/v1/today')).body.date as string;
    const c = await bram.post('/api/v1/contacts', {
      givenName: 'Ines',
      familyName: 'Duarte',
      connectedOn: today,
      emails: [{ value: ines.email }],
    });
    const id = (await bram.get('/api/v1/outreach/queue')).body.items[0].id as string;
    const draft = {
      channel: 'rapport',
      body: 'Hi {firstName},\n\nYour routing demo at the Rotterdam fair was the best thing I saw all week.\n\n{myFirstName}',
    };
    expect((await bram.get(`/api/v1/outreach/items/${id}`)).body.rapport).toBeNull();
    const stranger = await bram.post(`/api/v1/outreach/items/${id}/send`, {
      ...draft,
      sendKey: 'http-rapport-01',
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.message).toContain(
      'Ines Duarte is not an account you are connected with on Rapport',
    );
    expect(stranger.body.error.details.issues).toEqual([{ path: 'channel', message: expect.any(String) }]);

    const invite = await bram.post('/api/v1/network/invites', { email: ines.email });
    const accepted = await ines.post(`/api/v1/network/connections/${invite.body.connection.id}/accept`);
    expect(accepted.status).toBe(200);
    const detail = await bram.get(`/api/v1/outreach/items/${id}`);
    expect(detail.body).toMatchObject({
      contact: { id: c.body.id },
      rapport: { account: { id: ines.accountId, name: 'Ines Duarte' } },
      suggestion: { channel: 'rapport', subject: null },
    });
    const marked = await bram.post(`/api/v1/outreach/items/${id}/mark-sent`, {
      ...draft,
      sendKey: 'http-rapport-02',
    });
    expect(marked.status).toBe(400);

    const sent = await bram.post(`/api/v1/outreach/items/${id}/send`, {
      ...draft,
      sendKey: 'http-rapport-03',
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      message: { channel: 'rapport', status: 'sent' },
      item: { state: 'sent' },
    });
    const again = await bram.post(`/api/v1/outreach/items/${id}/send`, {
      ...draft,
      sendKey: 'http-rapport-03',
    });
    expect(again.body.message.id).toBe(sent.body.message.id);
    const thread = await ines.get(`/api/v1/network/messages/${bram.accountId}`);
    expect(thread.body.items.map((m: { body: string }) => m.body)).toEqual([
      'Hi Ines,\n\nYour routing demo at the Rotterdam fair was the best thing I saw all week.\n\nBram',
    ]);
    const notices = sink.to(ines.email);
    expect(notices.map((m) => m.parsed.subject)).toContain('New message from Bram Okonkwo on Rapport');

    const reply = await ines.post(`/api/v1/network/messages/${bram.accountId}`, {
      body: 'Thank you! Coffee?',
    });
    expect(reply.status).toBe(201);
    expect((await bram.get(`/api/v1/outreach/items/${id}`)).body.state).toBe('replied');
    const stats = await bram.get('/api/v1/outreach/stats');
    expect(stats.body.byChannel).toMatchObject([{ key: 'rapport', sent: 1, replied: 1 }]);
  });

  it('mark-sent says when it went out, and undo-sent takes it back: the person is queued again, the rate forgets it', async () => {
    const u = await server.user('Noor Haddad');
    const today = (await u.get('/api/v1/today')).body.date as string;
    const day = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    await u.post('/api/v1/contacts', { givenName: 'Cole', familyName: 'Tran', connectedOn: day(10) });
    const id = (await u.get('/api/v1/outreach/queue')).body.items[0].id as string;
    const draft = {
      channel: 'linkedin',
      subject: 'Great to connect',
      body: 'Hi {firstName}, your talk on harbour logistics in Oslo was the best of the conference.',
      sendKey: 'http-sent-at-1',
    };
    const future = await u.post(`/api/v1/outreach/items/${id}/mark-sent`, {
      ...draft,
      sentAt: `${day(-2)}T10:00:00Z`,
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details.issues).toEqual([
      { path: 'sentAt', message: expect.stringContaining('future') },
    ]);
    const marked = await u.post(`/api/v1/outreach/items/${id}/mark-sent`, {
      ...draft,
      sentAt: `${day(3)}T10:00:00Z`,
    });
    expect(marked.status).toBe(200);
    expect(marked.body.message).toMatchObject({ sentAt: `${day(3)}T10:00:00.000Z`, subject: null });
    expect(marked.body.item).toMatchObject({ state: 'sent', followUpOn: day(-4) });
    expect((await u.get('/api/v1/outreach/stats')).body.total.sent).toBe(1);

    const unknown = await u.post(`/api/v1/outreach/items/${id}/undo-sent`, {
      messageId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    const undone = await u.post(`/api/v1/outreach/items/${id}/undo-sent`, {
      messageId: marked.body.message.id,
    });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({
      id,
      state: 'queued',
      sentAt: null,
      followUpOn: null,
      lastMessage: null,
    });
    expect((await u.get('/api/v1/outreach/queue')).body.counts.queued).toBe(1);
    expect((await u.get('/api/v1/outreach/stats')).body.total.sent).toBe(0);
    const twice = await u.post(`/api/v1/outreach/items/${id}/undo-sent`, {
      messageId: marked.body.message.id,
    });
    expect(twice.status).toBe(404);
  });

  it('templates: bad input is refused with the field named', async () => {
    const u = await server.user();
    const bad = await u.post('/api/v1/outreach/templates', { name: 'x', body: 'Hi {first}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation', details: { issues: [{ path: 'body' }] } });
    expect(
      (await u.post('/api/v1/outreach/templates', { name: '', body: 'x' })).body.error.details.issues[0].path,
    ).toBe('name');
    const ok = await u.post('/api/v1/outreach/templates', {
      name: 'Hello',
      body: 'Hi {firstName}',
      followUpDays: 3,
    });
    expect(ok.status).toBe(201);
    expect((await u.patch(`/api/v1/outreach/templates/${ok.body.id}`, { followUpDays: 0 })).status).toBe(400);
    expect((await u.delete(`/api/v1/outreach/templates/${ok.body.id}`)).status).toBe(204);
    expect((await u.get('/api/v1/outreach/templates')).body.items).toEqual([]);
    expect((await u.get('/api/v1/outreach/queue?view=nope')).status).toBe(400);
  });
});
