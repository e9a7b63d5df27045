// Header crawl (reliability.md A8, ASVS 3.4 and 14.3.2): every operation of the OpenAPI document,
// anonymous and signed in, successes and errors alike, answers with a CSP whose scripts are
// 'self' only, HSTS for a year, nosniff, a Referrer-Policy, and `no-store` on the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.ts';
import { operations, REQUESTS, urlOf, type TestApp } from '../support/access-tables.ts';
import { DIALECTS } from '../support/dialects.ts';

const STRICT_REFERRER = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];

/** What is wrong with one response's headers (empty when nothing). */
function headerProblems(h: Headers, api: boolean): string[] {
  const out: string[] = [];
  const csp = new Map((h.get('content-security-policy') ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0])
    .map(([name, ...values]) => [name.toLowerCase(), values] as const));
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  if (!scripts) out.push('CSP without script-src or default-src');
  else if (scripts.some((v) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(v))) out.push(`script-src ${scripts.join(' ')}`);
  if (csp.get('object-src')?.join(' ') !== "'none'") out.push('CSP object-src is not \'none\'');
  if (!csp.has('frame-ancestors')) out.push('CSP without frame-ancestors');
  if (!csp.has('base-uri')) out.push('CSP without base-uri');
  const hsts = /max-age=(\d+)/.exec(h.get('strict-transport-security') ?? '');
  if (!hsts || Number(hsts[1]) < 31_536_000) out.push(`HSTS ${h.get('strict-transport-security')}`);
  if (h.get('x-content-type-options') !== 'nosniff') out.push('no nosniff');
  if (!STRICT_REFERRER.includes(h.get('referrer-policy') ?? '')) out.push(`Referrer-Policy ${h.get('referrer-policy')}`);
  if (api && !/\bno-store\b/.test(h.get('cache-control') ?? '')) out.push(`Cache-Control ${h.get('cache-control')}`);
  return out;
}

it('the header check itself flags a bare response and an inline-script CSP', () => {
  expect(headerProblems(new Headers(), true)).toHaveLength(8);
  const weak = new Headers({ 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
    'strict-transport-security': 'max-age=86400', 'x-content-type-options': 'nosniff', 'referrer-policy': 'unsafe-url', 'cache-control': 'private' });
  expect(headerProblems(weak, true)).toEqual(["script-src 'self' 'unsafe-inline'", 'HSTS max-age=86400', 'Referrer-Policy unsafe-url', 'Cache-Control private']);
});

describe.each(DIALECTS)('security headers on $name', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  it('are on every answer of every OpenAPI route, for every kind of caller', async () => {
    const ops = await operations(t);
    const problems: string[] = [];
    let responses = 0;
    const check = (where: string, res: Response) => {
      responses++;
      const p = headerProblems(res.headers, true);
      if (p.length) problems.push(`${where} (${res.status}): ${p.join('; ')}`);
    };
    for (const op of ops) {
      const spec = REQUESTS[op.key] ?? {};
      // A missing id: 404s for the signed-in, no record changed (a sign-out uses its own session).
      const url = urlOf(op, 987_654);
      check(`anonymous ${op.key}`, await t.json(url, op.method, spec.body?.(987_654)));
      for (const user of ['admin', 'fieldA'] as const) {
        const send = spec.fresh ? (await t.signIn(user)).send : t.as(user);
        check(`${user} ${op.key}`, await send(url, op.method, spec.body?.(987_654)));
      }
    }
    const extra: [string, Response | Promise<Response>][] = [
      ['openapi.json', t.as('admin')('/api/v1/openapi.json')],
      ['unknown API path', t.json('/api/v1/no/such/route')],
      ['415 form body', t.app.request('/api/v1/cases', { method: 'POST', body: 'a=b', headers: { 'content-type': 'text/plain' } })],
      ['400 bad JSON', t.as('officer')('/api/v1/cases/1', 'PATCH', undefined, { 'content-type': 'application/json' })],
      ['401 wrong password', t.json('/api/v1/session', 'POST', { username: 'wall', password: 'wrong-password-1' })],
      ['csrf_failed', t.as('planner')('/api/v1/testing-sites/2', 'PATCH', { staff: 1 }, { 'x-csrf-token': 'x' })],
    ];
    for (const [where, res] of extra) check(where, await res);
    console.log(`security headers on ${dialect.name}: ${responses} responses over ${ops.length} routes; ${problems.length} with missing or weak headers`);
    expect(problems).toEqual([]);
  });
});
