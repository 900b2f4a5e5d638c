import type { Ask, AskAnswer } from '../../contracts/asks';
import type { IntroState } from '../../contracts/introductions';
import type { AskAnswerTable, AskTable } from '../db/schema';
import { viewState } from '../introductions/introduction';

export type AskRow = AskTable & { owner_name: string };
export type AnswerRow = AskAnswerTable & {
  responder_name: string;
  introduction_state: string | null;
  target_name: string | null;
};

/** An open ask whose last day has passed is expired, whether or not housekeeping has marked it yet. */
export function askStateOf(row: Pick<AskTable, 'state' | 'expires_on'>, today: string): Ask['state'] {
  if (row.state === 'open' && row.expires_on < today) return 'expired';
  return row.state as Ask['state'];
}

function presentAnswer(a: AnswerRow, viewerId: string): AskAnswer {
  return {
    id: a.id,
    responder: { accountId: a.responder_id, name: a.responder_name },
    kind: a.kind === 'introduce' ? 'introduce' : 'help',
    note: a.note,
    introduction:
      a.introduction_id && a.introduction_state
        ? {
            id: a.introduction_id,
            targetName: a.target_name ?? '',
            // The asker is the requester of the introduction an answer offers; the one who answered, its broker.
            state: viewState(
              a.introduction_state as IntroState,
              a.responder_id === viewerId ? 'broker' : 'requester',
            ),
          }
        : null,
    createdAt: a.created_at,
  };
}

/**
 * An ask as `viewerId` may see it: the owner gets the purpose, the thank-you and every answer; a connection gets
 * the ask and only their own answers (and no count of the others').
 */
export function presentAsk(
  row: AskRow,
  viewerId: string,
  extras: {
    today: string;
    answers: AnswerRow[];
    answerCount: number;
    purpose: { id: string; name: string } | null;
  },
): Ask {
  const mine = row.owner_id === viewerId;
  const answers = extras.answers
    .filter((a) => mine || a.responder_id === viewerId)
    .map((a) => presentAnswer(a, viewerId));
  return {
    id: row.id,
    mine,
    owner: { accountId: row.owner_id, name: row.owner_name },
    title: row.title,
    body: row.body,
    state: askStateOf(row, extras.today),
    purpose: mine ? extras.purpose : null,
    expiresOn: row.expires_on,
    closedAt: mine ? row.closed_at : null,
    thanks: mine ? row.thanks : null,
    answers,
    answerCount: mine ? extras.answerCount : answers.length,
    createdAt: row.created_at,
  };
}
