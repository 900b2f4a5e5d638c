import { expect, it, vi } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { silentLog } from '../context';
import type { MailMessage } from '../mail/mailer';
import { signUp } from './sign-up';
import { SIGNUP_NOTICE_WINDOW_MS } from './signup-notice-limit';

describeEngines('the sign-up notice limit', (h) => {
  it('does not spend the hour on a notice the mail server refused', async () => {
    const ada = await h.account('Ada');
    const base = h.ctx();
    const tried: MailMessage[] = [];
    const delivered: MailMessage[] = [];
    const heldBack: object[] = [];
    const ctx = {
      ...base,
      log: {
        ...silentLog,
        info: (o: object, msg?: string) => msg?.includes('held back') && heldBack.push(o),
      },
      settings: { ...base.settings, signup: 'open' as const },
      mailer: {
        send: async (m: MailMessage) => {
          tried.push(m);
          if (tried.length === 1) throw Object.assign(new Error('mailbox busy'), { responseCode: 451 });
          delivered.push(m);
          return { messageId: `<${tried.length}@test>` };
        },
      },
    };
    // Refused or "check your inbox", depending on how this server confirms sign-ups: never an account.
    const attempt = () =>
      signUp(ctx, { email: ada.email, password: 'a long enough password', name: 'Someone Else' }).then(
        (r) => expect(r).toEqual({ checkInbox: true }),
        (e: unknown) => expect(e).toMatchObject({ code: 'conflict' }),
      );

    await attempt();
    await vi.waitFor(() => expect(tried).toHaveLength(1));
    await attempt();
    await vi.waitFor(() => expect(delivered).toHaveLength(1));
    // That one went: the next within the hour is held back, the one after the hour goes.
    base.clock.advance(SIGNUP_NOTICE_WINDOW_MS - 1);
    await attempt();
    await vi.waitFor(() => expect(heldBack).toEqual([{ accountId: ada.id, heldBack: 1 }]));
    base.clock.advance(1);
    await attempt();
    await vi.waitFor(() => expect(delivered).toHaveLength(2));
    expect(tried).toHaveLength(3);
    expect(delivered.every((m) => m.to.address === ada.email)).toBe(true);
  });
});
