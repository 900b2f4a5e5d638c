import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the current page and fails on serious or critical violations (printing every violation, so
 * the minor ones are visible too).
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!loaded) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  if (violations.length > 0) {
    console.log(
      `axe on ${label} (${page.url()}):\n${violations
        .map(
          (v) =>
            `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
        )
        .join('\n')}`,
    );
  }
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length > 0) {
    throw new Error(
      `${label}: ${blocking.length} serious/critical axe violation(s): ${blocking.map((v) => v.id).join(', ')}`,
    );
  }
}

/** Collects console errors and uncaught exceptions of a page; `take` returns and clears them. */
export function watchConsole(page: Page) {
  let errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return {
    /** Every error since the last call, minus the ones matching `expected` (e.g. a deliberate 400). */
    take(expected: RegExp[] = []): string[] {
      const out = errors.filter((e) => !expected.some((re) => re.test(e)));
      errors = [];
      return out;
    },
  };
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling on phones). */
export function hasNoHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
