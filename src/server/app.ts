import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger, { type SwaggerTransformObject } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type Clock, systemClock } from '../core/clock';
import type { Ctx, Settings } from '../core/context';
import type { DatabaseHandle } from '../core/db/connect';
import { uuidIds } from '../core/ids';
import type { Mailer } from '../core/mail/mailer';
import { authPlugin } from './auth';
import { registerCarddav } from './carddav/carddav.routes';
import { errorHandler } from './errors';
import { requireJsonBody } from './json-body';
import { loggerOptions } from './logging';
import { askRoutes } from './routes/asks.routes';
import { authRoutes } from './routes/auth.routes';
import { contactRoutes } from './routes/contacts.routes';
import { digestRoutes } from './routes/digest.routes';
import { duplicateRoutes } from './routes/duplicates.routes';
import { feedRoutes, publicFeedRoutes } from './routes/feeds.routes';
import { healthRoutes, monitorHealthRoute } from './routes/health.routes';
import { importRoutes } from './routes/imports.routes';
import { introductionRoutes, introLinkRoutes } from './routes/introductions.routes';
import { invitationRoutes } from './routes/invitations.routes';
import { ledgerRoutes } from './routes/ledger.routes';
import { networkRoutes } from './routes/network.routes';
import { networkSearchRoutes } from './routes/network-search.routes';
import { organisationRoutes } from './routes/organisations.routes';
import { outreachRoutes } from './routes/outreach.routes';
import { purposeRoutes } from './routes/purposes.routes';
import { relationshipRoutes } from './routes/relationships.routes';
import { tagRoutes } from './routes/tags.routes';
import { todayRoutes } from './routes/today.routes';
import { tokenRoutes } from './routes/tokens.routes';
import { trashRoutes } from './routes/trash.routes';
import { securityHeaders } from './security-headers';
import { registerWebApp } from './web';

export interface AppOptions {
  handle: DatabaseHandle;
  settings: Settings;
  clock?: Clock;
  /** Folder of the built web app (dist/web); null serves the API only. */
  webRoot: string | null;
  /** Public URL of this server (BASE_URL); https makes cookies Secure. */
  baseUrl?: string;
  /** Sends e-mail for the use cases (outreach, introductions, notifications); none by default. */
  mailer?: Mailer | null;
  logLevel?: string;
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: NodeJS.WritableStream;
  /**
   * Reverse proxies in front whose X-Forwarded-* are believed (RAPPORT_TRUST_PROXY); `true` means one. Never
   * Fastify's `true` (trust the whole chain): the client writes the left-most X-Forwarded-For entry itself.
   */
  trustProxy?: boolean | number;
  /** Sign-up and log-in attempts per client address and email. */
  loginLimit?: { max: number; timeWindow: number };
  /** Sign-up and log-in attempts per client address, whatever the email. */
  loginAddressLimit?: { max: number; timeWindow: number };
  /** Calendar feed fetches (and digest unsubscribe requests) per client address. */
  feedLimit?: { max: number; timeWindow: number };
  /** Largest JSON body accepted, in bytes. */
  bodyLimit?: number;
  /** Largest uploaded file (imports), in bytes (RAPPORT_UPLOAD_LIMIT_MB). */
  uploadLimit?: number;
  version?: string;
}

/** The whole HTTP server: API under /api/v1, OpenAPI at /api/openapi.json and /api/docs, and the web app. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const clock = opts.clock ?? systemClock;
  const onError = errorHandler(clock);
  const app = Fastify({
    logger: loggerOptions(opts.logLevel ?? 'info', opts.logStream),
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: trustHops(opts.trustProxy === true ? 1 : opts.trustProxy || 0),
    requestIdHeader: 'x-request-id',
    genReqId: () => uuidIds.next(),
    // A path the router cannot read (bad percent-encoding, a segment past maxParamLength) answers like any error.
    frameworkErrors: onError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(onError);
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });

  securityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: opts.baseUrl?.startsWith('https://') ? undefined : false,
  });
  await app.register(cookie);
  const uploadLimit = opts.uploadLimit ?? 100 * 1024 * 1024;
  await app.register(multipart, { limits: { fileSize: uploadLimit, files: 1, fields: 10 } });
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Rapport API',
        version: opts.version ?? '0',
        description:
          'Purposeful professional networking. Authenticate with `Authorization: Bearer <token>` (create one under Settings → API tokens or `rapport token create`). Cookie sessions also need `X-CSRF-Token` on writes.',
      },
      servers: opts.baseUrl ? [{ url: opts.baseUrl }] : [],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: documentEveryRoute,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets styles inline; its own policy allows only style files (the page logged a CSP error).
    transformStaticCSP: (csp) => csp.replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'"),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const secureCookies = (req: FastifyRequest) =>
    opts.baseUrl?.startsWith('https://') === true || req.protocol === 'https';
  const sessionTtlDays = opts.settings.sessionTtlDays;
  // Links in e-mails and feed addresses; BASE_URL when set.
  const publicUrl = (opts.baseUrl ?? opts.settings.publicUrl).replace(/\/+$/, '');
  const settings = { ...opts.settings, publicUrl };
  const baseCtx = (req: FastifyRequest): Ctx => ({
    db: opts.handle.db,
    engine: opts.handle.engine,
    actor: null,
    clock,
    ids: uuidIds,
    log: req.log,
    settings,
    mailer: opts.mailer ?? null,
  });
  const apiV1: FastifyPluginAsync = async (api) => {
    await api.register(authPlugin, {
      baseCtx,
      secureCookies,
      sessionTtlDays,
    });
    // After sign-in is checked: a JSON route names a body that is not JSON before parsing it (json-body.ts).
    api.addHook('preParsing', requireJsonBody);
    await api.register(healthRoutes(opts.version ?? '0'));
    await api.register(
      authRoutes({
        secureCookies,
        sessionTtlDays,
        loginLimit: opts.loginLimit ?? { max: 10, timeWindow: 15 * 60_000 },
        // Six people's worth of the per-email allowance: an office behind one NAT signing in after a holiday
        // still fits, while one address spraying made-up emails is stopped after 60 slow hashes.
        loginAddressLimit: opts.loginAddressLimit ?? { max: 60, timeWindow: 15 * 60_000 },
      }),
    );
    await api.register(tokenRoutes);
    await api.register(contactRoutes);
    await api.register(organisationRoutes);
    await api.register(tagRoutes);
    await api.register(trashRoutes);
    await api.register(duplicateRoutes);
    await api.register(importRoutes, { uploadLimit });
    await api.register(invitationRoutes);
    await api.register(relationshipRoutes);
    await api.register(ledgerRoutes);
    await api.register(todayRoutes);
    await api.register(networkSearchRoutes);
    await api.register(networkRoutes);
    await api.register(purposeRoutes);
    await api.register(outreachRoutes);
    await api.register(introductionRoutes);
    await api.register(askRoutes);
    await api.register(feedRoutes({ baseUrl: publicUrl }));
  };
  await app.register(apiV1, { prefix: '/api/v1' });
  // Outside /api/v1: calendar apps and mail providers call these without a session (the secret URL is the key).
  const feedLimit = opts.feedLimit ?? { max: 60, timeWindow: 60_000 };
  await app.register(publicFeedRoutes({ baseUrl: publicUrl, clock, baseCtx, limit: feedLimit }));
  await app.register(digestRoutes({ baseUrl: publicUrl, baseCtx, limit: feedLimit }));
  await app.register(introLinkRoutes({ baseCtx, limit: feedLimit }));
  await registerCarddav(app, { baseCtx });
  await app.register(monitorHealthRoute(opts.version ?? '0', opts.handle));

  await registerWebApp(app, opts.webRoot);
  return app;
}

/**
 * Believes the socket's peer and the X-Forwarded-For entries written by the `hops` proxies nearest to us. Fastify
 * has no usable hop count (a number trusts nothing), so it is a trust function; hop 0 is the socket's peer.
 */
function trustHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops > 0 ? (_address, hop) => hop < hops : false;
}

type OpenApiPaths = Record<
  string,
  Record<string, { requestBody?: OpenApiBody; responses?: Record<string, Record<string, unknown>> }>
>;
type OpenApiBody = { required?: boolean; content?: Record<string, { schema?: { nullable?: boolean } }> };

/**
 * Two things the route schemas cannot say. @fastify/swagger marks every declared body required; a route whose body
 * schema is nullish (POST /feeds, the outreach "replied" mark) also takes none, so its document says so and
 * generated clients may leave it out. And any route may answer 503 `unavailable` with Retry-After while the
 * database is busy (ADR 20), so every operation lists it, with the error body its other errors have; a 429 always
 * carries Retry-After too (errors.ts).
 */
const documentEveryRoute: SwaggerTransformObject = (doc) => {
  if (!('openapiObject' in doc)) return doc.swaggerObject;
  for (const methods of Object.values((doc.openapiObject.paths ?? {}) as unknown as OpenApiPaths)) {
    for (const op of Object.values(methods)) {
      const body = op.requestBody;
      if (body?.content?.['application/json']?.schema?.nullable) body.required = false;
      const error = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('4'))?.[1];
      if (error && op.responses && !op.responses['503']) {
        op.responses['503'] = {
          ...error,
          description:
            'The database is busy (another process is writing); nothing was changed, send it again',
          headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds to wait' } },
        };
      }
      const limited = op.responses?.['429'];
      if (limited) {
        limited.headers = {
          'Retry-After': {
            schema: { type: 'integer', minimum: 1 },
            description: 'seconds until the limit frees up (also `error.details.retryAfterSeconds`)',
          },
        };
      }
    }
  }
  return doc.openapiObject;
};
