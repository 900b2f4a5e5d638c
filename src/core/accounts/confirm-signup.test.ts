import { expect, it, vi } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import type { Ctx } from '../context';
import type { MailMessage } from '../mail/mailer';
import { confirmSignup, SIGNUP_LINK_INVALID } from './confirm-signup';
import { logIn } from './log-in';
import { purgeExpiredPendingSignups } from './purge-expired-pending-signups';
import { signUp } from './sign-up';

const INVALID = { code: 'not_found', message: SIGNUP_LINK_INVALID };

describeEngines('e-mail-confirmed sign-up', (h) => {
  /** An open server that mails, at the harness's (movable) clock, and the secrets of the links it mailed. */
  function server() {
    const base = h.ctx();
    const mail: MailMessage[] = [];
    const ctx: typeof base & Pick<Ctx, 'mailer'> = {
      ...base,
      settings: { ...base.settings, signup: 'open' as const },
      mailer: {
        send: async (m: MailMessage) => {
          mail.push(m);
          return { messageId: `<${mail.length}@test>` };
        },
      },
    };
    const link = (to: string) => {
      const found = mail.filter((m) => m.to.address === to).at(-1);
      const token = /\/sign-up\/confirm\/([\w-]+)/.exec(found?.text ?? '')?.[1];
      if (!token) throw new Error(`no link mailed to ${to}`);
      return token;
    };
    return { ctx, mail, link };
  }
  const details = (email: string) => ({ email, password: 'a long enough password', name: 'Grace' });

  it('makes the account with the details signed up with, once', async () => {
    const ada = await h.account('Ada');
    const s = server();
    const email = `grace-${ada.id}@example.test`;
    expect(await signUp(s.ctx, details(email))).toEqual({ checkInbox: true });
    await vi.waitFor(() => expect(s.mail).toHaveLength(1));
    const account = await confirmSignup(s.ctx, { token: s.link(email) });
    expect(account).toMatchObject({ email, name: 'Grace' });
    const row = await h
      .ctx()
      .db.selectFrom('accounts')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirst();
    // Following the mailed link proved the address: verified then, as the network needs (ADR 13).
    expect(row).toMatchObject({ email, name: 'Grace', email_verified_at: s.ctx.clock.now().toISOString() });
    // The password chosen at sign-up is the one that signs in.
    expect(await logIn(h.ctx(), { email, password: 'a long enough password' })).toMatchObject({
      id: account.id,
    });
    await expect(confirmSignup(s.ctx, { token: s.link(email) })).rejects.toMatchObject(INVALID);
  });

  it('takes the whole pasted link too, and refuses a mistyped one', async () => {
    const ada = await h.account('Ada');
    const s = server();
    const email = `paste-${ada.id}@example.test`;
    await signUp(s.ctx, details(email));
    await vi.waitFor(() => expect(s.mail).toHaveLength(1));
    await expect(confirmSignup(s.ctx, { token: `${s.link(email)}x` })).rejects.toMatchObject(INVALID);
    const account = await confirmSignup(s.ctx, {
      token: ` http://localhost:3000/sign-up/confirm/${s.link(email)} `,
    });
    expect(account.email).toBe(email);
  });

  it('refuses a link past its 24 hours, and housekeeping forgets it', async () => {
    const ada = await h.account('Ada');
    const s = server();
    const email = `late-${ada.id}@example.test`;
    await signUp(s.ctx, details(email));
    await vi.waitFor(() => expect(s.mail).toHaveLength(1));
    s.ctx.clock.advance(DAY_MS + 1);
    await expect(confirmSignup(s.ctx, { token: s.link(email) })).rejects.toMatchObject(INVALID);
    expect(await purgeExpiredPendingSignups(s.ctx)).toBeGreaterThanOrEqual(1);
    const left = await h
      .ctx()
      .db.selectFrom('pending_signups')
      .select('id')
      .where('email', '=', email)
      .execute();
    expect(left).toEqual([]);
  });

  it('one link of several for an address makes the account; the others then stop working', async () => {
    const ada = await h.account('Ada');
    const s = server();
    const email = `twice-${ada.id}@example.test`;
    await signUp(s.ctx, details(email));
    await vi.waitFor(() => expect(s.mail).toHaveLength(1));
    const first = s.link(email);
    await signUp(s.ctx, { ...details(email), name: 'Grace H.' });
    await vi.waitFor(() => expect(s.mail).toHaveLength(2));
    const second = s.link(email);
    expect(second).not.toBe(first);
    expect((await confirmSignup(s.ctx, { token: second })).name).toBe('Grace H.');
    await expect(confirmSignup(s.ctx, { token: first })).rejects.toMatchObject(INVALID);
  });

  it('sends at most three live links to one address, answering the same after that', async () => {
    const ada = await h.account('Ada');
    const s = server();
    const email = `flood-${ada.id}@example.test`;
    for (let i = 0; i < 5; i++) expect(await signUp(s.ctx, details(email))).toEqual({ checkInbox: true });
    await vi.waitFor(() => expect(s.mail).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 50));
    expect(s.mail).toHaveLength(3);
  });

  it('does not keep a link the mail server refused (it does not count against the three)', async () => {
    const ada = await h.account('Ada');
    const s = server();
    const email = `refused-${ada.id}@example.test`;
    const refusing = { ...s.ctx, mailer: { send: async () => Promise.reject(new Error('451 try later')) } };
    await signUp(refusing, details(email));
    await vi.waitFor(async () => {
      const rows = await h
        .ctx()
        .db.selectFrom('pending_signups')
        .select('id')
        .where('email', '=', email)
        .execute();
      expect(rows).toEqual([]);
    });
  });
});
