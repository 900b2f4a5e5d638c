import type { Ask } from '../../contracts/asks';
import type { Ctx } from '../context';
import { findPurpose } from '../purposes/purpose.queries';
import { type AskRow, presentAsk } from './ask';
import { answerCounts, answersOf } from './ask.queries';

/** The views of asks for `viewerId`: answers and purpose for their own asks, only their own answers otherwise. */
export async function askViews(ctx: Ctx, viewerId: string, rows: AskRow[], today: string): Promise<Ask[]> {
  const own = rows.filter((r) => r.owner_id === viewerId).map((r) => r.id);
  const others = rows.filter((r) => r.owner_id !== viewerId).map((r) => r.id);
  const answers = [...(await answersOf(ctx.db, own)), ...(await answersOf(ctx.db, others, viewerId))];
  const counts = await answerCounts(ctx.db, own);
  const out: Ask[] = [];
  for (const row of rows) {
    const purpose =
      row.owner_id === viewerId && row.purpose_id
        ? await findPurpose(ctx.db, viewerId, row.purpose_id)
        : undefined;
    out.push(
      presentAsk(row, viewerId, {
        today,
        answers: answers.filter((a) => a.ask_id === row.id),
        answerCount: counts.get(row.id) ?? 0,
        purpose: purpose ? { id: purpose.id, name: purpose.name } : null,
      }),
    );
  }
  return out;
}
