// The alerts API (issue 7 item 4) over the tiny district: the list (status, level and rule
// filters, newest raised first, keyset pages), an alert's detail (area, line list masked per role
// and audited, an EARS signal's series with its C1–C3), issue 5's loop alerts read the same way,
// acknowledge and resolve with who and when (audited, live events), 409 on a resolved alert,
// and the roles (field members 403, the wall reads without names and may not decide).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertDetail, AlertOut } from '../../domain/analysis/types.ts';
import { raiseAlert, type NewAlert } from '../../server/db/alerts.ts';
import { escalateOverdue } from '../../server/db/loop-escalation.ts';
import { FIXED_NOW, testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { byResource, eventLog } from '../support/emitted-events.ts';
import { findPii } from '../support/pii-scan.ts';

const NOW = FIXED_NOW.toISOString();
const HULL = { type: 'Polygon' as const, coordinates: [[[114.11, 36.41], [114.13, 36.41], [114.13, 36.43], [114.11, 36.43], [114.11, 36.41]]] };
const NAMES = ['王小明', '李娜', '欧阳娜娜', '赵四'];
type Page = { items: AlertOut[]; next: string | null };

describe.each(DIALECTS)('alerts API on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let events: ReturnType<typeof eventLog>;
  const ids: Record<'scan' | 'ears' | 'loop' | 'old', number> = { scan: 0, ears: 0, loop: 0, old: 0 };

  const raise = async (a: Omit<NewAlert, 'incidentId'>, status: 'open' | 'resolved' = 'open') => {
    await t.db.transaction((tx) => raiseAlert(tx, { incidentId: 1, ...a }));
    const row = await t.db.kysely.selectFrom('alerts').select('id').where('dedupe_key', '=', a.key).orderBy('id', 'desc').executeTakeFirstOrThrow();
    if (status === 'resolved') await t.db.kysely.updateTable('alerts').set({ status, resolved_at: a.at, resolved_by: 'system' }).where('id', '=', row.id).execute();
    return row.id;
  };
  const page = async (query: string, who: 'commander' | 'wall' = 'commander'): Promise<Page> => {
    const res = await t.as(who)(`/api/v1/alerts${query}`);
    expect(res.status).toBe(200);
    return res.json();
  };
  const detail = async (id: number, who: 'commander' | 'planner' | 'officer' | 'wall' = 'commander'): Promise<AlertDetail> => {
    const res = await t.as(who)(`/api/v1/alerts/${id}`);
    expect(res.status).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await testApp(dialect);
    // A village's fever-clinic visits: one a day, eight on 06-08 (the signal).
    const counts = [];
    for (let d = new Date('2022-05-01T00:00:00Z'); d <= new Date('2022-06-12T00:00:00Z'); d = new Date(d.getTime() + 86_400_000)) {
      const date = d.toISOString().slice(0, 10);
      counts.push({ admin_unit_id: 3, date, kind: 'feverClinic' as const, count: date === '2022-06-08' ? 8 : 1 });
    }
    await t.db.kysely.insertInto('syndromic_counts').values(counts).execute();
    ids.old = await raise({ level: 'orange', rule: 'case_outside_zone', key: 'case_outside_zone:person:2', at: '2022-06-05T02:00:00.000Z',
      title: '旧预警', detail: { params: { personId: 2 }, subject: { personIds: [2] } } }, 'resolved');
    ids.ears = await raise({ level: 'blue', rule: 'ears_signal', key: 'ears_signal:feverClinic:3', at: '2022-06-08T15:00:00.000Z',
      title: '症状监测信号：南头村 发热门诊', detail: { params: { village: '南头村', count: 8, date: '2022-06-08' },
        subject: { adminUnitIds: [3], kind: 'feverClinic', date: '2022-06-08' } } });
    ids.scan = await raise({ level: 'yellow', rule: 'scan_cluster', key: 'scan_cluster:3,4', at: '2022-06-10T15:00:00.000Z',
      title: '时空聚集：南头村等 2 个村', detail: { params: { villages: '南头村、大社社区', observed: 3, recurrenceDays: 120 },
        subject: { personIds: [3, 1, 2], adminUnitIds: [3, 4], date: '2022-06-10', geometry: HULL } } });
    await escalateOverdue(t.db, NOW); // contact 4's NAT, 172 h late: issue 5's loop_overdue alert, raised now
    ids.loop = (await t.db.kysely.selectFrom('alerts').select('id').where('rule', '=', 'loop_overdue').executeTakeFirstOrThrow()).id;
    events = eventLog(t.db);
    await events.skip();
  });
  afterAll(async () => { await t.close(); });

  it('lists the active alerts newest raised first, with params; filters by status, level and rule', async () => {
    const active = await page('');
    expect(active.items.map((a) => a.id)).toEqual([ids.loop, ids.scan, ids.ears]);
    expect(active.next).toBeNull();
    expect(active.items[1]).toEqual({ id: ids.scan, level: 'yellow', rule: 'scan_cluster', title: '时空聚集：南头村等 2 个村',
      params: { villages: '南头村、大社社区', observed: 3, recurrenceDays: 120 }, status: 'open', raisedAt: '2022-06-10T15:00:00.000Z',
      acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, escalatedAt: null });
    // issue 5's flat detail: its figures are the params
    expect(active.items[0].params).toMatchObject({ personId: 4, step: 'tested', overdueHours: 172 });
    expect((await page('?status=resolved')).items.map((a) => a.id)).toEqual([ids.old]);
    expect((await page('?status=all')).items.map((a) => a.id)).toEqual([ids.loop, ids.scan, ids.ears, ids.old]);
    expect((await page('?level=blue,yellow')).items.map((a) => a.id)).toEqual([ids.scan, ids.ears]);
    expect((await page('?rule=ears_signal&status=all')).items.map((a) => a.id)).toEqual([ids.ears]);
    for (const bad of ['?level=purple', '?status=closed', '?rule=DROP%20TABLE', '?cursor=bm9wZQ', '?limit=0']) {
      const res = await t.as('commander')(`/api/v1/alerts${bad}`);
      expect([bad, res.status, (await res.json()).code]).toEqual([bad, 400, 'invalid_query']);
    }
  });

  it('pages with an opaque cursor, each alert once, in the same order', async () => {
    const seen: number[] = [];
    let next: string | null = '';
    while (next !== null) {
      const p: Page = await page(`?status=all&limit=1${next ? `&cursor=${next}` : ''}`);
      expect(p.items).toHaveLength(1);
      seen.push(p.items[0].id);
      next = p.next;
    }
    expect(seen).toEqual([ids.loop, ids.scan, ids.ears, ids.old]);
  });

  it('shows an alert\'s area and its line list masked (commander, planner, officer) and audits the read', async () => {
    for (const who of ['commander', 'planner', 'officer'] as const) {
      const d = await detail(ids.scan, who);
      expect(d.geometry).toEqual(HULL);
      expect(d.series).toBeNull();
      // by report date, then id; names masked at serialize.ts, the village of the home
      expect(d.persons).toEqual([
        { id: 1, category: 'confirmed', name: '王**', sex: 'female', age: 40, village: '南头村', onsetDate: '2022-06-01', reportDate: '2022-06-02', status: 'active' },
        { id: 2, category: 'asymptomatic', name: '李*', sex: 'female', age: 40, village: '大社社区', onsetDate: '2022-06-01', reportDate: '2022-06-02', status: 'active' },
        { id: 3, category: 'confirmed', name: '欧***', sex: 'female', age: 40, village: '大社社区', onsetDate: '2022-06-01', reportDate: '2022-06-02', status: 'active' }]);
      const entry = await t.db.kysely.selectFrom('audit_entries').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ actor: who, action: 'read', entity: 'persons', route: 'GET /alerts/{id}' });
      expect(JSON.parse(entry.after!)).toEqual({ alertId: ids.scan, count: 3, ids: [1, 2, 3] });
    }
  });

  it('gives the wall the line list without names or who decided, and audits nothing for it', async () => {
    await page('', 'wall'); // signs in (a login is audited)
    const auditBefore = await t.db.kysely.selectFrom('audit_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const d = await detail(ids.scan, 'wall');
    expect(d.persons.map((p) => [p.id, p.name, p.village])).toEqual([[1, null, '南头村'], [2, null, '大社社区'], [3, null, '大社社区']]);
    const text = JSON.stringify([d, await page('?status=all', 'wall')]);
    expect(NAMES.filter((n) => text.includes(n))).toEqual([]);
    expect(findPii(text)).toEqual([]);
    const auditAfter = await t.db.kysely.selectFrom('audit_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
  });

  it('reads issue 5\'s loop alert with its person as the line list and the home village as the area', async () => {
    const d = await detail(ids.loop);
    expect(d.persons.map((p) => [p.id, p.category, p.name])).toEqual([[4, 'closeContact', '赵*']]);
    expect(d.geometry).toEqual({ type: 'Polygon', coordinates: [[[114.1, 36.4], [114.2, 36.4], [114.2, 36.5], [114.1, 36.5], [114.1, 36.4]]] });
  });

  it('gives an EARS signal the village\'s series, 28 days before to 7 after (not past today), with C1–C3 per day', async () => {
    const d = await detail(ids.ears);
    expect(d.persons).toEqual([]);
    expect(d.geometry!.coordinates[0][0]).toEqual([114.1, 36.4]);
    const s = d.series!;
    expect([s.adminUnitId, s.name, s.kind]).toEqual([3, '南头村', 'feverClinic']);
    expect([s.days[0].date, s.days.at(-1)!.date, s.days.length]).toEqual(['2022-05-11', '2022-06-12', 33]);
    // the days before the window give the baselines (the counts start on 05-01: C3 needs 11 days, so not yet on 05-11)
    expect(s.days[0]).toEqual({ date: '2022-05-11', count: 1, c1: 0, c2: 0, c3: null, methods: [] });
    expect(s.days[1]).toMatchObject({ date: '2022-05-12', c3: 0 });
    const signal = s.days.find((x) => x.date === '2022-06-08')!;
    expect(signal).toMatchObject({ count: 8, c1: 7, c2: 7, methods: ['C1', 'C2', 'C3'] });
  });

  it('acknowledges with who and when (audited, live), again without change; resolves; then 409 alert_resolved', async () => {
    const ack = await t.as('officer')(`/api/v1/alerts/${ids.scan}/acknowledge`, 'POST', { note: '已通知疾控' });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({ id: ids.scan, status: 'acknowledged', acknowledgedAt: NOW, acknowledgedBy: 'officer', resolvedAt: null });
    const entry = await t.db.kysely.selectFrom('audit_entries').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor: 'officer', action: 'alert.acknowledge', entity: 'alerts', entity_id: String(ids.scan), route: 'POST /alerts/{id}/acknowledge' });
    expect([JSON.parse(entry.before!), JSON.parse(entry.after!)]).toEqual([{ status: 'open', level: 'yellow', rule: 'scan_cluster' },
      { status: 'acknowledged', note: '已通知疾控' }]);
    const fired = byResource(await events.fresh());
    expect(Object.keys(fired).sort()).toEqual(['alerts', 'dashboard']);
    expect(fired.alerts.ids).toEqual([ids.scan]);

    const again = await t.as('planner')(`/api/v1/alerts/${ids.scan}/acknowledge`, 'POST', {});
    expect(await again.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'officer' });
    expect(await events.fresh()).toEqual([]);

    const resolved = await t.as('commander')(`/api/v1/alerts/${ids.scan}/resolve`, 'POST', {});
    expect(await resolved.json()).toMatchObject({ status: 'resolved', acknowledgedBy: 'officer', resolvedAt: NOW, resolvedBy: 'commander' });
    expect(Object.keys(byResource(await events.fresh())).sort()).toEqual(['alerts', 'dashboard']);
    expect((await page('')).items.map((a) => a.id)).toEqual([ids.loop, ids.ears]);
    // the wall reads it, without the staff names
    expect((await page('?status=resolved', 'wall')).items[0]).toMatchObject({ id: ids.scan, acknowledgedAt: NOW, acknowledgedBy: null, resolvedBy: null });

    for (const action of ['resolve', 'acknowledge']) {
      const res = await t.as('planner')(`/api/v1/alerts/${ids.scan}/${action}`, 'POST', {});
      const body = await res.json();
      expect([res.status, body.code]).toEqual([409, 'alert_resolved']);
      expect(body.message['zh-CN']).toMatch(/已解除/);
    }
    expect(await events.fresh()).toEqual([]);
  });

  it('resolves an open alert straight away, and answers 404 for one that does not exist', async () => {
    const res = await t.as('planner')(`/api/v1/alerts/${ids.ears}/resolve`, 'POST', { note: '核实为季节性波动' });
    expect(await res.json()).toMatchObject({ status: 'resolved', acknowledgedAt: null, resolvedBy: 'planner' });
    for (const [path, method] of [['/api/v1/alerts/999999', 'GET'], ['/api/v1/alerts/999999/resolve', 'POST']] as const) {
      const r = await t.as('commander')(path, method, method === 'POST' ? {} : undefined);
      expect([r.status, (await r.json()).code]).toEqual([404, 'not_found']);
    }
    const bad = await t.as('commander')(`/api/v1/alerts/${ids.loop}/acknowledge`, 'POST', { note: '', extra: 1 });
    expect([bad.status, (await bad.json()).code]).toEqual([400, 'validation_failed']);
  });

  it('refuses field members everything (403), the wall and the admin any decision (403), the anonymous (401)', async () => {
    for (const who of ['fieldA', 'fieldB'] as const) {
      for (const [path, method] of [['/api/v1/alerts', 'GET'], [`/api/v1/alerts/${ids.loop}`, 'GET'], [`/api/v1/alerts/${ids.loop}/acknowledge`, 'POST']] as const) {
        const res = await t.as(who)(path, method, method === 'POST' ? {} : undefined);
        expect([who, path, res.status, (await res.json()).code]).toEqual([who, path, 403, 'forbidden']);
      }
    }
    for (const who of ['wall', 'admin'] as const) {
      const res = await t.as(who)(`/api/v1/alerts/${ids.loop}/acknowledge`, 'POST', {});
      expect(res.status).toBe(403);
    }
    expect((await t.as('admin')('/api/v1/alerts')).status).toBe(200);
    expect((await t.json('/api/v1/alerts')).status).toBe(401);
  });
});
