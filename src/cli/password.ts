import { AppError } from '../core/errors';

/** Everything on stdin, minus the one line end a pipe or `echo` adds (like `docker login --password-stdin`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Reads one line from the terminal without echoing it. Ctrl-C aborts, backspace edits. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (fn: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      fn();
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(value));
        if (ch === '\u0003' || ch === '\u0004')
          return done(() => reject(new AppError('validation', 'cancelled')));
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else value += ch;
      }
    };
    stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/**
 * The new account's password: from stdin with `--password-stdin`, else RAPPORT_PASSWORD, else typed twice at a
 * hidden prompt. With none of these (a script without a terminal) it is a `validation` error.
 */
export async function newPassword(opts: { passwordStdin?: boolean }): Promise<string> {
  if (opts.passwordStdin) return readStdin();
  const fromEnv = process.env.RAPPORT_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new AppError(
      'validation',
      'password: give it with --password-stdin or RAPPORT_PASSWORD (no terminal to ask on)',
      {
        issues: [{ path: 'password', message: 'is required' }],
      },
    );
  }
  const first = await promptHidden('Password: ');
  const again = await promptHidden('Repeat password: ');
  if (first !== again) {
    throw new AppError('validation', 'password: the two passwords differ', {
      issues: [{ path: 'password', message: 'the two passwords differ' }],
    });
  }
  return first;
}
