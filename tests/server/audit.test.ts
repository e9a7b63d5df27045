// The audit log (issue 3 §5, reliability.md P2/P3): writes are logged with their actor and a
// masked before/after, reads of people (list, detail, layer) and every reveal (with its reason)
// too; the table refuses UPDATE and DELETE in the database itself, and when someone gets round
// that (drops the trigger), the hash chain names the first row that no longer fits.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/people/id-number.ts';
import { verifyAuditChain } from '../../server/db/audit.ts';
import { testApp } from '../support/app.ts';
import type { TestApp } from '../support/access-tables.ts';
import { DIALECTS } from '../support/dialects.ts';
import { findPii } from '../support/pii-scan.ts';

type Entry = { id: number; actor: string; action: string; entity: string; entity_id: string | null; before: string | null; after: string | null; route: string | null };

const NEW_ID = ((b: string) => b + idCheckChar(b))('13040619900202311');
const NEW_PHONE = '13912340001';
const OLD = { idNumber: ((b: string) => b + idCheckChar(b))('13040619800101101'), phone: '13800001001', name: '王小明' };

describe.each(DIALECTS)('audit log on $name', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });
  const entries = async (where: Partial<Entry> = {}) => {
    let q = t.db.kysely.selectFrom('audit_entries').select(['id', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'route']);
    for (const [k, v] of Object.entries(where)) q = q.where(k as keyof Entry, '=', v as never);
    return (await q.orderBy('id').execute()) as Entry[];
  };
  const last = async (where: Partial<Entry>) => (await entries(where)).at(-1);
  const clear = (e: Entry | undefined) => [e?.before, e?.after].join(' ');

  it('logs a change of a person with the actor and a masked before and after', async () => {
    const res = await t.as('officer')('/api/v1/cases/1', 'PATCH', { idNumber: NEW_ID, phone: NEW_PHONE, name: '王大明' });
    expect(res.status).toBe(200);
    const e = await last({ action: 'update', entity: 'persons', entity_id: '1' });
    expect(e).toMatchObject({ actor: 'officer', route: 'PATCH /cases/{id}' });
    expect(JSON.parse(e!.before!)).toMatchObject({ id: 1, name: expect.stringMatching(/^王\*+$/) });
    expect(JSON.parse(e!.after!)).toMatchObject({ id: 1, name: expect.stringMatching(/^王\*+$/) });
    for (const v of [NEW_ID, NEW_PHONE, OLD.idNumber, OLD.phone, OLD.name, '王大明']) expect(clear(e)).not.toContain(v);
    expect(findPii(clear(e))).toEqual([]);
  });

  it('logs a new person and a facility change the same way', async () => {
    const created = await t.as('officer')('/api/v1/cases', 'POST', { category: 'suspected', name: '新病例', idNumber: NEW_ID, phone: NEW_PHONE,
      sex: 'male', age: 33, geometry: { type: 'Point', coordinates: [114.35, 36.55] } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const e = await last({ action: 'create', entity: 'persons', entity_id: String(id) });
    expect(e?.actor).toBe('officer');
    expect(findPii(clear(e))).toEqual([]);
    expect(clear(e)).not.toContain('新病例');
    expect((await t.as('planner')('/api/v1/testing-sites/2', 'PATCH', { capacityPerHour: 130 })).status).toBe(200);
    const s = await last({ action: 'update', entity: 'testing_sites', entity_id: '2' });
    expect(s?.actor).toBe('planner');
    expect([JSON.parse(s!.before!).capacityPerHour, JSON.parse(s!.after!).capacityPerHour]).toEqual([120, 130]);
  });

  it.each([
    ['the list', '/api/v1/cases', 'GET /cases'],
    ['a record', '/api/v1/cases/1', 'GET /cases/{id}'],
    ['the cases layer', '/api/v1/layers/cases', 'GET /layers/cases'],
    ['the contacts layer', '/api/v1/layers/contacts', 'GET /layers/contacts'],
  ])('logs reads of people through %s', async (_, url, route) => {
    const before = (await entries({ action: 'read' })).length;
    expect((await t.as('fieldA')(url)).status).toBe(200);
    const reads = (await entries({ action: 'read' })).slice(before);
    expect(reads).toHaveLength(1);
    // Usernames are stored lower-case; fieldA reads its own area's people only.
    expect(reads[0]).toMatchObject({ actor: 'fielda', entity: 'persons', route });
    expect(JSON.parse(reads[0].after!).ids).toEqual(url.endsWith('contacts') ? [4] : [1]);
  });

  it('logs each reveal with its reason, and nothing in clear', async () => {
    const reason = '电话联系核实密接 #42';
    const res = await t.as('commander')('/api/v1/persons/2/reveal', 'POST', { reason });
    expect(res.status).toBe(200);
    const e = await last({ action: 'reveal', entity_id: '2' });
    expect(e).toMatchObject({ actor: 'commander', entity: 'persons', route: 'POST /persons/{id}/reveal' });
    expect(JSON.parse(e!.after!).reason).toBe(reason);
    expect(findPii(clear(e))).toEqual([]);
    expect(clear(e)).not.toContain('李娜');
  });

  it('holds no clear ID or mobile number anywhere in the log', async () => {
    const all = await entries();
    expect(all.length).toBeGreaterThan(10);
    expect(all.flatMap((e) => findPii(`${clear(e)} ${e.route}`).map((h) => `#${e.id} ${e.action}: ${h.value}`))).toEqual([]);
  });

  it('refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) in the database', async () => {
    const count = (await entries()).length;
    await expect(t.db.kysely.updateTable('audit_entries').set({ actor: 'mallory' }).where('id', '=', 1).execute()).rejects.toThrow(/append-only/);
    await expect(sql`update audit_entries set after = null`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(t.db.kysely.deleteFrom('audit_entries').where('id', '=', 1).execute()).rejects.toThrow(/append-only/);
    if (dialect.name === 'postgres') await expect(sql`truncate audit_entries`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    expect((await entries()).length).toBe(count);
    expect((await entries({ actor: 'mallory' })).length).toBe(0);
  });

  it('verifies an untouched chain, then names the first tampered row (trigger dropped to get round the guard)', async () => {
    const all = await entries();
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: all.length, firstBrokenId: null });
    const verify = await t.as('admin')('/api/v1/audit/verify');
    if (verify.status !== 404) expect(await verify.json()).toMatchObject({ ok: true, firstBrokenId: null });
    const victim = all[Math.floor(all.length / 2)];
    await sql.raw(dialect.name === 'postgres' ? 'drop trigger audit_entries_no_change on audit_entries'
      : 'drop trigger audit_entries_no_update').execute(t.db.kysely);
    await t.db.kysely.updateTable('audit_entries').set({ actor: 'someone-else' }).where('id', '=', victim.id).execute();
    const broken = await verifyAuditChain(t.db);
    expect(broken).toMatchObject({ ok: false, firstBrokenId: victim.id });
    if (verify.status !== 404) expect(await (await t.as('admin')('/api/v1/audit/verify')).json()).toMatchObject({ ok: false, firstBrokenId: victim.id });
  });

  it('names the row after a deleted one', async () => {
    const t2 = await testApp(dialect); // a clean chain to cut
    try {
      await t2.as('officer')('/api/v1/cases');
      await t2.as('officer')('/api/v1/cases/1');
      const all = (await t2.db.kysely.selectFrom('audit_entries').select('id').orderBy('id').execute()).map((r) => r.id);
      await sql.raw(dialect.name === 'postgres' ? 'drop trigger audit_entries_no_change on audit_entries'
        : 'drop trigger audit_entries_no_delete').execute(t2.db.kysely);
      await t2.db.kysely.deleteFrom('audit_entries').where('id', '=', all[1]).execute();
      expect(await verifyAuditChain(t2.db)).toMatchObject({ ok: false, firstBrokenId: all[2] });
    } finally {
      await t2.close();
    }
  });
});
