// npm run screenshot -- URL OUT.png [WIDTHxHEIGHT]: a page in headless Chromium (WebGL on
// SwiftShader) once the map is ready and idle, for looking at UI work before calling it done.
import { launchChromium } from '../tests/e2e/harness.ts';

const [url, out, size = '1920x1080'] = process.argv.slice(2);
if (!url || !out) throw new Error('usage: npm run screenshot -- URL OUT.png [WIDTHxHEIGHT]');
const [width, height] = size.split('x').map(Number);
const ctx = await launchChromium({ width, height });
const page = ctx.pages()[0] ?? (await ctx.newPage());
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
