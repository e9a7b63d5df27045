// The generated access matrix (issue 3 §9, reliability.md A1): every operation of the OpenAPI
// document × every role × own/other area, expected outcome from the policy table alone
// (domain/auth/policy.ts `scopeOf`): no session → 401 unless public; no grant → 403; `all` →
// through; `own` → through for team 1's records (fieldA's) and 404 for the others. Lists and
// layers under `own` must show team 1's rows and none of the others'. New routes join by
// themselves; one that tests/support/access-{tables,fixture}.ts cannot serve fails the suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf, type Role } from '../../domain/auth/policy.ts';
import type { RoutePolicy } from '../../server/auth/middleware.ts';
import { testApp, type Send, type TestUser } from '../support/app.ts';
import { idsOf, idTable, makeFixture, scopedReads, type Fixture } from '../support/access-fixture.ts';
import { bodyText, operations, REQUESTS, uncovered, urlOf, type Operation, type TestApp } from '../support/access-tables.ts';
import { DIALECTS } from '../support/dialects.ts';

const ROLES: [label: string, role: Role | null, user: TestUser | null][] = [
  ['anonymous', null, null], ['admin', 'admin', 'admin'], ['commander', 'commander', 'commander'], ['planner', 'planner', 'planner'],
  ['caseOfficer', 'caseOfficer', 'officer'], ['fieldMember', 'fieldMember', 'fieldA'], ['wall', 'wall', 'wall'],
];

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'hidden';
type Target = { kind: 'own' | 'other' | 'any' | 'none'; id: number | null };

function expected(policy: RoutePolicy, role: Role | null, target: Target): Outcome {
  if (policy === 'public') return 'allowed';
  if (role === null) return 'unauthenticated';
  if (policy === 'signedIn') return 'allowed';
  const scope = scopeOf(role, policy.resource, policy.action);
  if (!scope) return 'forbidden';
  return scope === 'own' && target.kind === 'other' ? 'hidden' : 'allowed';
}

function actual(status: number, code: unknown, allowed: number[] = []): Outcome | string {
  if ((status >= 200 && status < 300) || allowed.includes(status)) return 'allowed';
  if (status === 401 && code === 'unauthenticated') return 'unauthenticated';
  if (status === 403 && code === 'forbidden') return 'forbidden';
  if (status === 404 && code === 'not_found') return 'hidden';
  return `${status} ${String(code)}`;
}

function targetsOf(op: Operation, f: Fixture): Target[] {
  if (!op.pathParams.includes('id')) return [{ kind: 'none', id: null }];
  const entry = idTable(f)[`/${op.path.split('/')[1]}`];
  return 'any' in entry ? [{ kind: 'any', id: entry.any[0] }] : [{ kind: 'own', id: entry.own[0] }, { kind: 'other', id: entry.other[0] }];
}

describe.each(DIALECTS)('access matrix on $name', (dialect) => {
  let t: TestApp;
  let ops: Operation[];
  let f: Fixture;
  beforeAll(async () => {
    t = await testApp(dialect);
    ops = await operations(t);
    f = await makeFixture(t, ops);
  });
  afterAll(async () => { await t.close(); });

  it('covers every operation of the OpenAPI document (a new route must be added to the tables)', () => {
    expect(ops.length).toBeGreaterThan(30);
    expect(uncovered(ops, f)).toEqual([]);
  });

  it('matches the policy table on every route × role × target: 0 unexpected allows, 0 unexpected denies', async () => {
    const skip = new Set(uncovered(ops, f).map((u) => u.split(':')[0]));
    const ordered = ops.filter((o) => !skip.has(o.key)).sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    const allows: string[] = [], denies: string[] = [], other: string[] = [];
    let cases = 0, targets = 0;
    for (const op of ordered) {
      const spec = REQUESTS[op.key] ?? {};
      targets += targetsOf(op, f).length;
      for (const target of targetsOf(op, f)) {
        for (const [label, role, user] of ROLES) {
          cases++;
          const send: Send = user === null ? t.json : spec.fresh ? (await t.signIn(user)).send : t.as(user);
          const res = await send(urlOf(op, target.id), op.method, spec.body?.(target.id));
          const text = await bodyText(res, spec);
          let body: Record<string, unknown> = {};
          try { body = JSON.parse(text) as Record<string, unknown>; } catch { /* not JSON */ }
          const want = expected(op.policy, role, target);
          const got = actual(res.status, body.code, spec.allowed);
          const where = `${label} ${op.key}${target.id === null ? '' : ` [${target.kind} id ${target.id}]`}`;
          if (got !== want) {
            const line = `${where}: expected ${want}, got ${got} (${res.status})`;
            const denied = ['unauthenticated', 'forbidden', 'hidden'].includes(got);
            (got === 'allowed' ? allows : want === 'allowed' && denied ? denies : other).push(line);
            continue;
          }
          // Lists and layers: the rows must follow the scope too.
          const rows = scopedReads(f)[op.path];
          if (got !== 'allowed' || !rows || !role || op.method !== 'GET' || typeof op.policy !== 'object' || target.kind !== 'none') continue;
          const scope = scopeOf(role, op.policy.resource, op.policy.action);
          const ids = idsOf(body);
          if (!ids) { other.push(`${where}: no features/items in the answer`); continue; }
          const leaked = scope === 'own' ? rows.other.filter((id) => ids.includes(id)) : [];
          const missing = (scope === 'own' ? rows.own : [...rows.own, ...rows.other]).filter((id) => !ids.includes(id));
          if (leaked.length) allows.push(`${where}: scope ${scope} shows other-area ids ${leaked.join(',')}`);
          if (missing.length) denies.push(`${where}: scope ${scope} lacks ids ${missing.join(',')}`);
        }
      }
    }
    console.log(`access matrix on ${dialect.name}: ${ordered.length} routes, ${targets} route×target pairs × ${ROLES.length} roles = ${cases} cases;`
      + ` unexpected allows ${allows.length}, unexpected denies ${denies.length}, other mismatches ${other.length}`);
    expect({ unexpectedAllows: allows, unexpectedDenies: denies, otherMismatches: other }).toEqual({ unexpectedAllows: [], unexpectedDenies: [], otherMismatches: [] });
    expect(cases).toBeGreaterThan(ordered.length * ROLES.length - 1);
  }, 180_000); // ~800 requests per dialect, each signing in fresh where needed: minutes on a loaded CI machine

  it('shows fieldA exactly team 1\'s rows on the fixture\'s layers (cases, contacts, testing sites, checkpoints)', async () => {
    const layer = async (name: string) => idsOf((await (await t.as('fieldA')(`/api/v1/layers/${name}`)).json()) as never);
    expect(await layer('cases')).toEqual([1]); // person 4 is a close contact: the contacts layer
    expect(await layer('contacts')).toEqual([4]);
    expect(await layer('testing-sites')).toEqual([2]);
    expect(await layer('checkpoints')).toEqual([f.checkpoints[0]]); // the fixture's two lie outside both areas
    expect(idsOf((await (await t.as('fieldB')('/api/v1/layers/cases')).json()) as never)).toEqual([2, 3]);
  });
});
