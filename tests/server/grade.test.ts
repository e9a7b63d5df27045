// The incident grade (issue 7 item 4): GET /incidents/{id}/grade suggests a grade from the 2006
// plan's criteria over the cases in the database and never stores it as the grade; PUT confirms
// a grade and colour with a reason (commander, admin), audited with the decision before and
// after, with the live events; the wall reads the grade without who decided or why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentGrade } from '../../domain/analysis/types.ts';
import { idNo } from '../support/access-fixture.ts';
import { FIXED_NOW, testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { byResource, eventLog } from '../support/emitted-events.ts';

const NOW = FIXED_NOW.toISOString();

describe.each(DIALECTS)('incident grade on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let events: ReturnType<typeof eventLog>;
  beforeAll(async () => {
    t = await testApp(dialect);
    events = eventLog(t.db);
    await events.skip();
  });
  afterAll(async () => { await t.close(); });

  const grade = async (who: 'commander' | 'wall' | 'planner' = 'commander'): Promise<IncidentGrade> => {
    const res = await t.as(who)('/api/v1/incidents/1/grade');
    expect(res.status).toBe(200);
    return res.json();
  };
  const stored = () => t.db.kysely.selectFrom('incidents').select(['grade_suggested', 'grade_confirmed', 'warning_colour', 'grade_confirmed_by'])
    .where('id', '=', 1).executeTakeFirstOrThrow();

  it('suggests nothing automatic for COVID-19 (the 2006 criteria do not cover it) and writes nothing', async () => {
    const g = await grade();
    expect(g).toMatchObject({ incidentId: 1, disease: 'COVID-19', confirmed: null, warningColour: null, confirmedBy: null, confirmedAt: null, reason: null });
    expect(g.suggested).toMatchObject({ applicable: false, grade: null, colour: null });
    expect(g.suggested.criteria.length).toBeGreaterThan(0);
    expect(await stored()).toEqual({ grade_suggested: null, grade_confirmed: null, warning_colour: null, grade_confirmed_by: null });
    expect(await events.fresh()).toEqual([]);
  });

  it('suggests grade III (yellow) for 10 cholera cases in one county within a week, and still stores no grade', async () => {
    await t.db.kysely.updateTable('incidents').set({ disease: '霍乱' }).where('id', '=', 1).execute();
    const days = ['2022-06-06', '2022-06-07', '2022-06-08', '2022-06-09', '2022-06-10', '2022-06-11', '2022-06-12', '2022-06-12', '2022-06-12', '2022-06-11', '2022-06-13'];
    await t.db.kysely.insertInto('persons').values(days.map((d, i) => ({ incident_id: 1, category: 'confirmed' as const, name: '霍乱病例', id_number: idNo(String(800 + i)),
      phone: '13900008000', sex: 'male' as const, age: 30, home_address_point_id: null, home_address: null, status: 'active' as const, onset_date: d,
      sample_date: null, report_date: d, geometry: JSON.stringify({ type: 'Point', coordinates: [114.13, 36.43] }), min_lng: 114.13, min_lat: 36.43,
      max_lng: 114.13, max_lat: 36.43, valid_from: `${d}T02:00:00.000Z`, valid_to: null, created_at: NOW, updated_at: NOW, synthetic: 1 }))).execute();
    // one more in the future (not yet known) and the fixture's 3 from 06-02: outside the week
    const g = await grade('planner');
    expect(g.suggested).toMatchObject({ applicable: true, grade: 'III', colour: 'yellow' });
    expect(g.suggested.criteria.find((c) => c.key === 'III.cases10to29')).toMatchObject({ met: true });
    expect(g.confirmed).toBeNull();
    expect((await stored()).grade_confirmed).toBeNull();
  });

  it('confirms a grade with a reason (colour by default from the grade), audited before/after, with the live events', async () => {
    const res = await t.as('commander')('/api/v1/incidents/1/grade', 'PUT', { grade: 'III', reason: '一周内霍乱 10 例，局限于本县' });
    expect(res.status).toBe(200);
    const g: IncidentGrade = await res.json();
    expect(g).toMatchObject({ confirmed: 'III', warningColour: 'yellow', confirmedBy: 'commander', confirmedAt: NOW, reason: '一周内霍乱 10 例，局限于本县' });
    expect(g.suggested.grade).toBe('III');
    const entry = await t.db.kysely.selectFrom('audit_entries').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor: 'commander', action: 'grade.confirm', entity: 'incidents', entity_id: '1', route: 'PUT /incidents/{id}/grade' });
    expect(JSON.parse(entry.before!)).toEqual({ grade: null, warningColour: null, confirmedBy: null, confirmedAt: null, reason: null });
    expect(JSON.parse(entry.after!)).toEqual({ grade: 'III', warningColour: 'yellow', confirmedBy: 'commander', confirmedAt: NOW, reason: '一周内霍乱 10 例，局限于本县' });
    const fired = byResource(await events.fresh());
    expect(Object.keys(fired).sort()).toEqual(['dashboard', 'incidents']);
    expect(fired.incidents.ids).toEqual([1]);

    const orange = await t.as('admin')('/api/v1/incidents/1/grade', 'PUT', { grade: 'III', warningColour: 'orange', reason: '考虑周边县风险，提高预警' });
    expect(await orange.json()).toMatchObject({ confirmed: 'III', warningColour: 'orange', confirmedBy: 'admin' });
    const last = await t.db.kysely.selectFrom('audit_entries').select(['before']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(last.before!)).toMatchObject({ grade: 'III', warningColour: 'yellow', confirmedBy: 'commander' });
    expect(await stored()).toMatchObject({ grade_confirmed: 'III', warning_colour: 'orange', grade_confirmed_by: 'admin', grade_suggested: null });
    await events.skip();
  });

  it('gives the wall the grade without who confirmed it or why', async () => {
    expect(await grade('wall')).toMatchObject({ confirmed: 'III', warningColour: 'orange', confirmedBy: null, reason: null, confirmedAt: NOW });
  });

  it('refuses a missing or short reason (400), other roles (403), an unknown incident (404)', async () => {
    for (const body of [{ grade: 'II' }, { grade: 'II', reason: '好' }, { grade: 'V', reason: '理由充分的说明' }, { grade: 'II', reason: '理由充分的说明', grade_confirmed: 'I' }]) {
      const res = await t.as('commander')('/api/v1/incidents/1/grade', 'PUT', body);
      expect([res.status, (await res.json()).code]).toEqual([400, 'validation_failed']);
    }
    for (const who of ['planner', 'officer', 'wall', 'fieldA'] as const) {
      const res = await t.as(who)('/api/v1/incidents/1/grade', 'PUT', { grade: 'I', reason: '越权尝试一下' });
      expect([who, res.status]).toEqual([who, 403]);
    }
    const missing = await t.as('commander')('/api/v1/incidents/999/grade');
    expect([missing.status, (await missing.json()).code]).toEqual([404, 'not_found']);
    expect((await stored()).grade_confirmed).toBe('III');
    expect(await events.fresh()).toEqual([]);
  });
});
