import type { ImportedPerson, ParseIssue } from '../../formats/model';
import { lockAccount } from '../accounts/account.queries';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { refreshPlannerStatistics } from '../db/portable';
import type { ImportKind } from '../db/schema';
import { AppError } from '../errors';
import { withoutNul } from '../text/without-nul';
import { applyPeoplePlan } from './apply-people-plan';
import { insertImport, insertImportIssues, updateImportStats } from './import.queries';
import { type ImportReport, issueView, samplesOf, sortIssues, statsOf } from './import-report';
import { type CleanPerson, cleanPerson } from './imported-person';
import { type PeoplePlan, planPeople } from './plan-people';

/** Where a long import is: for the CLI's progress bar and the web app's progress display. */
export interface ImportProgress {
  phase: 'reading' | 'matching' | 'writing' | 'done';
  /** Units done and expected in this phase (bytes while reading, records after). */
  done: number;
  total: number;
}
export type ProgressListener = (p: ImportProgress) => void;

/** A further step an importer runs in the same transaction (LinkedIn messages, invitations, profile). */
export type ExtraStep = (
  tx: Ctx,
  importId: string,
  /** The live contact for a matching key (`url:…`, `email:…`), the import's own new contacts included. */
  contactOf: (key: string) => string | undefined,
) => Promise<{ stats: Record<string, number>; issues: ParseIssue[] }>;

export interface RunImportInput {
  kind: ImportKind;
  /** The kind of the source records, when the import kind has several (a CSV per app); `kind` by default. */
  sourceKind?: string;
  fileName: string;
  people: ImportedPerson[];
  issues: ParseIssue[];
  dryRun: boolean;
  extra?: ExtraStep;
  /** Counts a preview can give for the extra step without running it. */
  extraPreview?: Record<string, number>;
  /** The rest of the preview of the extra step, for the counts that depend on the people about to be written. */
  previewExtra?: (plan: PeoplePlan) => Promise<{ stats: Record<string, number>; issues: ParseIssue[] }>;
  onProgress?: ProgressListener;
  /**
   * Refuse the file when it yields no contact (vCard, CSV). Not for a LinkedIn export, which may hold only
   * messages or invitations, nor for a CSV preview that asks for a column mapping first.
   */
  refuseEmpty?: boolean;
}

const REPORTED_ISSUES = 100;
// Past this many written contacts the planner's statistics are worth refreshing.
const BULK = 1000;

/**
 * The common import flow. Cleans every record (bad values dropped with a warning, unusable records reported as
 * errors), plans it against the rolodex and either returns the preview (`dryRun`) or commits the whole import as
 * one transaction that can be undone. Good records are never lost because of bad ones; a failure stores nothing.
 * An account's imports (and their undos) run one at a time, each planned inside its transaction against what the
 * one before it wrote: the same file sent twice at once finds its people there the second time.
 */
export async function runImport(ctx: Ctx, input: RunImportInput): Promise<ImportReport> {
  const ownerId = requireActor(ctx);
  // A file's name and a parser's messages (which quote the file) are stored as text, which cannot hold NUL.
  const fileName = withoutNul(input.fileName);
  const progress = input.onProgress ?? (() => {});
  const sourceKind = input.sourceKind ?? input.kind;
  const issues: ParseIssue[] = [...input.issues];
  progress({ phase: 'matching', done: 0, total: input.people.length });
  const people: CleanPerson[] = [];
  for (const p of input.people) {
    const cleaned = cleanPerson(p);
    issues.push(...cleaned.issues);
    if (cleaned.person) people.push(cleaned.person);
  }
  // A file that yields nobody (empty, not text, no row with a name) is refused rather than stored as an import
  // of nothing with an undo.
  if (people.length === 0 && input.refuseEmpty) {
    const sorted = sortIssues(issues);
    const first = sorted.find((i) => i.severity === 'error') ?? sorted[0];
    const where = first ? `${first.ref.file}${first.ref.line ? `:${first.ref.line}` : ''}` : fileName;
    // The reason goes with the field too: the web app shows it beside the file it refused.
    const why = `holds no contact to import${first ? ` (${where}: ${first.message})` : ''}`;
    throw new AppError('validation', `file: ${fileName} ${why}`, {
      issues: [{ path: 'file', message: why }],
      fileIssues: sorted.slice(0, REPORTED_ISSUES).map(issueView),
    });
  }
  if (input.dryRun) {
    const plan = await planPeople(ctx, ownerId, sourceKind, people);
    issues.push(...plan.issues);
    progress({ phase: 'matching', done: input.people.length, total: input.people.length });
    const more = input.previewExtra ? await input.previewExtra(plan) : { stats: {}, issues: [] };
    issues.push(...more.issues);
    progress({ phase: 'done', done: plan.items.length, total: plan.items.length });
    const sorted = sortIssues(issues);
    return {
      id: null,
      kind: input.kind,
      fileName,
      status: 'preview',
      createdAt: null,
      stats: statsOf(plan.items, issues, { ...input.extraPreview, ...more.stats }),
      samples: samplesOf(plan.items),
      issues: sorted.slice(0, REPORTED_ISSUES).map(issueView),
    };
  }

  const { report, planned } = await inTransaction(ctx, async (tx) => {
    await lockAccount(tx.db, ownerId);
    const plan = await planPeople(tx, ownerId, sourceKind, people);
    issues.push(...plan.issues);
    progress({ phase: 'matching', done: input.people.length, total: input.people.length });
    progress({ phase: 'writing', done: 0, total: plan.items.length });
    const id = tx.ids.next();
    const createdAt = nowIso(tx);
    await insertImport(tx.db, {
      id,
      owner_id: ownerId,
      kind: input.kind,
      file_name: fileName,
      status: 'committed',
      stats: JSON.stringify(statsOf(plan.items, issues)),
      created_at: createdAt,
      undone_at: null,
    });
    const index = await applyPeoplePlan(tx, ownerId, id, input.kind, plan, sourceKind);
    const extra = input.extra
      ? await input.extra(tx, id, (key) => index.get(key))
      : { stats: {}, issues: [] };
    issues.push(...extra.issues);
    const stats = statsOf(plan.items, issues, extra.stats);
    await updateImportStats(tx.db, ownerId, id, JSON.stringify(stats));
    const sorted = withoutNul(sortIssues(issues));
    await insertImportIssues(
      tx.db,
      sorted.map((i, position) => ({
        import_id: id,
        owner_id: ownerId,
        position,
        severity: i.severity,
        file: i.ref.file,
        line: i.ref.line ?? null,
        card: i.ref.card ?? null,
        field: i.field ?? null,
        message: i.message,
        rows: i.rows !== undefined && i.rows > 1 ? i.rows : null,
      })),
    );
    tx.log.info({ importId: id, kind: input.kind, stats }, 'import committed');
    const report = {
      id,
      kind: input.kind,
      fileName,
      status: 'committed',
      createdAt,
      stats,
      samples: samplesOf(plan.items),
      issues: sorted.slice(0, REPORTED_ISSUES).map(issueView),
    } satisfies ImportReport;
    return { report, planned: plan.items.length };
  });
  if (report.stats.created + report.stats.updated >= BULK) await refreshPlannerStatistics(ctx.db);
  progress({ phase: 'done', done: planned, total: planned });
  return report;
}
