// The OpenAPI document (generated from the route schemas) and an offline interactive reference:
// swagger-ui-dist served from node_modules, its start-up in a file, so the CSP needs no inline script.
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const uiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css', 'swagger-ui-bundle.js': 'text/javascript',
};

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>守望 Shouwang API</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/api/v1/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/api/v1/docs/swagger-ui-bundle.js"></script>
<script src="/api/v1/docs/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui' });`;

export function docs() {
  return new Hono()
    .get('/docs', (c) => c.html(PAGE))
    .get('/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
    .get('/docs/:asset', async (c) => {
      const name = c.req.param('asset');
      const type = ASSETS[name];
      if (!type) return c.notFound();
      return c.body(await readFile(join(uiDir, name)), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
    });
}
