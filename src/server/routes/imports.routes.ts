import { Readable } from 'node:stream';
import type { SwaggerTransform } from '@fastify/swagger';
import { type FastifyPluginAsyncZod, jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z, z as zod } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import {
  importDetail,
  importList,
  importListQuery,
  importQuery,
  importReport,
  undoImportResult,
} from '../../contracts/imports';
import { tagName } from '../../contracts/tags';
import { exportBackup } from '../../core/backup/export-backup';
import { restoreBackup } from '../../core/backup/restore-backup';
import { AppError } from '../../core/errors';
import { exportCsv } from '../../core/exports/export-csv';
import { exportVcards } from '../../core/exports/export-vcards';
import { importFile } from '../../core/imports/import-file';
import { getImport, listImports } from '../../core/imports/list-imports';
import { undoImport } from '../../core/imports/undo-import';
import { csvDocument } from '../csv-document';
import { oneAtATime, RESTORE_BUSY, takingTurns } from '../one-at-a-time';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  413: errorBody,
};

/** The upload's bytes; an upload cut at the size limit fails before anything is stored (413), naming the limit. */
async function* wholeUpload(
  stream: AsyncIterable<Uint8Array> & { truncated?: boolean },
  limit: number,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield chunk;
  if (stream.truncated) {
    const mb =
      limit >= 1024 * 1024
        ? `${Number((limit / 1024 / 1024).toFixed(1))} MB`
        : `${Math.ceil(limit / 1024)} KB`;
    throw new AppError(
      'too_large',
      `file: the upload is larger than this server accepts (${mb}; RAPPORT_UPLOAD_LIMIT_MB sets it)`,
      { issues: [{ path: 'file', message: `larger than ${mb}` }], limitBytes: limit },
    );
  }
}

// `tag`: only the people carrying this tag (by name), e.g. to hand one group to another tool.
const exportTag = tagName.optional();
export const exportQuery = zod.strictObject({
  version: zod.enum(['3.0', '4.0']).default('3.0'),
  tag: exportTag,
});
const csvExportQuery = zod.strictObject({ tag: exportTag });

/**
 * The upload's body as the OpenAPI document shows it. Only there: as a route `body` schema Fastify would validate
 * it, and @fastify/multipart leaves the body empty (the route reads the file part itself), so every upload would be
 * refused. What to import and how (`kind`, `map`, `dryRun`, `addressBook`) is in the query string.
 */
const importUpload = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description:
        'The file to import, as `kind` says: a LinkedIn export (.zip, or its Connections.csv), a vCard file (.vcf) or a contacts CSV; its file name is kept on the import. Only the first file part is read.',
    },
  },
};

/** The route's document as the zod schemas give it, with `body` drawn as a `multipart/form-data` request body. */
const documentMultipart =
  (body: object): SwaggerTransform =>
  (route) => {
    const doc = jsonSchemaTransform(route);
    return { ...doc, schema: { ...doc.schema, body, consumes: ['multipart/form-data'] } };
  };

export const importRoutes: FastifyPluginAsyncZod<{ uploadLimit: number }> = async (app, opts) => {
  // Imports take turns once their upload is read (ADR 26): a slow upload holds no one up, a second is not refused.
  const inTurn = takingTurns();
  app.post(
    '/imports',
    {
      config: { swaggerTransform: documentMultipart(importUpload) },
      schema: {
        tags: ['imports'],
        summary: 'Import a LinkedIn export, a vCard file or a contacts CSV (multipart field `file`)',
        description:
          'With `dryRun=true` nothing is stored and the answer is the preview: counts of new, updated, unchanged, skipped and bad records, the first of each, and every problem with its file, line or card and reason. Otherwise the whole import is stored as one unit that `POST /imports/:id/undo` can take back. A LinkedIn export may hold the address books its owner uploaded to LinkedIn: the report counts their people (`stats.addressBookPeople`), and `addressBook=true` imports them too, tagged "LinkedIn address book", never as connections (`stats.addressBookCreated`, `addressBookUpdated`, `addressBookUnchanged`).',
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        response: { 200: importReport, 201: importReport, ...errors },
      },
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file) {
        throw new AppError('validation', 'file: attach the file to import', {
          issues: [{ path: 'file', message: 'is required' }],
        });
      }
      const chunks: Uint8Array[] = [];
      for await (const chunk of wholeUpload(file.file, opts.uploadLimit)) chunks.push(chunk);
      const report = await inTurn(() =>
        importFile(req.ctx, {
          kind: req.query.kind,
          source: handedOver(chunks),
          fileName: file.filename || 'upload',
          dryRun: req.query.dryRun,
          map: req.query.map,
          addressBook: req.query.addressBook,
        }),
      );
      return reply.code(report.status === 'preview' ? 200 : 201).send(report);
    },
  );
  app.get(
    '/exports/csv',
    {
      schema: {
        tags: ['exports'],
        summary:
          'All my contacts (or those with `tag`) as a CSV file in Google Contacts’ format (plus Rapport’s own columns)',
        querystring: csvExportQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const csv = await exportCsv(req.ctx, { tag: req.query.tag });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rapport-contacts.csv"')
        .send(csv);
    },
  );
  app.get(
    '/exports/vcard',
    {
      schema: {
        tags: ['exports'],
        summary: 'All my contacts (or those with `tag`) as a vCard file (3.0 by default, or 4.0)',
        querystring: exportQuery,
        produces: ['text/vcard'],
      },
    },
    async (req, reply) => {
      const cards = exportVcards(req.ctx, req.query.version, { tag: req.query.tag });
      // The first card before the headers: an unknown tag answers 404, not a broken download.
      const first = await cards.next();
      return reply
        .type('text/vcard; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rapport-contacts.vcf"')
        .send(Readable.from(startingWith(first, cards)));
    },
  );
  app.get(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'My imports, newest first, a page at a time',
        querystring: importListQuery,
        response: { 200: importList, ...errors },
      },
    },
    (req) => listImports(req.ctx, req.query),
  );
  app.get(
    '/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'One import with every issue it reported',
        params: idParams,
        response: { 200: importDetail, ...errors },
      },
    },
    (req) => getImport(req.ctx, req.params.id),
  );
  app.get(
    '/imports/:id/issues.csv',
    {
      schema: {
        tags: ['imports'],
        summary: 'The import’s problems as a CSV file (severity, file, line, card, field, message, rows)',
        params: idParams,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const detail = await getImport(req.ctx, req.params.id);
      const rows = detail.issues.map((i) => [
        i.severity,
        i.file,
        i.line ?? '',
        i.card ?? '',
        i.field ?? '',
        i.message,
        i.rows ?? 1,
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${detail.id}-issues.csv"`)
        .send(csvDocument(['severity', 'file', 'line', 'card', 'field', 'message', 'rows'], rows));
    },
  );
  app.post(
    '/imports/:id/undo',
    {
      schema: {
        tags: ['imports'],
        summary: 'Undo a whole import',
        params: idParams,
        response: { 200: undoImportResult, ...errors },
      },
    },
    (req) => undoImport(req.ctx, req.params.id),
  );
  app.get(
    '/exports/backup',
    { schema: { tags: ['exports'], summary: 'Everything I own as one JSON backup (docs/backup.md)' } },
    async (req, reply) => {
      const backup = await exportBackup(req.ctx);
      return reply
        .header(
          'content-disposition',
          `attachment; filename="rapport-backup-${backup.exportedAt.slice(0, 10)}.json"`,
        )
        .send(backup);
    },
  );
  app.post(
    '/imports/backup',
    {
      bodyLimit: 512 * 1024 * 1024,
      // One restore at a time: its body is held and parsed whole (../one-at-a-time.ts).
      preParsing: oneAtATime(RESTORE_BUSY),
      schema: {
        tags: ['imports'],
        summary: 'Restore a JSON backup into this (empty) account',
        // The file itself is the body (not a form upload): checked by restoreBackup, which names what is wrong.
        body: z
          .unknown()
          .describe(
            'The backup file exactly as `GET /exports/backup` wrote it (docs/backup.md), sent as the whole request body with `Content-Type: application/json`; not a multipart form upload.',
          ),
        response: {
          200: z.object({ rows: z.record(z.string(), z.number()), idsKept: z.boolean() }),
          ...errors,
        },
      },
    },
    (req) => restoreBackup(req.ctx, req.body),
  );
};

async function* startingWith<T>(first: IteratorResult<T>, rest: AsyncGenerator<T>): AsyncGenerator<T> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}

/**
 * The upload's chunks, each let go once read: the file is held once while it waits its turn, and a CSV or vCard
 * import streams from it as it did from the socket (never the whole file twice, as a joined copy would be).
 */
async function* handedOver(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) yield chunk;
}
