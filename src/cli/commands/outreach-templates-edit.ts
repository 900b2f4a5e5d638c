import { type Command, Option } from 'commander';
import type { z } from 'zod';
import { OUTREACH_CHANNELS, type outreachTemplateUpdateInput } from '../../contracts/outreach';
import { AppError, validationError } from '../../core/errors';
import { listOutreachTemplates } from '../../core/outreach/list-outreach-templates';
import { updateOutreachTemplate } from '../../core/outreach/update-outreach-template';
import { readText } from '../files';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { resolvePurpose } from '../purpose-view';
import { withAccount } from '../runtime';
import { resolveTemplate, templateDetails } from '../template-view';

const NONE = ['none', 'off'];
const isNone = (v: string) => NONE.includes(v.trim().toLowerCase());

interface EditTemplateOptions extends GlobalOptions {
  name?: string;
  subject?: string;
  body?: string;
  file?: string;
  channel?: (typeof OUTREACH_CHANNELS)[number] | 'none';
  followUpDays?: string;
  purpose?: string;
}

/** `rapport outreach templates edit <template>`: changes a template; messages already sent keep their text. */
export function registerTemplateEdit(templates: Command): void {
  const edit = templates
    .command('edit')
    .description('change a template: only the flags given change; messages already sent keep their text')
    .argument('<template>', 'name or id (from `rapport outreach templates`)')
    .option('--name <name>', 'a new name')
    .option('--subject <text>', 'email subject ("" clears it)')
    .option('--body <text>', 'the text, with merge fields like {firstName}')
    .option('--file <path>', 'read the text from a file (- for standard input)')
    .addOption(
      new Option('--channel <channel>', 'default channel, or none').choices([...OUTREACH_CHANNELS, 'none']),
    )
    .option('--follow-up-days <n>', 'suggest a follow-up after N days without reply, or none (then 7)')
    .option('--purpose <purpose>', 'the purpose it serves (name or id), or none')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<EditTemplateOptions>();
      if (o.body !== undefined && o.file !== undefined)
        throw validationError('body', 'give the text with --body or --file, not both');
      const input: z.input<typeof outreachTemplateUpdateInput> = {};
      if (o.name !== undefined) input.name = o.name;
      if (o.subject !== undefined) input.subject = o.subject.trim() === '' ? null : o.subject;
      if (o.body !== undefined) input.body = o.body;
      if (o.file !== undefined) input.body = await readText(o.file);
      if (o.channel !== undefined) input.channel = o.channel === 'none' ? null : o.channel;
      if (o.followUpDays !== undefined) {
        const days = o.followUpDays.trim();
        if (!isNone(days) && !/^\d+$/.test(days))
          throw validationError('followUpDays', `must be a whole number or none (got "${o.followUpDays}")`);
        input.followUpDays = isNone(days) ? null : Number(days);
      }
      if (Object.keys(input).length === 0 && o.purpose === undefined) {
        throw new AppError('validation', 'nothing to change: give at least one flag');
      }
      const template = await withAccount(o, async (ctx) => {
        const found = resolveTemplate(await listOutreachTemplates(ctx), ref);
        if (o.purpose !== undefined)
          input.purposeId = isNone(o.purpose) ? null : (await resolvePurpose(ctx, o.purpose)).id;
        return updateOutreachTemplate(ctx, found.id, input);
      });
      emit(o, template, () => templateDetails(template));
    });
  examples(edit, [
    'rapport outreach templates edit "New connection" --subject "Good to meet you, {firstName}"',
    'rapport outreach templates edit "New connection" --file note.txt --follow-up-days 10',
    'rapport outreach templates edit 0193b6c2-… --name "After a talk" --purpose none',
  ]);
}
