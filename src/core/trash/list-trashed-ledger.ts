import {
  type TrashedFavourPage,
  type TrashedInteractionPage,
  type TrashedLedgerQuery,
  type TrashedPromisePage,
  trashedLedgerQuery,
} from '../../contracts/trash';
import { accountToday } from '../agenda/account-today';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { toFavour } from '../favours/favour';
import { toInteraction } from '../interactions/interaction';
import { contactsOfInteractions } from '../interactions/interaction.queries';
import { toPromise } from '../promises/promise';
import { validate } from '../validate';
import {
  listTrashedFavours as readFavours,
  listTrashedInteractions as readInteractions,
  listTrashedPromises as readPromises,
  type TrashPage,
} from './trash.queries';
import { purgeAfter, trashCutoff } from './trash-window';

// The deleted interactions, favours and promises (ADR 5), a page at a time: one use case over three kinds, each
// kind read and shown as its own list shows it.

type Row = { id: string; deleted_at: string | null };

/**
 * `limit` rows of a kind after `cursor`, newest deleted first, within the trash window, each with its purge date,
 * and the cursor of the next page (null on the last). A cursor this list did not give out is a `validation` error.
 */
async function pageOf<R extends Row, T>(
  ctx: Ctx,
  limit: number,
  cursor: string | undefined,
  read: (since: string, page: TrashPage) => Promise<R[]>,
  present: (rows: R[]) => Promise<T[]>,
): Promise<{ items: (T & { deletedAt: string; purgeAfter: string })[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor, ['d', 'i']) : undefined;
  const rows = await read(trashCutoff(ctx), {
    after: after ? { deletedAt: String(after.d), id: String(after.i) } : undefined,
    limit: limit + 1,
  });
  const pageRows = rows.slice(0, limit);
  const shown = await present(pageRows);
  const last = pageRows[pageRows.length - 1];
  return {
    items: shown.map((x, i) => {
      const deletedAt = pageRows[i]?.deleted_at ?? '';
      return { ...x, deletedAt, purgeAfter: purgeAfter(ctx, deletedAt) };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor({ d: last.deleted_at ?? '', i: last.id }) : null,
  };
}

/** A page of the owner's deleted interactions, each with the people it was with. */
export async function trashedInteractionsPage(
  ctx: Ctx,
  ownerId: string,
  limit: number,
  cursor?: string,
): Promise<TrashedInteractionPage> {
  return pageOf(
    ctx,
    limit,
    cursor,
    (since, page) => readInteractions(ctx.db, ownerId, since, page),
    async (rows) => {
      const withWho = await contactsOfInteractions(
        ctx.db,
        ownerId,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toInteraction(r, withWho.get(r.id) ?? []));
    },
  );
}

/** A page of the owner's deleted favours. */
export async function trashedFavoursPage(
  ctx: Ctx,
  ownerId: string,
  limit: number,
  cursor?: string,
): Promise<TrashedFavourPage> {
  return pageOf(
    ctx,
    limit,
    cursor,
    (since, page) => readFavours(ctx.db, ownerId, since, page),
    async (rows) => rows.map(toFavour),
  );
}

/** A page of the owner's deleted promises, each as its list shows it today (overdue or not). */
export async function trashedPromisesPage(
  ctx: Ctx,
  ownerId: string,
  limit: number,
  cursor?: string,
): Promise<TrashedPromisePage> {
  return pageOf(
    ctx,
    limit,
    cursor,
    (since, page) => readPromises(ctx.db, ownerId, since, page),
    async (rows) => {
      const today = await accountToday(ctx, ownerId);
      return rows.map((r) => toPromise(r, today));
    },
  );
}

/** The actor's deleted interactions after `cursor` (`GET /trash/interactions`). */
export async function listTrashedInteractions(
  ctx: Ctx,
  query: TrashedLedgerQuery = {},
): Promise<TrashedInteractionPage> {
  const q = validate(trashedLedgerQuery, query);
  return trashedInteractionsPage(ctx, requireActor(ctx), q.limit, q.cursor);
}

/** The actor's deleted favours after `cursor` (`GET /trash/favours`). */
export async function listTrashedFavours(
  ctx: Ctx,
  query: TrashedLedgerQuery = {},
): Promise<TrashedFavourPage> {
  const q = validate(trashedLedgerQuery, query);
  return trashedFavoursPage(ctx, requireActor(ctx), q.limit, q.cursor);
}

/** The actor's deleted promises after `cursor` (`GET /trash/promises`). */
export async function listTrashedPromises(
  ctx: Ctx,
  query: TrashedLedgerQuery = {},
): Promise<TrashedPromisePage> {
  const q = validate(trashedLedgerQuery, query);
  return trashedPromisesPage(ctx, requireActor(ctx), q.limit, q.cursor);
}
