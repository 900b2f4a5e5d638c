import { launchChromium, newContext } from './support/browser';
const b = await launchChromium('/usr/bin/chromium');
const pages = (process.env.PAGES ?? '/').split(',');
const sizes = process.env.MOBILE ? [[{ width: 390, height: 844 }, 'm']] : [[{ width: 1280, height: 900 }, 'd']];
for (const [vw, tag] of sizes as [{ width: number; height: number }, string][]) {
  const ctx = await newContext(b, 'http://localhost:3100', vw);
  const p = await ctx.newPage();
  p.on('console', (m) => { if (m.type() !== 'log') console.log('console', m.type(), m.text()); });
  await p.goto('/sign-in');
  await p.getByLabel(/email/i).fill('me@example.org');
  await p.getByLabel(/password/i).fill('demo password 1');
  await p.getByRole('button', { name: /sign in/i }).click();
  await p.waitForTimeout(800);
  for (const path of pages) {
    await p.goto(path);
    await p.waitForTimeout(900);
    await p.screenshot({ path: `/tmp/shots/${tag}_${path.replace(/\W+/g, '_')}.png`, fullPage: true });
  }
  await ctx.close();
}
await b.close();
