import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { listThreads, markThreadReadBy, readThread } from '../../core/network/read-messages';
import { sendDirectMessage } from '../../core/network/send-direct-message';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import { resolveConnection } from '../network-view';
import { emit, type GlobalOptions, table } from '../output';
import { cursorOption, noteNextPage } from '../pages';
import { integer } from '../parse';
import { withAccount } from '../runtime';

interface MessagesOptions extends GlobalOptions {
  limit?: number;
  cursor?: string;
}

export function registerMessages(program: Command): void {
  const messages = program
    .command('messages')
    .description(
      'your conversations with connections; with someone, that conversation (newest last), marked read',
    )
    .argument('[who]', 'a connection (name or id)')
    .option('--limit <n>', 'how many messages, 1–200 (default: 50)', integer(1, 200))
    .addOption(cursorOption())
    .action(async (who: string | undefined, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<MessagesOptions>();
      // The list of conversations is whole; a cursor belongs to one conversation (silently ignored, it misled).
      if (who === undefined && o.cursor !== undefined)
        throw new AppError(
          'validation',
          '--cursor pages one conversation: name the connection, e.g. rapport messages "Ada" --cursor …',
          {
            issues: [{ path: 'cursor', message: 'pages one conversation: name the connection' }],
          },
        );
      if (who === undefined) {
        const threads = await withAccount(o, (ctx) => listThreads(ctx));
        emit(o, threads, () =>
          threads.items.length === 0
            ? 'no conversations yet (`rapport message <who> <text>`)'
            : table(
                ['WITH', 'UNREAD', 'LAST', 'MESSAGE'],
                threads.items.map((t) => [
                  t.account.name,
                  t.unread,
                  t.lastMessage.createdAt.slice(0, 16).replace('T', ' '),
                  `${t.lastMessage.fromMe ? 'you: ' : ''}${t.lastMessage.preview}`,
                ]),
              ),
        );
        return;
      }
      const { page, name } = await withAccount(o, async (ctx) => {
        const c = await resolveConnection(ctx, who, ['accepted']);
        const page = await readThread(ctx, c.account.id, { limit: o.limit ?? 50, cursor: o.cursor });
        await markThreadReadBy(ctx, c.account.id);
        return { page, name: c.account.name };
      });
      emit(o, page, () =>
        page.items.length === 0
          ? `no messages with ${name} yet`
          : [...page.items]
              .reverse()
              .map(
                (m) =>
                  `${m.createdAt.slice(0, 16).replace('T', ' ')}  ${m.fromMe ? 'you' : m.sender.name}: ${m.body}`,
              )
              .join('\n'),
      );
      noteNextPage(o, page, '(older messages not shown: use a larger --limit)');
    });
  examples(messages, ['rapport messages', 'rapport messages "Grace Hopper"']);
}

export function registerMessage(program: Command): void {
  const message = program
    .command('message')
    .description('send a plain-text message to one connection (it counts as an interaction for both of you)')
    .argument('<who>', 'a connection (name or id)')
    .argument('<text>', 'the message')
    .action(async (who: string, text: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const { sent, name } = await withAccount(g, async (ctx) => {
        const c = await resolveConnection(ctx, who, ['accepted']);
        return {
          sent: await sendDirectMessage(ctx, { toAccountId: c.account.id, body: text }),
          name: c.account.name,
        };
      });
      emit(g, sent, () => `sent to ${name} (${sent.id})`);
    });
  fieldFlags(message, { body: '<text>', toAccountId: '<who>' });
  examples(message, ['rapport message "Grace Hopper" "Coffee next week?"']);
}
