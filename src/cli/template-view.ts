import type { OutreachTemplate } from '../contracts/outreach';
import { AppError } from '../core/errors';
import { fields } from './output';

/** The template with this id, else the one with this name (case-insensitive); else `not_found`. */
export function resolveTemplate(templates: OutreachTemplate[], ref: string): OutreachTemplate {
  const key = ref.trim().toLocaleLowerCase();
  const t =
    templates.find((x) => x.id === ref.trim()) ?? templates.find((x) => x.name.toLocaleLowerCase() === key);
  if (!t) throw new AppError('not_found', `no template matches "${ref}" (see rapport outreach templates)`);
  return t;
}

/** A template in full: what `outreach templates` lists, with its subject, text and merge fields. */
export function templateDetails(t: OutreachTemplate): string {
  return fields([
    ['id', t.id],
    ['name', t.name],
    ['channel', t.channel],
    ['follow-up', t.followUpDays ? `${t.followUpDays} d` : null],
    ['purpose', t.purpose?.name],
    ['subject', t.subject],
    ['merge fields', t.fields.join(', ')],
    ['body', t.body],
  ]);
}
