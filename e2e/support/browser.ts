import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium, headless, with everything that would phone home switched off. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh browser profile. CSP is bypassed only so axe-core can be injected as an inline script; the app itself
 * runs under the server's real CSP headers otherwise.
 */
export function newContext(
  browser: Browser,
  base: string,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: base,
    viewport,
    bypassCSP: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
}
