import { describe, expect, it } from 'vitest';
import type { OutreachItem } from '../../../contracts/outreach';
import { formatDate } from '../../ui/format';
import { contactOutreachWords } from './contact-outreach-words';

const queued: OutreachItem = {
  id: 'o1',
  state: 'queued',
  reason: 'new-connection',
  contact: { id: 'c1', displayName: 'Grace Hopper', title: null, organisation: null, source: 'linkedin' },
  connectedOn: '2026-11-20',
  purpose: null,
  queuedAt: '2026-11-20T09:00:00.000Z',
  sentAt: null,
  repliedAt: null,
  followUpOn: null,
  followedUpAt: null,
  followUpDue: false,
  closedAt: null,
  lastMessage: null,
  writtenOutside: null,
};
const SENT = '2026-11-21T10:00:00.000Z';

describe('the contact page’s outreach line', () => {
  it('says the person waits for a first message, or was written to and a reply is awaited', () => {
    expect(contactOutreachWords(queued)).toBe('In your outreach queue: waiting for a first message.');
    const sent = { ...queued, state: 'sent' as const, sentAt: SENT, followUpOn: '2026-11-28' };
    expect(contactOutreachWords(sent)).toBe(`Outreach message sent ${formatDate(SENT)}, awaiting a reply.`);
    expect(contactOutreachWords({ ...sent, followUpDue: true })).toBe(
      `Outreach message sent ${formatDate(SENT)}, no reply yet: a follow-up is due.`,
    );
    expect(
      contactOutreachWords({ ...sent, state: 'followed-up', followedUpAt: '2026-11-28T10:00:00.000Z' }),
    ).toBe(`Outreach follow-up sent ${formatDate('2026-11-28T10:00:00.000Z')}, awaiting a reply.`);
  });

  it('says nothing when the person is not in the queue', () => {
    expect(contactOutreachWords(null)).toBeNull();
    const closed = '2026-11-25T10:00:00.000Z';
    expect(
      contactOutreachWords({ ...queued, state: 'replied', repliedAt: closed, closedAt: closed }),
    ).toBeNull();
    expect(contactOutreachWords({ ...queued, state: 'dismissed', closedAt: closed })).toBeNull();
    expect(contactOutreachWords({ ...queued, state: 'closed', closedAt: closed })).toBeNull();
    const outside = { interactionId: 'i1', at: SENT, kind: 'email', source: 'web' };
    expect(contactOutreachWords({ ...queued, writtenOutside: outside })).toBeNull();
  });
});
