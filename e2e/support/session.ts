import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium, newContext } from './browser';
import { watchConsole } from './page-checks';
import { type RunningServer, type ServerOptions, startServer } from './server';

export interface Session {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  consoleLog: ReturnType<typeof watchConsole>;
  /** The CSRF token of the signed-up session, for writes through `page.request`. */
  csrf: string;
}

/**
 * What most e2e files start from: a fresh server, Debian's Chromium, one page (10 s timeouts, console errors
 * watched) and an account signed up through the API, whose session the page now holds.
 */
export async function signedUpSession(
  webRoot: string,
  chromiumPath: string,
  me: { name: string; email: string; password: string },
  opts: ServerOptions & { viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const { viewport, ...serverOptions } = opts;
  const server = await startServer(webRoot, serverOptions);
  const browser = await launchChromium(chromiumPath);
  const context = await newContext(browser, server.base, viewport);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const consoleLog = watchConsole(page);
  const signup = await page.request.post('/api/v1/auth/signup', { data: me });
  expect(signup.status()).toBe(201);
  const csrf = ((await signup.json()) as { csrfToken: string }).csrfToken;
  return { server, browser, context, page, consoleLog, csrf };
}

export type SessionApi = <T = any>(
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  body?: unknown,
) => Promise<T>;

/** JSON calls to `/api/v1` through the page's signed-in session (its cookie and CSRF token); a non-2xx fails. */
export function sessionApi(page: Page, csrf: string): SessionApi {
  return async (method, path, body) => {
    const res = await page.request[method](`/api/v1${path}`, {
      ...(body === undefined ? {} : { data: body }),
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };
}
