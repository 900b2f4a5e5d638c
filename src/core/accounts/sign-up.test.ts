import { expect, it, vi } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { Ctx, SignupMode } from '../context';
import type { MailMessage } from '../mail/mailer';
import { createSignupInvite } from './create-signup-invite';
import * as password from './password';
import { SIGNUP_REFUSED, signUp } from './sign-up';

// The real hash, counted: sign-up must cost the same hash whether the address is taken or not.
vi.mock('./password', async (original) => {
  const real = await original<typeof import('./password')>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

const REFUSED = { code: 'conflict', message: SIGNUP_REFUSED, details: { reason: 'signup_refused' } };

describeEngines('sign-up does not say which addresses have accounts', (h) => {
  function server(signup: SignupMode, mail: MailMessage[] | null = null): Ctx {
    const base = h.ctx();
    return {
      ...base,
      settings: { ...base.settings, signup },
      mailer: mail && {
        send: async (m) => {
          mail.push(m);
          return { messageId: `<${mail.length}@test>` };
        },
      },
    };
  }
  const details = (email: string, extra: { inviteCode?: string } = {}) => ({
    email,
    password: 'a long enough password',
    name: 'Someone Else',
    ...extra,
  });

  it('refuses a taken address (any case) with the generic answer, after the same password hash', async () => {
    const ada = await h.account('Ada');
    const hashes = vi.mocked(password.hashPassword);
    hashes.mockClear();
    await expect(signUp(server('open'), details(` ${ada.email.toUpperCase()} `))).rejects.toMatchObject(
      REFUSED,
    );
    expect(hashes).toHaveBeenCalledTimes(1);
    await signUp(server('open'), details(`new-${ada.id}@example.test`));
    expect(hashes).toHaveBeenCalledTimes(2);
    await expect(signUp(server('open'), details(ada.email))).rejects.not.toMatchObject({
      message: expect.stringMatching(/exists|taken|already has/i),
    });
  });

  it('with mail, answers a taken and a new address alike, after the same hash; mails the owner or a link', async () => {
    const ada = await h.account('Ada');
    const mail: MailMessage[] = [];
    const hashes = vi.mocked(password.hashPassword);
    hashes.mockClear();
    const fresh = `fresh-${ada.id}@example.test`;
    expect(await signUp(server('open', mail), details(ada.email))).toEqual({ checkInbox: true });
    expect(await signUp(server('open', mail), details(fresh))).toEqual({ checkInbox: true });
    expect(hashes).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(mail).toHaveLength(2));
    const notice = mail.find((m) => m.to.address === ada.email);
    expect(notice?.subject).toBe('Someone tried to sign up to Rapport with your address');
    expect(notice?.text).toContain('http://localhost:3000/sign-in');
    expect(notice?.text).not.toContain('a long enough password');
    const link = mail.find((m) => m.to.address === fresh);
    expect(link?.subject).toBe('Confirm your new Rapport account');
    expect(link?.text).toMatch(/http:\/\/localhost:3000\/sign-up\/confirm\/[\w-]{32}/);
    expect(link?.text).not.toContain('a long enough password');
    // Nothing is made until the link is followed.
    const made = await h
      .ctx()
      .db.selectFrom('accounts')
      .select('id')
      .where('email_norm', '=', fresh)
      .execute();
    expect(made).toEqual([]);
  });

  it('without mail, refuses a taken address and mails nobody (nobody to mail)', async () => {
    const ada = await h.account('Ada');
    await expect(signUp(server('open'), details(ada.email))).rejects.toMatchObject(REFUSED);
    expect(await signUp(server('open'), details(`now-${ada.id}@example.test`))).toMatchObject({
      email: `now-${ada.id}@example.test`,
    });
  });

  it('with mail, an invite sign-up still makes the account at once (the invite was mailed to that address)', async () => {
    const ada = await h.account('Ada');
    const mail: MailMessage[] = [];
    const invite = await createSignupInvite(ada.ctx, { email: `bound-${ada.id}@example.test` });
    expect(
      await signUp(
        server('invite', mail),
        details(`bound-${ada.id}@example.test`, { inviteCode: invite.code }),
      ),
    ).toMatchObject({ email: `bound-${ada.id}@example.test` });
  });

  it('answers the same with an invite for anyone, which stays usable', async () => {
    const ada = await h.account('Ada');
    const invite = await createSignupInvite(ada.ctx, {});
    await expect(
      signUp(server('invite'), details(ada.email, { inviteCode: invite.code })),
    ).rejects.toMatchObject(REFUSED);
    const kim = await signUp(
      server('invite'),
      details(`kim-${ada.id}@example.test`, { inviteCode: invite.code }),
    );
    expect(kim).toMatchObject({ email: `kim-${ada.id}@example.test` });
  });

  it('keeps the precise answer for an invite bound to that very address (the invite names it already)', async () => {
    const ada = await h.account('Ada');
    const bea = await h.account('Bea');
    const invite = await createSignupInvite(ada.ctx, { email: bea.email });
    await expect(
      signUp(server('invite'), details(bea.email, { inviteCode: invite.code })),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { issues: [{ path: 'email', message: 'an account with this email already exists' }] },
    });
  });

  it('refuses on a closed server before looking at the address', async () => {
    const ada = await h.account('Ada');
    await expect(signUp(server('closed'), details(ada.email))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(signUp(server('closed'), details(`x-${ada.id}@example.test`))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
