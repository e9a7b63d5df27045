// IDOR sweep (reliability.md A2, OWASP API1): field member A walks every id of the records
// outside team 1's area (team 2's persons, testing sites, checkpoints, quarantine sites, tasks,
// team 2 and its areas) over every route of the OpenAPI document that takes an id — reads,
// PATCHes, task reports, reveal — and must get the answer a missing id gets, byte for byte
// once the id is blanked: nothing tells "exists elsewhere" from "does not exist". Lists and
// layers asked for team 2's bbox return none of those ids, and nothing A sent changed a row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf } from '../../domain/auth/policy.ts';
import { testApp } from '../support/app.ts';
import { idsOf, idTable, makeFixture, scopedReads, TEAM2_BBOX, type Fixture } from '../support/access-fixture.ts';
import { operations, REQUESTS, urlOf, type Operation, type TestApp } from '../support/access-tables.ts';
import { DIALECTS } from '../support/dialects.ts';

const MISSING = 987_654;
/** Strings of team 2's records that must never reach fieldA, masked or not. */
const SECRETS = ['李', '欧阳', '孙', '大社镇卫生院采样点', '大社社区网格工作组', 'B组', '13800001002', '13800001003', '13800002028'];

describe.each(DIALECTS)('IDOR sweep by fieldA on $name', (dialect) => {
  let t: TestApp;
  let ops: Operation[];
  let f: Fixture;
  beforeAll(async () => {
    t = await testApp(dialect);
    ops = await operations(t);
    f = await makeFixture(t, ops);
  });
  afterAll(async () => { await t.close(); });

  const send = async (op: Operation, id: number) => {
    const res = await t.as('fieldA')(urlOf(op, id), op.method, REQUESTS[op.key]?.body?.(id));
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('answers every other-area id on every {id} route exactly like a missing id', async () => {
    const idOps = ops.filter((o) => o.pathParams.includes('id'));
    const problems: string[] = [];
    let requests = 0;
    for (const op of idOps) {
      const entry = idTable(f)[`/${op.path.split('/')[1]}`];
      if (!entry || 'any' in entry) continue; // no area scope (users): the matrix covers it
      const missing = await send(op, MISSING);
      const blank = (text: string, id: number) => text.replaceAll(new RegExp(`\\b${id}\\b`, 'g'), '{id}');
      for (const id of entry.other) {
        requests++;
        const got = await send(op, id);
        const where = `${op.key} [id ${id}]`;
        if (got.status < 400) problems.push(`${where}: ${got.status} ${got.text.slice(0, 120)}`);
        if (got.status !== missing.status || got.type !== missing.type || blank(got.text, id) !== blank(missing.text, MISSING)) {
          problems.push(`${where}: ${got.status} ${got.text} differs from a missing id's ${missing.status} ${missing.text}`);
        }
        const leaked = SECRETS.filter((s) => got.text.includes(s));
        if (leaked.length) problems.push(`${where}: leaks ${leaked.join(', ')}`);
        const p = op.policy;
        // Where the policy lets a field member at this kind of record at all, the answer is 404 not_found.
        if (typeof p === 'object' && scopeOf('fieldMember', p.resource, p.action) && !/"code":"not_found"/.test(got.text)) {
          problems.push(`${where}: expected 404 not_found, got ${got.status} ${got.text.slice(0, 120)}`);
        }
      }
    }
    console.log(`IDOR sweep on ${dialect.name}: fieldA sent ${requests} requests over ${idOps.length} {id} routes; ${problems.length} differences`);
    expect(requests).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('lists and layers over team 2\'s bbox hold none of the other-area ids', async () => {
    const reads = scopedReads(f);
    const leaks: string[] = [];
    for (const op of ops.filter((o) => o.method === 'GET' && reads[o.path])) {
      const url = urlOf(op, null) + (op.query.includes('bbox') ? `?bbox=${TEAM2_BBOX}` : '');
      const res = await t.as('fieldA')(url);
      expect(res.status, url).toBe(200);
      const ids = idsOf((await res.json()) as never) ?? [];
      const leaked = reads[op.path].other.filter((id) => ids.includes(id));
      if (leaked.length) leaks.push(`${url}: ${leaked.join(',')}`);
    }
    expect(leaks).toEqual([]);
    // Not vacuous: team 2's own member does see them there.
    const b = idsOf((await (await t.as('fieldB')(`/api/v1/layers/cases?bbox=${TEAM2_BBOX}`)).json()) as never);
    expect(b).toEqual([2, 3]);
  });

  it('changed nothing of team 2\'s records with those requests', async () => {
    const person = await t.db.kysely.selectFrom('persons').select(['age', 'updated_at']).where('id', '=', 2).executeTakeFirstOrThrow();
    expect(person).toEqual({ age: 40, updated_at: '2022-06-03T02:00:00.000Z' });
    const site = await t.db.kysely.selectFrom('testing_sites').select('capacity_per_hour').where('id', '=', 1).executeTakeFirstOrThrow();
    expect(site.capacity_per_hour).toBe(200);
    const reveals = await t.db.kysely.selectFrom('audit_entries').select('entity_id').where('action', '=', 'reveal').where('actor', '=', 'fieldA').execute();
    expect(reveals).toEqual([]);
    if (f.tasks) {
      const updates = await t.db.kysely.selectFrom('task_updates').select('id').where('task_id', '=', f.tasks[1]).execute();
      expect(updates).toEqual([]);
    }
  });
});

describe('a record on the border of two teams\' areas', () => {
  // Quarantine site 1 (114.2, 36.42) lies on the line between 南头村 (team 1) and 大社社区 (team 2).
  // Whichever team it belongs to, the answer must not depend on the database engine.
  it('is in the same teams\' scope on SQLite and on PostgreSQL', async () => {
    const seen: Record<string, string[]> = {};
    for (const dialect of DIALECTS) {
      const t = await testApp(dialect);
      try {
        seen[dialect.name] = [];
        for (const user of ['fieldA', 'fieldB'] as const) {
          const ids = idsOf((await (await t.as(user)('/api/v1/layers/quarantine-sites')).json()) as never) ?? [];
          if (ids.includes(1)) seen[dialect.name].push(user);
        }
      } finally {
        await t.close();
      }
    }
    expect(seen.postgres).toEqual(seen.sqlite);
  });
});
