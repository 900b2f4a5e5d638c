import type { Command } from 'commander';
import { examples } from '../help';
import type { GlobalOptions } from '../output';
import { integer } from '../parse';
import { cliEnv } from '../runtime';

interface ServeOptions extends GlobalOptions {
  port?: number;
  host?: string;
}

export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .description('run the web app and HTTP API')
    .option('--port <n>', 'port to listen on (default: $PORT or the server default)', integer(0, 65535))
    .option('--host <host>', 'address to bind (default: $HOST or the server default)')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<ServeOptions>();
      // Loaded only here so every other command starts without the HTTP stack.
      const { runServer } = await import('../../server/main');
      await runServer({
        ...cliEnv(o),
        ...(o.port !== undefined && { PORT: String(o.port) }),
        ...(o.host !== undefined && { HOST: o.host }),
      });
    });
  examples(cmd, [
    'rapport serve',
    'rapport serve --port 8080 --host 0.0.0.0',
    'rapport --data /srv/rapport serve',
  ]);
}
