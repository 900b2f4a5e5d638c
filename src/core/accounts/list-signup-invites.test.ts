import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { createSignupInvite } from './create-signup-invite';
import { listSignupInvites } from './list-signup-invites';
import { signUp } from './sign-up';

describeEngines('listing my sign-up invites', (h) => {
  it('lists my unused, unexpired invites, the newest first, without their codes', async () => {
    const ada = await h.account('Ada');
    const bea = await h.account('Bea');
    const anyone = await createSignupInvite(ada.ctx, {});
    ada.ctx.clock.advance(60_000);
    const bound = await createSignupInvite(ada.ctx, { email: 'Grace@Example.test', expiresInDays: 30 });
    ada.ctx.clock.advance(60_000);
    const used = await createSignupInvite(ada.ctx, {});
    const short = await createSignupInvite(ada.ctx, { expiresInDays: 1 });
    await createSignupInvite(bea.ctx, {});
    const base = {
      ...h.ctx(),
      clock: ada.ctx.clock,
      settings: { ...h.ctx().settings, signup: 'invite' as const },
    };
    await signUp(base, {
      email: `alan-${used.id}@example.test`,
      password: 'long enough',
      name: 'Alan',
      inviteCode: used.code,
    });
    ada.ctx.clock.advance(DAY_MS + 1);

    const list = await listSignupInvites(ada.ctx);
    expect(list).toEqual([
      {
        id: bound.id,
        email: 'grace@example.test',
        createdAt: expect.any(String),
        expiresAt: bound.expiresAt,
      },
      { id: anyone.id, email: null, createdAt: expect.any(String), expiresAt: anyone.expiresAt },
    ]);
    expect(list.map((i) => i.id)).not.toContain(short.id);
    expect(JSON.stringify(list)).not.toContain(anyone.code);
  });

  it('needs a signed-in actor', async () => {
    await expect(listSignupInvites(h.ctx())).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
