import type { z } from 'zod';
import { importListQuery } from '../../contracts/imports';
import { type Ctx, requireActor } from '../context';
import { decodeScopedCursor, encodeScopedCursor } from '../cursor';
import type { ImportTable } from '../db/schema';
import { notFound } from '../errors';
import { validate } from '../validate';
import { findImport, issuesOfImport, listImports as list } from './import.queries';
import type { ImportIssueView, ImportReport, ImportStats } from './import-report';

export type ImportSummary = Omit<ImportReport, 'samples' | 'issues'>;

function toSummary(row: ImportTable): ImportSummary {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    status: row.status,
    createdAt: row.created_at,
    stats: JSON.parse(row.stats) as ImportStats,
  };
}

/**
 * The actor's imports, newest first (ties by id), paged with a cursor made for this account. Throws `validation` on
 * a bad limit or cursor.
 */
export async function listImports(
  ctx: Ctx,
  query: z.input<typeof importListQuery> = {},
): Promise<{ items: ImportSummary[]; nextCursor: string | null }> {
  const ownerId = requireActor(ctx);
  const q = validate(importListQuery, query);
  const before = q.cursor ? decodeScopedCursor(q.cursor, ['at', 'id'], ownerId, []) : undefined;
  const rows = await list(ctx.db, ownerId, {
    before: before ? { at: String(before.at), id: String(before.id) } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toSummary),
    nextCursor:
      rows.length > q.limit && last
        ? encodeScopedCursor(ownerId, [], { at: last.created_at, id: last.id })
        : null,
  };
}

/** One import with every issue it reported (file, line or card, field, reason). */
export async function getImport(
  ctx: Ctx,
  id: string,
): Promise<ImportSummary & { issues: ImportIssueView[] }> {
  const ownerId = requireActor(ctx);
  const row = await findImport(ctx.db, ownerId, id);
  if (!row) throw notFound('import');
  const issues = await issuesOfImport(ctx.db, ownerId, id, 100_000);
  return {
    ...toSummary(row),
    issues: issues.map((i) => ({
      severity: i.severity,
      file: i.file,
      line: i.line,
      card: i.card,
      field: i.field,
      message: i.message,
      ...(i.rows !== null && i.rows > 1 ? { rows: i.rows } : {}),
    })),
  };
}
