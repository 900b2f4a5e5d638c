import type { Introduction, IntroViewState } from '../../../contracts/introductions';

/** The state as the caller's role reads it ("Waiting on Ada", "You declined", "Introduced"). */
export function introStateWords(intro: Pick<Introduction, 'role' | 'state' | 'broker' | 'target'>): string {
  const { role, state } = intro;
  switch (state) {
    case 'requested':
      // The requester is not told whether the broker has agreed yet (it would tell who declined).
      return role === 'broker' ? 'Waiting on you' : 'Waiting for an answer';
    case 'awaiting-target':
      return role === 'target' ? 'Waiting on you' : `Waiting on ${intro.target.name}`;
    case 'broker-declined':
      return role === 'broker' ? 'You declined' : 'Declined';
    case 'target-declined':
      return role === 'target' ? 'You declined' : `${intro.target.name} declined`;
    case 'declined':
      return 'Declined';
    case 'introduced':
      return 'Introduced';
    case 'expired':
      return 'Expired';
    case 'withdrawn':
      return 'Withdrawn';
  }
}

/** A short word for a badge, the same whoever reads it. */
export const STATE_BADGE: Record<IntroViewState, string> = {
  requested: 'requested',
  'broker-declined': 'broker declined',
  'awaiting-target': 'awaiting the person',
  'target-declined': 'person declined',
  declined: 'declined',
  introduced: 'introduced',
  expired: 'expired',
  withdrawn: 'withdrawn',
};

/** Whether the caller has to decide now. */
export function waitsOnMe(intro: Pick<Introduction, 'role' | 'state'>): boolean {
  return (
    (intro.role === 'broker' && intro.state === 'requested') ||
    (intro.role === 'target' && intro.state === 'awaiting-target')
  );
}

/** The page title for one introduction, from where the caller stands. */
export function introTitle(
  intro: Pick<Introduction, 'role' | 'state' | 'requester' | 'broker' | 'target' | 'fromAsk'>,
): string {
  const open = intro.state === 'requested' || intro.state === 'awaiting-target';
  switch (intro.role) {
    case 'requester':
      return `Your introduction to ${intro.target.name}`;
    case 'broker':
      // Once decided (or offered on an ask), nobody is asking the broker anything any more.
      return intro.fromAsk || intro.state !== 'requested'
        ? `Your introduction of ${intro.requester.name} to ${intro.target.name}`
        : `${intro.requester.name} asks you to introduce them to ${intro.target.name}`;
    case 'target':
      if (open) return `${intro.broker.name} would like to introduce you to ${intro.requester.name}`;
      return intro.state === 'introduced'
        ? `${intro.broker.name} introduced you to ${intro.requester.name}`
        : `${intro.broker.name}’s introduction to ${intro.requester.name}`;
  }
}

/**
 * Who started it, in words: a requester asks; on an ask the broker offered, and nobody asked anyone. Ends before
 * the reason ("… Why:" or "… Their ask:").
 */
export function introOrigin(
  intro: Pick<Introduction, 'role' | 'requester' | 'broker' | 'target' | 'fromAsk'>,
): string {
  const requester = intro.role === 'requester' ? 'you' : intro.requester.name;
  const broker = intro.role === 'broker' ? 'You' : intro.broker.name;
  const target = intro.role === 'target' ? 'you' : intro.target.name;
  if (intro.fromAsk) {
    const whose = intro.role === 'requester' ? 'your' : 'their';
    return `${broker} offered to introduce ${requester} to ${target}, answering ${whose} ask. The ask:`;
  }
  const asker = intro.role === 'requester' ? 'You' : intro.requester.name;
  return `${asker} asked ${intro.role === 'broker' ? 'you' : intro.broker.name} for an introduction to ${target}. Why:`;
}

/** The label of the broker's note to the person (the requester never sees it). */
export function introNoteLabel(intro: Pick<Introduction, 'role' | 'broker' | 'target'>): string {
  return intro.role === 'target'
    ? `${intro.broker.name}’s note to you:`
    : intro.role === 'broker'
      ? `Your note to ${intro.target.name}:`
      : `${intro.broker.name}’s note to ${intro.target.name}:`;
}

/** The heading over what the person shared: with the requester, whoever reads it. */
export function sharedHeading(intro: Pick<Introduction, 'role' | 'requester' | 'target'>): string {
  switch (intro.role) {
    case 'target':
      return `What you shared with ${intro.requester.name}`;
    case 'requester':
      return `What ${intro.target.name} shared with you`;
    case 'broker':
      return `What ${intro.target.name} shared with ${intro.requester.name}`;
  }
}

/**
 * How the person would be asked, in the web app's own words (the server's `problem` text names settings meant for
 * API users). `mailConfigured` is undefined while unknown: e-mail is then not promised. `blocked` when the broker
 * cannot accept.
 */
export function reachWords(
  intro: Pick<Introduction, 'reach' | 'target'>,
  mailConfigured: boolean | undefined,
): { text: string; blocked: boolean } | null {
  const r = intro.reach;
  const name = intro.target.name;
  if (!r) return null;
  if (r.via === 'account') {
    return {
      text: `${name} is on Rapport: they are asked in the app${mailConfigured ? ' and by email' : ''}.`,
      blocked: false,
    };
  }
  if (r.via === 'email' && !r.problem) {
    return {
      text: `${name} gets a one-time link at ${r.email}, the address you have for them, and chooses what to share.`,
      blocked: false,
    };
  }
  if (r.via === 'email') {
    // An address and still a problem: the only one left is a server that sends no mail.
    return {
      text: `This server can’t send email, so ${name} can’t be asked: they are not on Rapport, and a one-time link by email is the only way to reach them. Decline, or ask the person who runs this server to set up email.`,
      blocked: true,
    };
  }
  return { text: capitalised(r.problem ?? `${name} cannot be asked.`), blocked: true };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
