import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Ctx } from '../../core/context';
import { unsubscribeFromDigest } from '../../core/digest/unsubscribe-from-digest';
import { AppError } from '../../core/errors';

export interface DigestRouteOptions {
  baseUrl: string;
  baseCtx: (req: FastifyRequest) => Ctx;
  limit: { max: number; timeWindow: number };
}

type Params = { Params: { account: string; token: string } };

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex"><title>${title} · Rapport</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32em;margin:3em auto;padding:0 1em;line-height:1.5">
<h1 style="font-size:1.4em">${title}</h1>
${body}
</body></html>
`;

/**
 * The daily digest's unsubscribe link (List-Unsubscribe). GET only shows a confirmation button, because mail
 * scanners follow links; POST (the button, or a mail provider's RFC 8058 one-click request with the body
 * `List-Unsubscribe=One-Click`) turns the digest off. No session needed: the signed link is the credential.
 */
export function digestRoutes(opts: DigestRouteOptions): FastifyPluginAsync {
  return async (app) => {
    // RFC 8058 one-click requests are form posts; the body is not needed, only accepted.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_req, body, done) => done(null, body),
    );
    const config = { rateLimit: opts.limit };
    app.get<Params>(
      '/digest/unsubscribe/:account/:token',
      { schema: { hide: true }, config },
      async (_req, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(
            page(
              'Turn off the daily digest?',
              `<p>You will no longer get the morning e-mail with your Today list. You can turn it back on in <a href="${opts.baseUrl}/settings">Settings</a>.</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Turn off the daily digest</button></form>`,
            ),
          ),
    );
    app.post<Params>(
      '/digest/unsubscribe/:account/:token',
      { schema: { hide: true }, config },
      async (req, reply) => {
        void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
        try {
          await unsubscribeFromDigest(opts.baseCtx(req), req.params.account, req.params.token);
        } catch (err) {
          if (err instanceof AppError && err.code === 'not_found') {
            return reply
              .code(404)
              .send(
                page(
                  'This link no longer works',
                  `<p>Unsubscribe links stop working when the password changes. Turn the digest off in <a href="${opts.baseUrl}/settings">Settings</a>.</p>`,
                ),
              );
          }
          throw err;
        }
        return reply.send(
          page(
            'The daily digest is off',
            `<p>No more morning e-mails. You can turn it back on in <a href="${opts.baseUrl}/settings">Settings</a>.</p>`,
          ),
        );
      },
    );
  };
}
