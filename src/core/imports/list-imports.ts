import { type Ctx, requireActor } from '../context';
import type { ImportTable } from '../db/schema';
import { notFound } from '../errors';
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

/** The actor's imports, newest first. */
export async function listImports(ctx: Ctx, limit = 50): Promise<ImportSummary[]> {
  return (await list(ctx.db, requireActor(ctx), limit)).map(toSummary);
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
