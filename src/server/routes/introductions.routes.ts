import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, idParams } from '../../contracts/common';
import {
  brokerDecisionInput,
  introduction,
  introductionListPage,
  introListQuery,
  introOutcomeInput,
  introRequestInput,
  SHARE_KINDS,
  type ShareKind,
  targetDecisionInput,
} from '../../contracts/introductions';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { decideAsBroker } from '../../core/introductions/decide-as-broker';
import { decideAsTarget } from '../../core/introductions/decide-as-target';
import { decideByLink } from '../../core/introductions/decide-by-link';
import { getIntroduction } from '../../core/introductions/get-introduction';
import { askedLine } from '../../core/introductions/intro-mail';
import { listIntroductions } from '../../core/introductions/list-introductions';
import { reportIntroductionOutcome } from '../../core/introductions/report-introduction-outcome';
import { requestIntroduction } from '../../core/introductions/request-introduction';
import {
  type IntroductionLinkView,
  viewIntroductionLink,
} from '../../core/introductions/view-introduction-link';
import { withdrawIntroduction } from '../../core/introductions/withdraw-introduction';
import { escapeHtml } from '../../core/mail/compose-mail';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  429: errorBody,
};
const tags = ['introductions'];

/** Double opt-in introductions (under /api/v1, signed in): my requests, requests to me as broker or as the person. */
export const introductionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/introductions',
    {
      schema: {
        tags,
        summary:
          'Ask a connection (the broker) to introduce you to one of their findable contacts; 404 alike for a non-connection and an unknown or unfindable contact, 429 past 5 requests a week, 409 while one about the same person is open or for 90 days after a decline',
        body: introRequestInput,
        response: { 201: introduction, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await requestIntroduction(req.ctx, req.body)),
  );
  app.get(
    '/introductions',
    {
      schema: {
        tags,
        summary:
          'My introductions, newest first, each as my role sees it (requester: outbox; broker, target: inbox); paged with nextCursor',
        querystring: introListQuery,
        response: { 200: introductionListPage, ...errors },
      },
    },
    (req) => listIntroductions(req.ctx, req.query),
  );
  app.get(
    '/introductions/:id',
    {
      schema: {
        tags,
        summary: 'One introduction as my role sees it',
        params: idParams,
        response: { 200: introduction, ...errors },
      },
    },
    (req) => getIntroduction(req.ctx, req.params.id),
  );
  app.patch(
    '/introductions/:id',
    {
      schema: {
        tags,
        summary: 'Requester: note how the introduction turned out',
        params: idParams,
        body: introOutcomeInput,
        response: { 200: introduction, ...errors },
      },
    },
    (req) => reportIntroductionOutcome(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/introductions/:id/broker-decision',
    {
      schema: {
        tags,
        summary:
          'Broker: accept (the person is then asked, in the app or by a signed e-mail link) or decline (an optional reason stays private)',
        params: idParams,
        body: brokerDecisionInput,
        response: { 200: introduction, ...errors },
      },
    },
    (req) => decideAsBroker(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/introductions/:id/target-decision',
    {
      schema: {
        tags,
        summary: 'The person (with an account): accept and choose what to share, or decline',
        params: idParams,
        body: targetDecisionInput,
        response: { 200: introduction, ...errors },
      },
    },
    (req) => decideAsTarget(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/introductions/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Requester: take back a request that is still open',
        params: idParams,
        response: { 200: introduction, ...errors },
      },
    },
    (req) => withdrawIntroduction(req.ctx, req.params.id),
  );
};

export interface IntroLinkRouteOptions {
  /** A context without an actor: the link's secret is the credential. */
  baseCtx: (req: FastifyRequest) => Ctx;
  /** Requests per client address. */
  limit: { max: number; timeWindow: number };
}

type Params = { Params: { token: string } };

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Rapport</title></head>
<body style="font-family:system-ui,sans-serif;max-width:34em;margin:3em auto;padding:0 1em;line-height:1.5">
<h1 style="font-size:1.4em">${escapeHtml(title)}</h1>
${body}
</body></html>
`;
}

const quote = (s: string) =>
  `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${escapeHtml(s).replaceAll('\n', '<br>')}</blockquote>`;

const KIND_LABELS: Record<ShareKind, string> = {
  email: 'my e-mail address',
  phone: 'my phone number',
  linkedin: 'my LinkedIn profile',
};

/** The one answer for an unknown, forged, used, expired or withdrawn link: nothing tells them apart. */
const GONE = page(
  'This link is no longer valid',
  '<p>Introduction links work once and expire. If you still want to be in touch, reply to the person who wrote to you.</p>',
);

function askPage(v: IntroductionLinkView, error?: string): string {
  const options = v.options
    .map(
      (o) =>
        `<p><label><input type="checkbox" name="share" value="${o.kind}"> ${KIND_LABELS[o.kind]} (${escapeHtml(o.label)})</label></p>`,
    )
    .join('\n');
  return page(
    `An introduction to ${v.requesterName}`,
    `${error ? `<p role="alert"><strong>${escapeHtml(error)}</strong></p>` : ''}
<p>${escapeHtml(askedLine(v.requesterName, v.brokerName, v.offered))}</p>
${quote(v.why)}
${v.message ? `<p>${escapeHtml(v.brokerName)} adds:</p>\n${quote(v.message)}` : ''}
<form method="post">
<fieldset style="border:1px solid #ccc;padding:0 1em 1em;margin:0 0 1em">
<legend>If you accept, ${escapeHtml(v.requesterName)} receives (nothing else about you):</legend>
${options || '<p>Your name only: you have them write to you through the introduction e-mail.</p>'}
</fieldset>
<p><button type="submit" name="decision" value="accept">Accept the introduction</button>
<button type="submit" name="decision" value="decline">Decline</button></p>
</form>
<p>If you accept, the three of you get an introduction e-mail. If you decline, ${escapeHtml(v.requesterName)} only learns that it is not happening; ${escapeHtml(v.brokerName)}, who asked you, hears that you said no. This link works once, until ${v.expiresAt.slice(0, 10)}.</p>`,
  );
}

function html(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .send(body);
}

/**
 * The page behind the signed link an introduction's person gets by e-mail: GET shows who asks, why and through
 * whom, with a form (no side effects: mail scanners follow links); POST decides. No session and no cookies: the
 * one-time secret in the path is the credential, so a cross-site form cannot use anyone's session. Every link that
 * is not good gets the same 404 page. The secret never reaches the logs (server/logging.ts masks it).
 */
export function introLinkRoutes(opts: IntroLinkRouteOptions): FastifyPluginAsync {
  return async (app) => {
    // Only the page's form decides: a body sent as anything else (text/plain, JSON) is read as no form at all.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 2048 },
      (_req, body, done) => done(null, new URLSearchParams(body as string)),
    );
    const config = { rateLimit: opts.limit };
    app.get<Params>('/intro/:token', { schema: { hide: true }, config }, async (req, reply) => {
      try {
        return html(reply, 200, askPage(await viewIntroductionLink(opts.baseCtx(req), req.params.token)));
      } catch (err) {
        if (err instanceof AppError && err.code === 'not_found') return html(reply, 404, GONE);
        throw err;
      }
    });
    app.post<Params>('/intro/:token', { schema: { hide: true }, config }, async (req, reply) => {
      const form = req.body instanceof URLSearchParams ? req.body : new URLSearchParams();
      const decision = form.get('decision');
      const share = form
        .getAll('share')
        .filter((s): s is ShareKind => (SHARE_KINDS as readonly string[]).includes(s));
      const ctx = opts.baseCtx(req);
      try {
        if (decision !== 'accept' && decision !== 'decline') {
          const v = await viewIntroductionLink(ctx, req.params.token);
          return html(reply, 400, askPage(v, 'Choose to accept or to decline.'));
        }
        const done = await decideByLink(ctx, req.params.token, {
          decision,
          share: decision === 'accept' ? share : [],
        });
        const name = escapeHtml(done.requesterName);
        return html(
          reply,
          200,
          done.decision === 'accept'
            ? page(
                'You are introduced',
                `<p>Thank you. ${name} receives what you chose to share and nothing else; the three of you get an introduction e-mail.</p>`,
              )
            : page(
                'You declined',
                `<p>Nothing about you was shared. ${name} only learns that the introduction is not happening.</p>`,
              ),
        );
      } catch (err) {
        if (err instanceof AppError && err.code === 'not_found') return html(reply, 404, GONE);
        if (err instanceof AppError && err.code === 'validation') {
          const v = await viewIntroductionLink(ctx, req.params.token).catch(() => null);
          return v ? html(reply, 400, askPage(v, err.message)) : html(reply, 404, GONE);
        }
        throw err;
      }
    });
  };
}
