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
export function introTitle(intro: Pick<Introduction, 'role' | 'requester' | 'broker' | 'target'>): string {
  switch (intro.role) {
    case 'requester':
      return `Your introduction to ${intro.target.name}`;
    case 'broker':
      return `${intro.requester.name} asks you to introduce them to ${intro.target.name}`;
    case 'target':
      return `${intro.broker.name} would like to introduce you to ${intro.requester.name}`;
  }
}
