import { DAY_MS } from '../clock';
import type { Ctx } from '../context';

/** The instant before which trashed items are gone for good. */
export function trashCutoff(ctx: Ctx): string {
  return new Date(ctx.clock.now().getTime() - ctx.settings.trashDays * DAY_MS).toISOString();
}

/** True while an item deleted at `deletedAt` may still be restored. */
export function inTrashWindow(ctx: Ctx, deletedAt: string | null): boolean {
  return deletedAt !== null && deletedAt >= trashCutoff(ctx);
}

export function purgeAfter(ctx: Ctx, deletedAt: string): string {
  return new Date(Date.parse(deletedAt) + ctx.settings.trashDays * DAY_MS).toISOString();
}
