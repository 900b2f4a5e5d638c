import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { Ctx } from '../context';
import { createSignupInvite } from './create-signup-invite';
import { inspectSignupInvite } from './inspect-signup-invite';
import { listSignupInvites } from './list-signup-invites';
import { revokeSignupInvite } from './revoke-signup-invite';
import { signUp } from './sign-up';

describeEngines('revoking a sign-up invite', (h) => {
  const inviteOnly = (): Ctx => ({ ...h.ctx(), settings: { ...h.ctx().settings, signup: 'invite' } });
  const signUpWith = (email: string, inviteCode: string) =>
    signUp(inviteOnly(), { email, password: 'long enough', name: email, inviteCode });

  it('makes its code useless at once, and leaves my other invites alone', async () => {
    const ada = await h.account('Ada');
    const revoked = await createSignupInvite(ada.ctx, {});
    const kept = await createSignupInvite(ada.ctx, {});
    await revokeSignupInvite(ada.ctx, revoked.id);

    await expect(signUpWith(`eve-${revoked.id}@example.test`, revoked.code)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/^inviteCode: /),
    });
    await expect(inspectSignupInvite(h.ctx(), revoked.code)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listSignupInvites(ada.ctx)).map((i) => i.id)).toEqual([kept.id]);
    expect(await signUpWith(`kim-${kept.id}@example.test`, kept.code)).toMatchObject({
      name: expect.any(String),
    });
  });

  it("answers another account's invite, a used one and an unknown id alike: not_found, nothing revoked", async () => {
    const ada = await h.account('Ada');
    const bea = await h.account('Bea');
    const beas = await createSignupInvite(bea.ctx, {});
    const used = await createSignupInvite(ada.ctx, {});
    await signUpWith(`used-${used.id}@example.test`, used.code);

    for (const id of [beas.id, used.id, '01900000-0000-7000-8000-000000000000']) {
      await expect(revokeSignupInvite(ada.ctx, id)).rejects.toMatchObject({
        code: 'not_found',
        message: 'invite not found',
      });
    }
    expect((await listSignupInvites(bea.ctx)).map((i) => i.id)).toEqual([beas.id]);
    await expect(revokeSignupInvite(h.ctx(), beas.id)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
