import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Settings } from '../src/core/context';
import type { DatabaseHandle, Engine } from '../src/core/db/connect';
import type { Mailer } from '../src/core/mail/mailer';
import { type AppOptions, buildApp } from '../src/server/app';
import { openTestDatabase, testSettings } from './engines';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client for one user agent: keeps cookies, sends the CSRF header, or a bearer token. */
export class Client {
  cookies = new Map<string, string>();
  bearer: string | null = null;
  csrf: string | null = null;
  sendCsrf = true;

  constructor(readonly base: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !('content-type' in h)) h['content-type'] = 'application/json';
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    if (this.csrf && this.sendCsrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [k, ...v] = (pair ?? '').split('=');
      if (!k) continue;
      const expired = attrs.some(
        (a) => /expires=thu, 01 jan 1970/i.test(a.trim()) || /max-age=0$/i.test(a.trim()),
      );
      if (expired || v.join('=') === '') this.cookies.delete(k.trim());
      else this.cookies.set(k.trim(), v.join('='));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    const reply = { status: res.status, body: parsed as T, headers: res.headers };
    if (reply.status < 300 && parsed && typeof parsed === 'object' && 'csrfToken' in parsed) {
      this.csrf = (parsed as { csrfToken: string | null }).csrfToken;
    }
    return reply;
  }
  /** Sends one file as multipart/form-data field `file`, like the web app's upload. */
  async upload<T = any>(path: string, fileName: string, bytes: Uint8Array | string): Promise<Reply<T>> {
    const form = new FormData();
    form.set('file', new Blob([typeof bytes === 'string' ? bytes : Buffer.from(bytes)]), fileName);
    const h: Record<string, string> = {};
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    if (this.csrf && this.sendCsrf) h['x-csrf-token'] = this.csrf;
    const res = await fetch(`${this.base}${path}`, { method: 'POST', headers: h, body: form });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

let seq = 0;

export interface TestServer {
  engine: Engine;
  app(): FastifyInstance;
  /** The server's database, for arranging data through core use cases. */
  handle(): DatabaseHandle;
  base(): string;
  logs: string[];
  /** A new user agent with no cookies. */
  anonymous(): Client;
  /** Signs up a fresh account through the API and returns its browser-like client. */
  user(name?: string): Promise<Client & { accountId: string; email: string; password: string }>;
  /** A client using a fresh API token of a fresh account (no cookies). */
  tokenUser(): Promise<Client & { accountId: string }>;
}

/** The app over a database the test opened itself, without the web files, its log lines collected in `logs`. */
export function appForTests(
  handle: DatabaseHandle,
  logs: string[],
  opts: Partial<AppOptions> = {},
): Promise<FastifyInstance> {
  return buildApp({
    handle,
    settings: testSettings,
    webRoot: null,
    logLevel: 'info',
    logStream: new Writable({
      write(chunk, _enc, cb) {
        logs.push(String(chunk));
        cb();
      },
    }),
    ...opts,
  });
}

/** Starts the real server on a random port over `engine` for the enclosing describe block. */
export function serveForTests(
  engine: Engine,
  opts: { settings?: Partial<Settings>; app?: Partial<AppOptions> } = {},
): TestServer {
  let app: FastifyInstance | undefined;
  let handle: DatabaseHandle | undefined;
  let base = '';
  const logs: string[] = [];
  // With mail, an open server confirms sign-ups by e-mail (ADR 4): `user()` follows the link mailed to it.
  const signupLinks = new Map<string, string>();
  const given = opts.app?.mailer;
  const mailer: Mailer | undefined = given
    ? {
        send: (m) => {
          const token = /\/sign-up\/confirm\/([\w-]+)/.exec(m.text)?.[1];
          if (token) signupLinks.set(m.to.address.toLowerCase(), token);
          return given.send(m);
        },
      }
    : undefined;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    app = await appForTests(handle, logs, {
      settings: { ...testSettings, ...opts.settings },
      loginLimit: { max: 1000, timeWindow: 60_000 },
      loginAddressLimit: { max: 100_000, timeWindow: 60_000 },
      ...opts.app,
      ...(mailer ? { mailer } : {}),
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });
  /** The secret of the sign-up link mailed to `email` (sent after the answer, so it may take a moment). */
  const linkTo = async (email: string): Promise<string> => {
    for (let waited = 0; waited < 5000; waited += 10) {
      const token = signupLinks.get(email.toLowerCase());
      if (token) return token;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no sign-up link was mailed to ${email}`);
  };
  const server: TestServer = {
    engine,
    logs,
    app: () => app as FastifyInstance,
    handle: () => handle as DatabaseHandle,
    base: () => base,
    anonymous: () => new Client(base),
    user: async (name = 'Test User') => {
      const c = new Client(base);
      const email = `u${++seq}.${process.pid}.${Date.now()}@example.test`;
      const password = `pw-${seq}-long-enough`;
      let r = await c.post('/api/v1/auth/signup', { email, password, name });
      if (r.status === 202) r = await c.post('/api/v1/auth/signup/confirm', { token: await linkTo(email) });
      if (r.status !== 201) throw new Error(`signup failed: ${r.status} ${JSON.stringify(r.body)}`);
      return Object.assign(c, { accountId: r.body.account.id as string, email, password });
    },
    tokenUser: async () => {
      const u = await server.user();
      const t = await u.post('/api/v1/tokens', { name: 'test' });
      const c = new Client(base);
      c.bearer = t.body.token;
      return Object.assign(c, { accountId: u.accountId });
    },
  };
  return server;
}
