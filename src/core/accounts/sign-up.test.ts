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

  it('mails the owner of a taken address instead, and nobody for a new account', async () => {
    const ada = await h.account('Ada');
    const mail: MailMessage[] = [];
    await expect(signUp(server('open', mail), details(ada.email))).rejects.toMatchObject(REFUSED);
    await vi.waitFor(() => expect(mail).toHaveLength(1));
    expect(mail[0]?.to.address).toBe(ada.email);
    expect(mail[0]?.subject).toBe('Someone tried to sign up to Rapport with your address');
    expect(mail[0]?.text).toContain('http://localhost:3000/sign-in');
    expect(mail[0]?.text).not.toContain('a long enough password');
    await signUp(server('open', mail), details(`fresh-${ada.id}@example.test`));
    // Give a stray notice the time it would need.
    await new Promise((r) => setTimeout(r, 50));
    expect(mail).toHaveLength(1);
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
    expect(kim.email).toBe(`kim-${ada.id}@example.test`);
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
