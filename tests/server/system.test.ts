import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { testApp } from '../support/app.ts';

describe.each(DIALECTS)('health, OpenAPI and edge rules on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  it('reports the database state on /health', async () => {
    const body = await (await t.json('/api/v1/health')).json();
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ dialect: dialect.name, adminUnits: 4 });
    if (dialect.name === 'sqlite') expect(body.database).toMatchObject({ journalMode: 'wal', synchronous: 2, foreignKeys: 1 });
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas, and a reference page', async () => {
    const doc = await (await t.as('admin')('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/layers/{layer}', '/layers/cases', '/cases', '/cases/{id}', '/checkpoints/{id}', '/quarantine-sites', '/testing-sites/{id}', '/health']) {
      expect(doc.paths).toHaveProperty([p]);
    }
    expect(doc.paths['/cases'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('idNumber');
    const { cookie } = await t.signIn('admin');
    const page = await t.app.request('/api/v1/docs', { headers: { cookie } });
    expect(await page.text()).toContain('/api/v1/docs/init.js');
    expect((await t.app.request('/api/v1/docs/swagger-ui-bundle.js', { headers: { cookie } })).status).toBe(200);
    // Not for anonymous visitors.
    for (const p of ['/api/v1/openapi.json', '/api/v1/docs', '/api/v1/docs/init.js']) expect((await t.json(p)).status).toBe(401);
  });

  it('answers unknown API routes with problem+json and sets security headers', async () => {
    const res = await t.json('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('not_found');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('compression', () => {
  it('gzips API responses for clients that accept it', async () => {
    const t = await testApp(DIALECTS[0]);
    const { cookie } = await t.signIn('commander');
    const res = await t.app.request('/api/v1/layers/roads', { headers: { 'accept-encoding': 'gzip', cookie } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    await t.close();
  });
});
