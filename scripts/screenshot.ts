// npm run screenshot -- URL OUT.png [WIDTHxHEIGHT] [--user NAME --password PW]: a page in
// headless Chromium (WebGL on SwiftShader) once the map is ready and idle, for looking at UI
// work before calling it done. With --user it signs in through the login form first.
import { parseArgs } from 'node:util';
import { launchChromium, login } from '../tests/e2e/harness.ts';

const { values, positionals } = parseArgs({ allowPositionals: true,
  options: { user: { type: 'string' }, password: { type: 'string' } } });
const [url, out, size = '1920x1080'] = positionals;
if (!url || !out) throw new Error('usage: npm run screenshot -- URL OUT.png [WIDTHxHEIGHT] [--user NAME --password PW]');
if (values.user && !values.password) throw new Error('--user needs --password');
const [width, height] = size.split('x').map(Number);
const ctx = await launchChromium({ width, height });
const page = ctx.pages()[0] ?? (await ctx.newPage());
if (values.user) await login(page, new URL(url).origin, values.user, values.password);
await page.goto(url);
await page.waitForFunction(() => document.body.dataset.mapReady === '1', null, { timeout: 60_000 });
await page.evaluate(() => new Promise<void>((r) => {
  const m = (window as unknown as { __map: { once(e: string, f: () => void): void; triggerRepaint(): void } }).__map;
  m.once('idle', () => r());
  m.triggerRepaint();
}));
await page.screenshot({ path: out });
await ctx.close();
console.log(`wrote ${out} (${width}×${height})`);
