import type { OutreachSendInput, OutreachSendResult } from '../../contracts/outreach';
import type { Ctx } from '../context';
import { sendOutreachEmail } from './send-outreach-email';
import { sendOutreachRapport } from './send-outreach-rapport';

/**
 * Sends a personal message the server delivers itself: as a Rapport direct message (channel `rapport`), else by
 * email — which refuses the channels the user sends in themselves (they are marked sent instead).
 */
export function sendOutreach(
  ctx: Ctx,
  itemId: string,
  input: OutreachSendInput,
): Promise<OutreachSendResult> {
  return input.channel === 'rapport'
    ? sendOutreachRapport(ctx, itemId, input)
    : sendOutreachEmail(ctx, itemId, input);
}
