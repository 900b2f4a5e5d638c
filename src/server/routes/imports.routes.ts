import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common';
import { importDetail, importList, undoImportResult } from '../../contracts/imports';
import { exportBackup } from '../../core/backup/export-backup';
import { restoreBackup } from '../../core/backup/restore-backup';
import { getImport, listImports } from '../../core/imports/list-imports';
import { undoImport } from '../../core/imports/undo-import';
import { csvDocument } from '../csv-document';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  413: errorBody,
};

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'My imports, newest first',
        response: { 200: importList, ...errors },
      },
    },
    async (req) => ({ items: await listImports(req.ctx) }),
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
        summary: 'The import’s problems as a CSV file (severity, file, line, card, field, message)',
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
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${detail.id}-issues.csv"`)
        .send(csvDocument(['severity', 'file', 'line', 'card', 'field', 'message'], rows));
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
      schema: {
        tags: ['imports'],
        summary: 'Restore a JSON backup into this (empty) account',
        body: z.unknown(),
        response: {
          200: z.object({ rows: z.record(z.string(), z.number()), idsKept: z.boolean() }),
          ...errors,
        },
      },
    },
    (req) => restoreBackup(req.ctx, req.body),
  );
};
