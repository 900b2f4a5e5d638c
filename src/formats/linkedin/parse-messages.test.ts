import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMessageDirection } from './describe-message-direction';
import { inferOwnerProfileUrl } from './infer-owner-profile-url';
import { parseConnections } from './parse-connections';
import { type LinkedinMessage, parseMessages, splitRecipientNames } from './parse-messages';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const parse = (name: string, includeDrafts = false) =>
  parseMessages(fixture(name), { file: name, includeDrafts });
const BRAM = 'https://www.linkedin.com/in/bram-okonkwo';

describe('parseMessages', () => {
  it('reads the 9-column file from before mid-2023 (no recipient URLs)', () => {
    const { records, issues } = parse('messages-2022-9col.csv');
    expect(issues).toEqual([]);
    expect(records[0]).toEqual({
      ref: { file: 'messages-2022-9col.csv', line: 2 },
      conversationId: '2-OTk5ZmE0YjQtYzE2Ny00==',
      fromName: 'Élodie Marchetti',
      senderUrl: 'https://www.linkedin.com/in/elodie-marchetti-4f2a1b',
      toNames: ['Bram Okonkwo'],
      recipientUrls: [],
      sentAt: '2022-05-03T09:15:00.000Z',
      content: 'Thanks for connecting!',
      folder: 'INBOX',
      draft: false,
    });
    expect(records[1]?.sentAt).toBe('2022-05-03T10:02:41.000Z');
  });

  it('reads the 11-column file: multi-line HTML content, and recipients split on the URL list, not on TO', () => {
    const { records, issues } = parse('messages-2025-11col.csv');
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({
      ref: { line: 2 },
      conversationTitle: 'Team intro',
      toNames: ['Sam Caldwell, MBA', 'Ines Duarte'],
      recipientUrls: [
        'https://www.linkedin.com/in/sam-caldwell-mba',
        'https://www.linkedin.com/in/ines-duarte',
      ],
      subject: 'Introduction',
      content:
        '<p>Hi both,</p>\n<p>Sam, meet Ines &mdash; she leads the "Platform" team.</p>\n<p>Best, Bram</p>',
    });
    // The quoted content spans three lines, so the next message starts on line 5.
    expect(records[1]).toMatchObject({
      ref: { line: 5 },
      toNames: ['Bram Okonkwo', 'Sam Caldwell, MBA'],
      recipientUrls: [BRAM, 'https://www.linkedin.com/in/sam-caldwell-mba'],
    });
  });

  it('skips drafts flagged by IS MESSAGE DRAFT (or keeps them when asked)', () => {
    const { records, issues } = parse('messages-message-draft.csv');
    expect(records.map((m) => m.content)).toEqual(['Sent note']);
    expect(issues).toEqual([
      {
        ref: { file: 'messages-message-draft.csv', line: 2 },
        message: 'draft message skipped',
        severity: 'skipped',
      },
    ]);
    const kept = parse('messages-message-draft.csv', true);
    expect(kept.records.map((m) => [m.content, m.draft, m.folder])).toEqual([
      ['Half-written note', true, 'DRAFT'],
      ['Sent note', false, 'SENT'],
    ]);
  });

  it('skips drafts flagged by IS CONVERSATION DRAFT', () => {
    const { records, issues } = parse('messages-conversation-draft.csv');
    expect(records.map((m) => m.content)).toEqual(['A real one']);
    expect(issues.map((i) => [i.ref.line, i.severity])).toEqual([[2, 'skipped']]);
  });

  it('reads the variant with every cell quoted (CRLF)', () => {
    const { records, issues } = parse('messages-all-quoted.csv');
    expect(issues).toEqual([]);
    expect(records).toEqual([
      expect.objectContaining({ fromName: 'Yusuf Demir', content: 'Hello, "Bram"', recipientUrls: [BRAM] }),
    ]);
  });

  it('repairs double-encoded UTF-8 only where the whole string round-trips', () => {
    const { records } = parse('messages-mojibake.csv');
    expect(records[0]?.fromName).toBe('Élodie Marchetti');
    expect(records[0]?.content).toBe('Café at Müllerstraße? It’s on me');
    expect(records[1]?.content).toBe('Ã©tÃ© vs été (mixed: left alone)');
  });

  it('turns a row without a readable date into an error and keeps the others', () => {
    const text =
      'CONVERSATION ID,FROM,TO,DATE,CONTENT\n' +
      'c1,Ada,Bram,not a date,hello\n' +
      'c1,Bram,Ada,2024-01-01 10:00:00 UTC,hi\n';
    const { records, issues } = parseMessages(text);
    expect(records.map((m) => m.content)).toEqual(['hi']);
    expect(issues).toEqual([
      {
        ref: { file: 'messages.csv', line: 2 },
        field: 'DATE',
        message: '"not a date" is not a date (expected e.g. 2025-10-06 23:49:02 UTC); message not imported',
        severity: 'error',
      },
    ]);
  });

  it('drops only the message whose quote is never closed, and keeps the messages below it', () => {
    const text =
      'CONVERSATION ID,FROM,TO,DATE,CONTENT\n' +
      'c1,Ada,Bram,2024-01-01 10:00:00 UTC,"see you at 5\n' +
      'c1,Bram,Ada,2024-01-01 10:05:00 UTC,great\n' +
      'c1,Ada,Bram,2024-01-01 10:06:00 UTC,bring the deck\n';
    const { records, issues } = parseMessages(text);
    expect(records.map((m) => [m.ref.line, m.content])).toEqual([
      [3, 'great'],
      [4, 'bring the deck'],
    ]);
    expect(issues).toEqual([
      {
        ref: { file: 'messages.csv', line: 2 },
        message: 'a quoted cell opened here is never closed; this row is not imported',
        severity: 'error',
      },
    ]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Array.isArray(parseMessages(bytes).records)).toBe(true);
      }),
      { numRuns: 200 },
    );
    const header = 'CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\n';
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (body) => {
        expect(Array.isArray(parseMessages(header + body).records)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('splitRecipientNames', () => {
  it('folds credentials back into names to match the number of URLs', () => {
    expect(splitRecipientNames('Ada Quill, PhD, Bram Okonkwo, Jr., Cy Rowe', 3)).toEqual([
      'Ada Quill, PhD',
      'Bram Okonkwo, Jr.',
      'Cy Rowe',
    ]);
  });
  it('keeps the names in one piece when they cannot match the URL count', () => {
    expect(splitRecipientNames('Quill, Ada, Rowe, Cy', 2)).toEqual(['Quill, Ada, Rowe, Cy']);
    expect(splitRecipientNames('Ada Quill, Bram Okonkwo', 1)).toEqual(['Ada Quill, Bram Okonkwo']);
  });
  it('splits on ", " when there is no URL list (9-column files)', () => {
    expect(splitRecipientNames('Ada Quill, Bram Okonkwo, MBA', -1)).toEqual([
      'Ada Quill',
      'Bram Okonkwo, MBA',
    ]);
  });
});

const message = (conversationId: string, senderUrl: string, recipientUrls: string[]): LinkedinMessage => ({
  ref: { file: 'messages.csv', line: 2 },
  conversationId,
  fromName: '',
  senderUrl,
  toNames: [],
  recipientUrls,
  sentAt: '2024-01-01T00:00:00.000Z',
  content: '',
  draft: false,
});
const A = 'https://www.linkedin.com/in/a';
const B = 'https://www.linkedin.com/in/b';
const C = 'https://www.linkedin.com/in/c';

describe('inferOwnerProfileUrl', () => {
  it('finds the URL that takes part in (nearly) every conversation', () => {
    const messages = [message('1', A, [B]), message('1', B, [A]), message('2', C, [A]), message('3', A, [C])];
    expect(inferOwnerProfileUrl(messages)).toBe(A);
    expect(inferOwnerProfileUrl(parse('messages-2025-11col.csv').records)).toBeUndefined(); // one conversation: a tie
  });
  it('gives up on a tie or when nobody is in enough conversations', () => {
    expect(inferOwnerProfileUrl([message('1', A, [B])])).toBeUndefined();
    const scattered = [
      message('1', A, [B]),
      message('2', C, [B]),
      message('3', A, [C]),
      message('4', C, [A]),
    ];
    expect(inferOwnerProfileUrl(scattered, { minShare: 0.9 })).toBeUndefined();
  });

  it('tells the owner of a single conversation with a connection: the one who is not a connection', () => {
    const connections = parseConnections(fixture('connections-one-conversation.csv'), {
      file: 'connections-one-conversation.csv',
    });
    const urls = new Set(connections.records.map((r) => r.sourceKey));
    const messages = parse('messages-one-conversation.csv').records;
    expect(inferOwnerProfileUrl(messages)).toBeUndefined(); // a tie without the connections
    expect(inferOwnerProfileUrl(messages, { isConnection: (url) => urls.has(url) })).toBe(BRAM);
  });

  it('does not guess from the connections when they say nothing or disagree', () => {
    const connected = (...urls: string[]) => ({ isConnection: (url: string) => urls.includes(url) });
    const one = [message('1', A, [B]), message('1', B, [A])];
    expect(inferOwnerProfileUrl(one, connected(A, B))).toBeUndefined(); // both are connections
    expect(inferOwnerProfileUrl(one, connected(C))).toBeUndefined(); // neither is
    expect(inferOwnerProfileUrl([message('1', A, [B, C])], connected(B))).toBeUndefined(); // a group
    // Two conversations naming different owners: A (with connection B), and C (with connection A).
    expect(
      inferOwnerProfileUrl([message('1', A, [B]), message('2', C, [A])], connected(A, B)),
    ).toBeUndefined();
    // Without recipient URLs (before 2023) only the senders are known: a group where the owner never wrote
    // would look like two people, so it takes one recipient per message to tell.
    const older = (sender: string, toNames: string[]) => ({ ...message('1', sender, []), toNames });
    expect(
      inferOwnerProfileUrl([older(B, ['Ann', 'Cy']), older(C, ['Ann', 'Bo'])], connected(B)),
    ).toBeUndefined();
    expect(inferOwnerProfileUrl([older(B, []), older(C, [])], connected(B))).toBeUndefined();
    expect(inferOwnerProfileUrl([older(B, ['Cy']), older(C, ['Bo'])], connected(B))).toBe(C);
    // The URL in every conversation is a connection: contradictory, so nobody.
    const withB = [message('1', B, [A]), message('2', B, [C]), message('3', B, [A, C])];
    expect(inferOwnerProfileUrl(withB)).toBe(B);
    expect(inferOwnerProfileUrl(withB, connected(B))).toBeUndefined();
  });

  it('takes the owner URL an earlier import found when it is in the conversations, unless the evidence disagrees', () => {
    const one = [message('1', A, [B]), message('1', B, [A])];
    expect(inferOwnerProfileUrl(one, { knownOwnerUrl: `${A}/` })).toBe(A);
    expect(inferOwnerProfileUrl(one, { knownOwnerUrl: C })).toBeUndefined(); // not in the conversation
    expect(inferOwnerProfileUrl(one, { knownOwnerUrl: A, isConnection: (url) => url === A })).toBeUndefined();
    // Everything else points at A: the stored B is someone else's.
    const two = [message('1', A, [B]), message('2', A, [C]), message('3', B, [A])];
    expect(inferOwnerProfileUrl(two)).toBe(A);
    expect(inferOwnerProfileUrl(two, { knownOwnerUrl: B, minShare: 0.6 })).toBeUndefined();
    expect(inferOwnerProfileUrl(two, { knownOwnerUrl: A })).toBe(A);
  });
});

describe('describeMessageDirection', () => {
  it('is outbound when the owner sent it; counterparts are everyone else', () => {
    expect(describeMessageDirection(message('1', A, [B, C]), `${A}/`)).toEqual({
      direction: 'outbound',
      counterpartUrls: [B, C],
    });
    expect(describeMessageDirection(message('1', B, [A, C]), A)).toEqual({
      direction: 'inbound',
      counterpartUrls: [B, C],
    });
  });
});
