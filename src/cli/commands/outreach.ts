import { createHash } from 'node:crypto';
import { type Command, Option } from 'commander';
import {
  OUTREACH_CHANNELS,
  OUTREACH_VIEWS,
  type OutreachChannel,
  type OutreachItem,
  type OutreachPreview,
  type OutreachRateRow,
  type OutreachSendResult,
  type OutreachStats,
  type OutreachTemplate,
  SERVER_CHANNELS,
} from '../../contracts/outreach';
import type { Ctx } from '../../core/context';
import { AppError, validationError } from '../../core/errors';
import { addToOutreachQueue } from '../../core/outreach/add-to-outreach-queue';
import { createOutreachTemplate } from '../../core/outreach/create-outreach-template';
import { deleteOutreachTemplate } from '../../core/outreach/delete-outreach-template';
import { dismissOutreachItem } from '../../core/outreach/dismiss-outreach-item';
import { getOutreachItem } from '../../core/outreach/get-outreach-item';
import { getOutreachStats } from '../../core/outreach/get-outreach-stats';
import { listOutreachQueue } from '../../core/outreach/list-outreach-queue';
import { listOutreachReplies } from '../../core/outreach/list-outreach-replies';
import { listOutreachTemplates } from '../../core/outreach/list-outreach-templates';
import { markOutreachSent } from '../../core/outreach/mark-outreach-sent';
import { outreachItemOfContact } from '../../core/outreach/outreach-item-of-contact';
import { previewOutreachMessage } from '../../core/outreach/preview-outreach-message';
import { recordOutreachReply } from '../../core/outreach/record-outreach-reply';
import { restoreOutreachItem } from '../../core/outreach/restore-outreach-item';
import { sendOutreach } from '../../core/outreach/send-outreach';
import { skipOutreachFollowUp } from '../../core/outreach/skip-outreach-follow-up';
import { undoOutreachSent } from '../../core/outreach/undo-outreach-sent';
import { localNow, parseMoment } from '../dates';
import { fieldFlags } from '../field-flags';
import { readText } from '../files';
import { examples } from '../help';
import { emit, fields, type GlobalOptions, HintedError, note, table } from '../output';
import { cursorOption, MAX_PAGE, noteNextPage, pageAsked } from '../pages';
import { integer } from '../parse';
import { resolvePurpose } from '../purpose-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';
import { resolveTemplate } from '../template-view';
import { registerTemplateEdit } from './outreach-templates-edit';

/** A queue item by its id, else the item of the contact the text names. */
async function resolveItem(ctx: Ctx, ref: string): Promise<OutreachItem> {
  try {
    const item = await getOutreachItem(ctx, ref.trim());
    return item;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'not_found')) throw e;
  }
  return outreachItemOfContact(ctx, (await resolveContact(ctx, ref)).id);
}

const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);
const hours = (h: number | null) =>
  h === null ? '–' : h < 48 ? `${Math.round(h)} h` : `${Math.round(h / 24)} d`;

function queueTable(items: OutreachItem[]): string {
  return table(
    ['item', 'name', 'organisation', 'connected', 'state', 'follow-up'],
    items.map((i) => [
      i.id,
      i.contact.displayName,
      i.contact.organisation,
      i.connectedOn,
      i.writtenOutside
        ? `written ${i.writtenOutside.at.slice(0, 10)} outside outreach (${i.writtenOutside.kind}, ${i.writtenOutside.source})`
        : i.lastMessage?.status === 'failed'
          ? `${i.state} (send failed)`
          : i.state,
      i.followUpDue ? `due ${i.followUpOn}` : i.followUpOn,
    ]),
  );
}

function rateTable(title: string, rows: OutreachRateRow[]): string {
  return [
    title,
    table(
      ['', 'sent', 'replied', 'still waiting', 'rate', 'median reply'],
      rows.map((r) => [r.label, r.sent, r.replied, r.waiting, pct(r.rate), hours(r.medianHoursToReply)]),
    ),
  ].join('\n');
}

function statsView(s: OutreachStats): string {
  return [
    `response rate ${pct(s.total.rate)} (${s.total.replied} of ${s.total.sent}), baseline ${pct(s.baseline)}; ` +
      `median time to reply ${hours(s.total.medianHoursToReply)}`,
    `a reply is their first answer after your first message (one per person, however late: recorded by hand or ` +
      `found in a LinkedIn import); ${s.total.waiting} still waiting count as not replied until they answer`,
    `queue: ${s.queue.queued} waiting for a message, ${s.queue.awaiting} awaiting a reply, ` +
      `${s.queue.followUpDue} follow-ups due`,
    '',
    rateTable('by purpose', s.byPurpose),
    '',
    rateTable('by template', s.byTemplate),
    '',
    rateTable('by channel', s.byChannel),
    '',
    rateTable('by month', s.byMonth),
    '',
    rateTable('by week (first message)', s.byWeek),
  ].join('\n');
}

function sentView(r: OutreachSendResult): string {
  const m = r.message;
  const to = m.to ? ` <${m.to}>` : '';
  const how =
    m.channel === 'email'
      ? 'by email'
      : m.channel === 'rapport'
        ? 'as a Rapport message'
        : `(${m.channel}, marked sent)`;
  return [
    `${m.kind === 'follow-up' ? 'follow-up' : 'message'} to ${r.item.contact.displayName}${to} ${how} (${m.id})`,
    r.item.state === 'followed-up'
      ? `if there is no reply by ${r.item.followUpOn}, the item closes quietly`
      : `a follow-up is suggested on ${r.item.followUpOn} if there is no reply`,
  ].join('\n');
}

/** The body: --message as written, else the template with --line as its own paragraph after the greeting. */
async function bodyOf(o: SendOptions, template: OutreachTemplate | undefined): Promise<string> {
  if (o.message !== undefined) return o.message;
  if (o.file !== undefined) return readText(o.file);
  if (!o.line)
    throw validationError('line', 'write a personal line with --line (or the whole message with --message)');
  if (!template) return o.line;
  const [first, ...rest] = template.body.split(/\n\s*\n/);
  return rest.length > 0 ? [first, o.line, ...rest].join('\n\n') : `${template.body}\n\n${o.line}`;
}

interface QueueOptions extends GlobalOptions {
  view?: (typeof OUTREACH_VIEWS)[number];
  oldest?: boolean;
  purpose?: string;
  limit?: number;
  cursor?: string;
  all?: boolean;
}
interface SendOptions extends GlobalOptions {
  template?: string;
  purpose?: string;
  line?: string;
  message?: string;
  file?: string;
  subject?: string;
  channel?: OutreachChannel;
  to?: string;
  followUp?: boolean;
  key?: string;
  dryRun?: boolean;
  at?: string;
}
interface TemplateOptions extends GlobalOptions {
  subject?: string;
  body?: string;
  file?: string;
  channel?: OutreachChannel;
  followUpDays?: number;
  purpose?: string;
}

export function registerOutreach(program: Command): void {
  const outreach = program
    .command('outreach')
    .description(
      'the personal-outreach queue: every new connection waits here for a personal message (never a blast); ' +
        'send by email or in your own channel, record replies, see the response rate',
    );

  const queue = outreach
    .command('queue')
    .description(
      'new connections waiting for a personal message, newest first (--oldest: who waited longest first), or another --view',
    )
    .addOption(new Option('--view <view>', 'which items (default: queued)').choices(OUTREACH_VIEWS))
    .option('--oldest', 'who waited longest first (the queued and all views)')
    .option('--purpose <purpose>', 'only for this purpose (name or id)')
    .option('--limit <n>', `how many, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every page, not just the first')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<QueueOptions>();
      const page = await withAccount(o, async (ctx) => {
        const purpose = o.purpose ? (await resolvePurpose(ctx, o.purpose)).id : undefined;
        return pageAsked({ ...o, limit: o.limit ?? 50 }, (limit, cursor) =>
          listOutreachQueue(ctx, {
            view: o.view,
            order: o.oldest ? 'oldest' : 'newest',
            purpose,
            limit,
            cursor,
          }),
        );
      });
      emit(o, page, () =>
        page.items.length === 0
          ? `nothing here (${page.counts.queued} queued, ${page.counts.awaiting} awaiting a reply)`
          : queueTable(page.items),
      );
      note(
        o,
        `${page.counts.queued} queued · ${page.counts.awaiting} awaiting a reply · ` +
          `${page.counts.followUpDue} follow-ups due · ${page.counts.replied} replied`,
      );
      noteNextPage(o, page, '(more in this view: use --all or a larger --limit)');
    });
  examples(queue, [
    'rapport outreach queue',
    'rapport outreach queue --oldest',
    'rapport outreach queue --view follow-up',
    'rapport outreach queue --json',
  ]);

  const show = outreach
    .command('show')
    .description(
      'one person in the queue: how you are connected, their purposes, messages and a suggested draft',
    )
    .argument('<person>', 'queue item id, or the contact (id or text that finds one)')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions>();
      const item = await withAccount(o, async (ctx) =>
        getOutreachItem(ctx, (await resolveItem(ctx, ref)).id),
      );
      emit(o, item, () =>
        [
          fields([
            ['name', item.contact.displayName],
            [
              'organisation',
              [item.contact.title, item.contact.organisation].filter(Boolean).join(', ') || null,
            ],
            ['state', item.state],
            ['connected', [item.connectedOn, `via ${item.contact.source}`].filter(Boolean).join(' ')],
            [
              'on Rapport',
              item.rapport ? `connected as ${item.rapport.account.name} (--channel rapport)` : null,
            ],
            ['invitation', item.invitation?.message ?? null],
            ['how we met', item.person.howWeMet],
            ['emails', item.person.emails.join(', ') || null],
            ['LinkedIn', item.person.linkedinUrl],
            ['purposes', item.purposes.map((p) => `${p.name} (${p.stage})`).join(', ') || null],
            ['follow-up', item.followUpOn],
          ]),
          '',
          ...item.messages.map(
            (m) =>
              `${m.kind} ${m.channel} ${m.status}${m.error ? `: ${m.error}` : ''} ${m.sentAt ?? m.createdAt}`,
          ),
          `suggested (${item.suggestion.channel}${item.suggestion.templateId ? ', template' : ''}):`,
          item.suggestion.subject ? `Subject: ${item.suggestion.subject}` : '',
          item.suggestion.body,
        ]
          .filter((l) => l !== '')
          .join('\n'),
      );
    });
  examples(show, ['rapport outreach show "Ada Lovelace"']);

  const add = outreach
    .command('add')
    .description('add older connections to the queue on purpose (new ones enter by themselves)')
    .argument('<people...>', 'contacts (id or text that finds exactly one)')
    .option('--purpose <purpose>', 'for this purpose (name or id)')
    .action(async (refs: string[], _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<QueueOptions>();
      const result = await withAccount(o, async (ctx) => {
        const contactIds: string[] = [];
        for (const r of refs) contactIds.push((await resolveContact(ctx, r)).id);
        const purposeId = o.purpose ? (await resolvePurpose(ctx, o.purpose)).id : undefined;
        return addToOutreachQueue(ctx, { contactIds, purposeId });
      });
      emit(o, result, () => `added ${result.added}; already in the queue ${result.alreadyQueued}`);
    });
  examples(add, ['rapport outreach add "Alan Turing" "Grace Hopper" --purpose "Guest speakers"']);

  for (const [name, description, act] of [
    ['dismiss', 'not this person: take a queued connection out of the queue', dismissOutreachItem],
    ['restore', 'put a dismissed connection back in the queue', restoreOutreachItem],
    ['skip-follow-up', 'no follow-up for this one: the item closes quietly', skipOutreachFollowUp],
  ] as const) {
    const cmd = outreach
      .command(name)
      .description(description)
      .argument('<person>', 'queue item id, or the contact (id or text that finds one)')
      .action(async (ref: string, _opts: unknown, command: Command) => {
        const o = command.optsWithGlobals<GlobalOptions>();
        const item = await withAccount(o, async (ctx) => act(ctx, (await resolveItem(ctx, ref)).id));
        emit(o, item, () => `${item.contact.displayName}: ${item.state}`);
      });
    examples(cmd, [`rapport outreach ${name} "Ada Lovelace"`]);
  }

  const send = outreach
    .command('send')
    .description(
      'send one personal message: by email through SMTP_URL, as a Rapport message to a connection on Rapport ' +
        '(--channel rapport), or record one you sent in your own channel (--channel linkedin|mailto|other). It must hold a line of your own beyond the template, and never the ' +
        'same text as a message to someone else. Running the same command again never sends twice.',
    )
    .argument('<person>', 'queue item id, or the contact (id or text that finds one)')
    .option('--template <template>', 'start from this template (name or id)')
    .option('--line <text>', 'your personal line, added to the template after its greeting')
    .option('--message <text>', 'the whole message (merge fields like {firstName} allowed)')
    .option('--file <path>', 'read the whole message from a file (- for standard input)')
    .option('--subject <text>', 'email subject (default: the template’s)')
    .addOption(
      new Option('--channel <channel>', 'how it goes (default: the template’s, else email)').choices(
        OUTREACH_CHANNELS,
      ),
    )
    .option('--to <email>', 'which of their addresses (default: the first)')
    .option('--purpose <purpose>', 'the purpose this message serves (name or id)')
    .option('--follow-up', 'this is the one follow-up (after the first message went unanswered)')
    .option(
      '--at <when>',
      'when you sent it yourself (linkedin|mailto|other): YYYY-MM-DD, yesterday, -N days or a time (default: now)',
    )
    .option(
      '--key <key>',
      'idempotency key (default: derived from the message, so a rerun never sends twice)',
    )
    .option('--dry-run', 'show the message and whether it may go; send nothing')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<SendOptions>();
      type Outcome = { preview: OutreachPreview } | { sent: OutreachSendResult };
      const out = await withAccount(o, async (ctx): Promise<Outcome> => {
        const item = await getOutreachItem(ctx, (await resolveItem(ctx, ref)).id);
        const template = o.template
          ? resolveTemplate(await listOutreachTemplates(ctx), o.template)
          : undefined;
        const kind = o.followUp ? ('follow-up' as const) : ('first' as const);
        // Marking a message sent in another channel is a claim only the user can make: never a default.
        const channel =
          o.channel ?? template?.channel ?? (item.person.emails.length > 0 ? 'email' : undefined);
        if (!channel)
          throw validationError(
            'channel',
            item.rapport
              ? `${item.contact.displayName} has no email address: send a Rapport message with --channel rapport, or send it yourself and say where with --channel linkedin|mailto|other`
              : `${item.contact.displayName} has no email address: send it yourself and say where with --channel linkedin|mailto|other`,
          );
        const draft = {
          kind,
          channel,
          templateId: template?.id ?? null,
          purposeId: o.purpose ? (await resolvePurpose(ctx, o.purpose)).id : undefined,
          subject: o.subject ?? template?.subject ?? (channel === 'email' ? item.suggestion.subject : null),
          body: await bodyOf(o, template),
          ...(o.to ? { to: o.to } : {}),
        };
        if (o.dryRun) return { preview: await previewOutreachMessage(ctx, item.id, draft) };
        const sendKey =
          o.key ??
          `cli-${createHash('sha256')
            .update(JSON.stringify([item.id, kind, channel, draft.subject, draft.body]))
            .digest('hex')
            .slice(0, 32)}`;
        // The key leaves the time out: rerun with another --at, the message already recorded is the answer.
        const sentAt = o.at ? parseMoment(o.at, await localNow(ctx), 'sentAt') : undefined;
        const input = { ...draft, sendKey, ...(sentAt ? { sentAt } : {}) };
        return {
          sent: (SERVER_CHANNELS as readonly string[]).includes(channel)
            ? await sendOutreach(ctx, item.id, input)
            : await markOutreachSent(ctx, item.id, input),
        };
      });
      if ('preview' in out) {
        const p = out.preview;
        emit(o, p, () =>
          [
            p.subject ? `Subject: ${p.subject}` : '',
            p.body,
            '',
            p.ok
              ? 'ok: this message may be sent'
              : `not yet:\n${p.problems.map((x) => `  ${x.path}: ${x.message}`).join('\n')}`,
          ]
            .filter((l, i) => l !== '' || i > 1)
            .join('\n'),
        );
        return;
      }
      const r = out.sent;
      if (r.message.status === 'failed') {
        throw new HintedError(
          new AppError(
            'internal',
            `the SMTP server refused the message: ${r.message.error ?? 'no reason given'}`,
            {
              messageId: r.message.id,
              sendKey: r.message.sendKey,
            },
          ),
          'The message is kept. Run the same command again to retry: it is never sent twice.',
        );
      }
      emit(o, r, () => sentView(r));
    });
  fieldFlags(send, {
    sentAt: '--at',
    body: '--line/--message/--file',
    sendKey: '--key',
    kind: '--follow-up',
  });
  examples(send, [
    'rapport outreach send "Ada Lovelace" --template "New connection" --line "Your talk on engines was the best of the day."',
    'rapport outreach send ada --channel linkedin --message "Hi {firstName}, loved your post on …"',
    'rapport outreach send ada --channel rapport --message "Hi {firstName}, your talk on engines made my week …"',
    'rapport outreach send ada --follow-up --message "Hi {firstName}, the reading group I mentioned meets Thursday …"',
    'rapport outreach send ada --file note.txt --dry-run',
    'rapport outreach send ada --channel linkedin --at 2026-11-18 --message "Hi {firstName}, …"',
  ]);

  const undoSent = outreach
    .command('undo-sent')
    .description(
      'take back the latest message you marked sent by mistake: the person is back where they were (a first ' +
        'message: in the queue), and it counts in no response rate. An email or a Rapport message that went out stays.',
    )
    .argument('<person>', 'queue item id, or the contact (id or text that finds one)')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions>();
      const item = await withAccount(o, async (ctx) => {
        const detail = await getOutreachItem(ctx, (await resolveItem(ctx, ref)).id);
        const last = detail.messages.at(-1);
        if (!last)
          throw new AppError('conflict', `nothing has been sent to ${detail.contact.displayName} yet`);
        return undoOutreachSent(ctx, detail.id, { messageId: last.id });
      });
      emit(o, item, () =>
        item.state === 'queued'
          ? `${item.contact.displayName} is back in the queue`
          : `${item.contact.displayName}: the follow-up is taken back (${item.state}; follow-up suggested on ${item.followUpOn})`,
      );
    });
  examples(undoSent, ['rapport outreach undo-sent "Ada Lovelace"']);

  const replied = outreach
    .command('replied')
    .description('they replied (one step: logs it and moves their purpose to "responded")')
    .argument('<person>', 'queue item id, or the contact (id or text that finds one)')
    .option('--note <text>', 'what they said')
    .option('--at <when>', 'when: YYYY-MM-DD, yesterday, -N days or a time (default: now)')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & { note?: string; at?: string }>();
      const item = await withAccount(o, async (ctx) => {
        const target = await resolveItem(ctx, ref);
        const occurredAt = o.at ? parseMoment(o.at, await localNow(ctx), 'occurredAt') : undefined;
        return recordOutreachReply(ctx, target.id, { summary: o.note ?? null, occurredAt });
      });
      emit(o, item, () => `${item.contact.displayName} replied (${item.repliedAt})`);
    });
  fieldFlags(replied, { occurredAt: '--at', summary: '--note' });
  examples(replied, ['rapport outreach replied "Ada Lovelace" --note "Happy to speak in February"']);

  const stats = outreach
    .command('stats')
    .description('response rate and time to reply by purpose, template, channel and month (baseline ~25%)')
    .option('--since <day>', 'messages first sent on or after this day (YYYY-MM-DD)')
    .option('--purpose <purpose>', 'only for this purpose (name or id)')
    .option('--who', 'also list who replied')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<
        GlobalOptions & { since?: string; purpose?: string; who?: boolean }
      >();
      const result = await withAccount(o, async (ctx) => {
        const purpose = o.purpose ? (await resolvePurpose(ctx, o.purpose)).id : undefined;
        const s = await getOutreachStats(ctx, { since: o.since, purpose });
        return { ...s, replies: o.who ? await listOutreachReplies(ctx, { purpose, limit: 200 }) : undefined };
      });
      emit(o, result, () =>
        [
          statsView(result),
          ...(result.replies
            ? [
                '',
                result.replies.total > result.replies.items.length
                  ? `who replied (the newest ${result.replies.items.length} of ${result.replies.total})`
                  : 'who replied',
                table(
                  ['name', 'channel', 'purpose', 'replied', 'after'],
                  result.replies.items.map((r) => [
                    r.contact.displayName,
                    r.channel,
                    r.purpose?.name,
                    r.repliedAt.slice(0, 10),
                    hours(r.hoursToReply),
                  ]),
                ),
              ]
            : []),
        ].join('\n'),
      );
    });
  examples(stats, ['rapport outreach stats', 'rapport outreach stats --who --purpose "Guest speakers"']);

  const templates = outreach
    .command('templates')
    .description(
      'message templates (merge fields: {firstName} {lastName} {name} {organisation} {title} {howWeMet} {purpose} {myName} {myFirstName})',
    )
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions>();
      const list = await withAccount(o, (ctx) => listOutreachTemplates(ctx));
      emit(o, list, () =>
        list.length === 0
          ? 'no templates yet (rapport outreach templates add <name> --body …)'
          : table(
              ['id', 'name', 'channel', 'follow-up', 'purpose'],
              list.map((t) => [
                t.id,
                t.name,
                t.channel,
                t.followUpDays ? `${t.followUpDays} d` : null,
                t.purpose?.name,
              ]),
            ),
      );
    });
  templates
    .command('add')
    .description('save a template')
    .argument('<name>', 'its name')
    .option('--body <text>', 'the text, with merge fields like {firstName}')
    .option('--file <path>', 'read the text from a file (- for standard input)')
    .option('--subject <text>', 'email subject')
    .addOption(new Option('--channel <channel>', 'default channel').choices(OUTREACH_CHANNELS))
    .option(
      '--follow-up-days <n>',
      'suggest a follow-up after N days without reply (default: 7)',
      integer(1, 365),
    )
    .option('--purpose <purpose>', 'the purpose it serves (name or id)')
    .action(async (name: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<TemplateOptions>();
      const body = o.body ?? (o.file ? await readText(o.file) : undefined);
      if (body === undefined) throw validationError('body', 'give the text with --body or --file');
      const t = await withAccount(o, async (ctx) =>
        createOutreachTemplate(ctx, {
          name,
          body,
          subject: o.subject,
          channel: o.channel,
          followUpDays: o.followUpDays,
          purposeId: o.purpose ? (await resolvePurpose(ctx, o.purpose)).id : undefined,
        }),
      );
      emit(o, t, () => `saved template ${t.name} (${t.id}); merge fields: ${t.fields.join(', ') || 'none'}`);
    });
  templates
    .command('rm')
    .description('retire a template (messages sent with it keep counting in the stats)')
    .argument('<template>', 'name or id')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions>();
      const t = await withAccount(o, async (ctx) => {
        const found = resolveTemplate(await listOutreachTemplates(ctx), ref);
        await deleteOutreachTemplate(ctx, found.id);
        return found;
      });
      emit(o, { id: t.id, deleted: true }, () => `retired template ${t.name}`);
    });
  registerTemplateEdit(templates);
  examples(templates, [
    'rapport outreach templates',
    'rapport outreach templates add "New connection" --subject "Great to connect, {firstName}" --file note.txt',
  ]);
}
