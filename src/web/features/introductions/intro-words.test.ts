import { describe, expect, it } from 'vitest';
import type { Introduction } from '../../../contracts/introductions';
import { introNoteLabel, introOrigin, introTitle, reachWords, sharedHeading } from './intro-words';

const base = {
  role: 'requester',
  state: 'requested',
  requester: { accountId: 'a', name: 'Ana Ferreira' },
  broker: { accountId: 'b', name: 'Ben Okafor' },
  target: { name: 'Chloé Müller', contactId: null },
  fromAsk: false,
  reach: null,
} satisfies Partial<Introduction>;
type Intro = Omit<typeof base, 'role' | 'state' | 'fromAsk' | 'reach'> &
  Pick<Introduction, 'role' | 'state' | 'fromAsk' | 'reach'>;
const as = (over: Partial<Intro>): Intro => ({ ...base, ...over });

describe('introduction wording', () => {
  it('says what the person shared with the requester, not with the broker', () => {
    expect(sharedHeading(as({ role: 'broker' }))).toBe('What Chloé Müller shared with Ana Ferreira');
    expect(sharedHeading(as({ role: 'requester' }))).toBe('What Chloé Müller shared with you');
    expect(sharedHeading(as({ role: 'target' }))).toBe('What you shared with Ana Ferreira');
  });

  it('tells the person the broker’s note is to them', () => {
    expect(introNoteLabel(as({ role: 'target' }))).toBe('Ben Okafor’s note to you:');
    expect(introNoteLabel(as({ role: 'broker' }))).toBe('Your note to Chloé Müller:');
  });

  it('an introduction offered on an ask says the broker offered it; nobody "asked"', () => {
    const requester = introOrigin(as({ role: 'requester', fromAsk: true }));
    const target = introOrigin(as({ role: 'target', fromAsk: true }));
    const broker = introOrigin(as({ role: 'broker', fromAsk: true }));
    expect(requester).toBe(
      'Ben Okafor offered to introduce you to Chloé Müller, answering your ask. The ask:',
    );
    expect(target).toBe('Ben Okafor offered to introduce Ana Ferreira to you, answering their ask. The ask:');
    expect(broker).toBe(
      'You offered to introduce Ana Ferreira to Chloé Müller, answering their ask. The ask:',
    );
    for (const words of [requester, target, broker]) expect(words).not.toMatch(/asked/);
    expect(introOrigin(as({ role: 'requester' }))).toBe(
      'You asked Ben Okafor for an introduction to Chloé Müller. Why:',
    );
  });

  it('a closed introduction’s title no longer says the broker "would like to"', () => {
    expect(introTitle(as({ role: 'target', state: 'awaiting-target' }))).toBe(
      'Ben Okafor would like to introduce you to Ana Ferreira',
    );
    expect(introTitle(as({ role: 'target', state: 'introduced' }))).toBe(
      'Ben Okafor introduced you to Ana Ferreira',
    );
    for (const state of ['target-declined', 'expired', 'withdrawn'] as const) {
      expect(introTitle(as({ role: 'target', state }))).toBe('Ben Okafor’s introduction to Ana Ferreira');
    }
    expect(introTitle(as({ role: 'broker', state: 'requested' }))).toBe(
      'Ana Ferreira asks you to introduce them to Chloé Müller',
    );
    expect(introTitle(as({ role: 'broker', state: 'requested', fromAsk: true }))).toBe(
      'Your introduction of Ana Ferreira to Chloé Müller',
    );
  });
});

describe('reachWords: how the person is asked, before the broker decides', () => {
  const noMail =
    'this server cannot send e-mail (SMTP_URL is not set), so Chloé Müller cannot be asked by e-mail';

  it('promises e-mail to a person with an account only when the server can send it', () => {
    const intro = as({ role: 'broker', reach: { via: 'account', email: null, problem: null } });
    expect(reachWords(intro, false)).toEqual({
      text: 'Chloé Müller is on Rapport: they are asked in the app.',
      blocked: false,
    });
    expect(reachWords(intro, undefined)?.text).not.toContain('email');
    expect(reachWords(intro, true)?.text).toBe(
      'Chloé Müller is on Rapport: they are asked in the app and by email.',
    );
  });

  it('without mail, a person without an account cannot be asked: said plainly, in our words, and blocked', () => {
    const r = reachWords(
      as({ role: 'broker', reach: { via: 'email', email: 'chloe@acme.example', problem: noMail } }),
      false,
    );
    expect(r?.blocked).toBe(true);
    expect(r?.text).toMatch(/^This server can’t send email, so Chloé Müller can’t be asked/);
    expect(r?.text).not.toMatch(/SMTP_URL|one-time link at/);
  });

  it('a link by e-mail when mail works; no address blocks with the server’s reason, capitalised', () => {
    const ok = reachWords(
      as({ role: 'broker', reach: { via: 'email', email: 'chloe@acme.example', problem: null } }),
      true,
    );
    expect(ok).toEqual({
      text: 'Chloé Müller gets a one-time link at chloe@acme.example, the address you have for them, and chooses what to share.',
      blocked: false,
    });
    const none = reachWords(
      as({
        role: 'broker',
        reach: { via: 'none', email: null, problem: 'you have no e-mail address for Chloé Müller, so …' },
      }),
      true,
    );
    expect(none).toEqual({ text: 'You have no e-mail address for Chloé Müller, so …', blocked: true });
  });
});
