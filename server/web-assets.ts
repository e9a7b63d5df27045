// Serving the built web app (dist/) and rebuilding it when its sources are newer.
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['web', 'domain', 'vite.config.ts', 'package-lock.json'];

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtimeMs(join(path, name))), st.mtimeMs);
}

/** Builds dist/ with Vite when it is missing or older than any web source. */
export function buildWebIfStale(root: string, log: { info: (msg: string) => void }): void {
  const built = newestMtimeMs(join(root, 'dist', 'index.html'));
  const sources = Math.max(...SOURCES.map((s) => newestMtimeMs(join(root, s))));
  if (built > sources) return;
  log.info('web app is missing or stale: building it with vite');
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

/** Static files from dist/, and index.html for any other GET (client-side routes like /wall). */
export function webAssets(distDir: string): MiddlewareHandler {
  const files = serveStatic({ root: distDir });
  const index = serveStatic({ root: distDir, path: 'index.html' });
  return async (c, next) => {
    const res = await files(c, async () => {});
    if (res) return res;
    return c.req.method === 'GET' ? index(c, next) : next();
  };
}
