// The daily analyses (issue 7 items 2–4) over the tiny district and 16 test villages
// (support/analysis-fixture.ts): four runs a day served by GET /analysis/latest, a planted
// syndromic spike raising one ears_signal alert that the next day updates rather than repeats,
// a planted case cluster raising st_cluster and scan_cluster, the events, the audit entry of a
// run, the syndromic series, the roles, and a district with no open incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisLatest, SyndromicSeries } from '../../domain/analysis/types.ts';
import { suggestGrade } from '../../domain/incident/grade.ts';
import { runDailyAnalyses } from '../../server/analysis/daily.ts';
import { addCases, addSyndromic, addVillages, background, outbreak } from '../support/analysis-fixture.ts';
import { testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { byResource, eventLog } from '../support/emitted-events.ts';

const SPIKE = ['2022-06-05', '2022-06-06'];
const D = '2022-06-11'; // the newest complete day at the test clock (2022-06-12 12:00 CST)

describe.each(DIALECTS)('daily analyses on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let villageIds: number[];
  let planted: number[];
  beforeAll(async () => {
    t = await testApp(dialect);
    ({ villageIds } = await addVillages(t.db));
    await addCases(t.db, background(D));
    planted = await addCases(t.db, outbreak(5, D));
    await addSyndromic(t.db, villageIds[0], 'feverClinic', '2022-04-01', D, (d) => (SPIKE.includes(d) ? 30 : 5));
    await addSyndromic(t.db, villageIds[0], 'feverDrug', '2022-04-01', D, () => 12);
  }, 60_000);
  afterAll(async () => { await t.close(); });

  const alerts = (rule: string) => t.db.kysely.selectFrom('alerts').selectAll().where('rule', '=', rule).orderBy('id').execute();
  const latest = async (): Promise<AnalysisLatest> => {
    const res = await t.as('wall')('/api/v1/analysis/latest');
    expect(res.status).toBe(200);
    return res.json();
  };

  it('stores four runs for a day (empty ones too) and serves the newest through /analysis/latest', async () => {
    const o = await runDailyAnalyses(t.db, { incidentId: 1, day: '2022-06-04', ranAt: '2022-06-04T15:00:00.000Z' });
    expect(o.counts.signals).toBe(0);
    const runs = await t.db.kysely.selectFrom('analysis_runs').select(['kind', 'ran_at']).where('day', '=', '2022-06-04').orderBy('kind').execute();
    expect(runs).toEqual(['ears', 'hotspots', 'scan', 'stDbscan'].map((kind) => ({ kind, ran_at: '2022-06-04T15:00:00.000Z' })));
    const l = await latest();
    expect(l).toMatchObject({ incidentId: 1, day: '2022-06-04', ears: { day: '2022-06-04', ranAt: '2022-06-04T15:00:00.000Z', signals: [] } });
    expect(l.stDbscan && l.scan && l.hotspots).toBeTruthy();
    expect(l.scan!.params).toMatchObject({ replications: 999, seed: 20220604, studyDays: 365, locations: 18 });
    expect(l.hotspots!.params).toMatchObject({ grids: 16, bandMeters: 1500, lookbackDays: 14 });
  });

  it('raises one ears_signal alert for a spike in a village and one for its township (POST /analysis/run, audited, with events); the next day updates them', async () => {
    const events = eventLog(t.db);
    await events.skip();
    const res = await t.as('planner')('/api/v1/analysis/run', 'POST', { day: SPIKE[0] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ day: SPIKE[0], counts: { signals: 2 } }); // 测试1村, and 大社镇 whose only reporting village it is
    expect(body.alerts.raised).toBeGreaterThanOrEqual(2);
    const raised = (await alerts('ears_signal')).sort((x, y) => y.dedupe_key!.localeCompare(x.dedupe_key!));
    expect(raised.map((a) => a.dedupe_key)).toEqual([`ears_signal:feverClinic:${villageIds[0]}`, 'ears_signal:feverClinic:2']);
    const [a] = raised;
    expect(a).toMatchObject({ incident_id: 1, level: 'yellow', status: 'open' });
    expect(Date.parse(a.raised_at)).toBeGreaterThan(Date.parse('2022-06-12T00:00:00Z')); // a live run: the server clock
    expect(JSON.parse(a.detail)).toMatchObject({ params: { village: '测试1村', kind: 'feverClinic', count: 30, date: SPIKE[0] },
      subject: { adminUnitIds: [villageIds[0]], kind: 'feverClinic', date: SPIKE[0] } });
    expect(JSON.parse(raised[1].detail).params).toMatchObject({ village: '大社镇', count: 30 });
    const ev = byResource(await events.fresh());
    expect(ev.analysis.ids).toHaveLength(4);
    expect(ev.alerts && ev.dashboard).toBeTruthy();
    const audit = await t.db.kysely.selectFrom('audit_entries').selectAll().where('action', '=', 'analysis.run').execute();
    expect(audit.map((e) => [e.actor, e.entity_id, e.route])).toEqual([['planner', SPIKE[0], 'POST /analysis/run']]);

    const next = await runDailyAnalyses(t.db, { incidentId: 1, day: SPIKE[1], ranAt: `${SPIKE[1]}T15:00:00.000Z` });
    expect(next.counts.signals).toBe(2);
    expect(next.alerts.updated).toBeGreaterThanOrEqual(2);
    const after = (await alerts('ears_signal')).sort((x, y) => y.dedupe_key!.localeCompare(x.dedupe_key!));
    expect(after.map((x) => [x.id, x.raised_at, JSON.parse(x.detail).params.date])).toEqual(raised.map((x) => [x.id, x.raised_at, SPIKE[1]]));
  });

  it('raises st_cluster and scan_cluster for a planted outbreak, and a rerun changes nothing', async () => {
    const o = await runDailyAnalyses(t.db, { incidentId: 1, day: D, ranAt: `${D}T15:00:00.000Z` });
    const l = await latest();
    expect(l.day).toBe(D);
    const cluster = l.stDbscan!.clusters.find((k) => planted.every((id) => k.memberIds.includes(id)));
    expect(cluster).toBeDefined();
    expect(cluster!.growth.last7).toBeGreaterThan(cluster!.growth.prev7);
    const [st] = await alerts('st_cluster');
    expect(st).toMatchObject({ level: 'orange', dedupe_key: `st_cluster:${Math.min(...cluster!.memberIds)}` });
    expect(JSON.parse(st.detail).subject.personIds).toEqual(cluster!.memberIds);
    const top = l.scan!.clusters[0];
    expect(top).toMatchObject({ rank: 1, locationIds: [villageIds[5]], endDay: D, status: 'new' });
    expect(top.recurrenceDays).toBeGreaterThanOrEqual(365);
    expect(planted.every((id) => top.memberIds.includes(id))).toBe(true);
    const scan = await alerts('scan_cluster');
    expect(scan.find((a) => a.dedupe_key === `scan_cluster:${villageIds[5]}`)).toMatchObject({ level: 'orange', raised_at: `${D}T15:00:00.000Z` });
    expect(o.counts.clusters).toBeGreaterThanOrEqual(1);
    // The grade suggestion is written from the domain's rule (a week's cases for cholera, which the
    // 2006 plan grades by count; COVID-19 it does not grade), never the confirmed grade.
    const grade = await t.db.kysely.selectFrom('incidents').select(['grade_suggested', 'grade_confirmed']).where('id', '=', 1).executeTakeFirstOrThrow();
    expect(grade).toEqual({ grade_suggested: null, grade_confirmed: null });
    await t.db.kysely.updateTable('incidents').set({ disease: '霍乱' }).where('id', '=', 1).execute();
    await runDailyAnalyses(t.db, { incidentId: 1, day: D, ranAt: `${D}T15:00:00.000Z` });
    const within = (from: string, to: string) => background(D).filter((c) => c.day >= from && c.day <= to).length;
    const week = planted.length + within('2022-06-05', D), before = within('2022-05-29', '2022-06-04') + 3; // + the tiny district's 3 of 06-02
    const expected = suggestGrade({ disease: '霍乱', casesInWindow: week, countiesAffected: 1, deaths: 0, spreading: week > before }).grade;
    expect(expected).toBe('III');
    expect(await t.db.kysely.selectFrom('incidents').select(['grade_suggested', 'grade_confirmed']).where('id', '=', 1).executeTakeFirstOrThrow())
      .toEqual({ grade_suggested: 'III', grade_confirmed: null });
    await t.db.kysely.updateTable('incidents').set({ disease: 'COVID-19', grade_suggested: null }).where('id', '=', 1).execute();

    const again = await runDailyAnalyses(t.db, { incidentId: 1, day: D, ranAt: `${D}T15:00:00.000Z` });
    expect(again.alerts).toEqual({ raised: 0, updated: 0, resolved: 0 });
    expect(await t.db.kysely.selectFrom('analysis_runs').select('id').where('day', '=', D).execute()).toHaveLength(4);
  });

  it('resolves, as system, the analysis alerts the newest day no longer raises: EARS after 7 quiet days', async () => {
    await runDailyAnalyses(t.db, { incidentId: 1, day: '2022-06-12', ranAt: '2022-06-12T15:00:00.000Z' }); // last signal 06-06
    const ears = await alerts('ears_signal');
    expect(ears.length).toBe(2);
    expect(ears.every((a) => a.status !== 'resolved')).toBe(true); // 6 quiet days: still open
    const later = await runDailyAnalyses(t.db, { incidentId: 1, day: '2022-06-13', ranAt: '2022-06-13T15:00:00.000Z' });
    expect(later.alerts.resolved).toBeGreaterThanOrEqual(2);
    expect((await alerts('ears_signal')).map((a) => [a.status, a.resolved_by, a.resolved_at]))
      .toEqual(ears.map(() => ['resolved', 'system', '2022-06-13T15:00:00.000Z']));
  });

  it('serves a village\'s syndromic series with its EARS flags, and the district sum', async () => {
    const q = `kind=feverClinic&days=30&until=${SPIKE[1]}`;
    const v: SyndromicSeries = await (await t.as('officer')(`/api/v1/analysis/syndromic?adminUnitId=${villageIds[0]}&${q}`)).json();
    expect(v).toMatchObject({ adminUnitId: villageIds[0], name: '测试1村', kind: 'feverClinic' });
    expect(v.days).toHaveLength(30);
    expect(v.days.slice(-2).map((d) => [d.date, d.count])).toEqual(SPIKE.map((d) => [d, 30]));
    expect(v.days.at(-2)!.methods.length).toBeGreaterThan(0);
    expect(v.days[0].methods).toEqual([]);
    const all: SyndromicSeries = await (await t.as('wall')(`/api/v1/analysis/syndromic?${q}`)).json();
    expect(all.adminUnitId).toBeNull();
    expect(all.days.map((d) => d.count)).toEqual(v.days.map((d) => d.count)); // only 测试1村 reports
    expect((await t.as('wall')('/api/v1/analysis/syndromic?adminUnitId=999999')).status).toBe(404);
    expect((await t.as('wall')('/api/v1/analysis/syndromic?days=1')).status).toBe(400);
  });

  it('lets commander and planner run, not field members or the wall; only complete days', async () => {
    expect((await t.as('fieldA')('/api/v1/analysis/run', 'POST', {})).status).toBe(403);
    expect((await t.as('wall')('/api/v1/analysis/run', 'POST', {})).status).toBe(403);
    expect((await t.as('fieldA')('/api/v1/analysis/latest')).status).toBe(403);
    const future = await t.as('commander')('/api/v1/analysis/run', 'POST', { day: '2022-06-12' });
    expect([future.status, (await future.json()).code]).toEqual([400, 'validation_failed']);
    const res = await t.as('commander')('/api/v1/analysis/run', 'POST', {});
    expect(res.status).toBe(200);
    expect((await res.json()).day).toBe(D);
  });

  it('answers nulls and refuses a run (409) when no incident is open', async () => {
    await t.db.kysely.updateTable('incidents').set({ status: 'closed', closed_at: '2022-06-12T00:00:00.000Z' }).where('id', '=', 1).execute();
    expect(await latest()).toEqual({ incidentId: null, day: null, stDbscan: null, scan: null, hotspots: null, ears: null });
    const res = await t.as('planner')('/api/v1/analysis/run', 'POST', {});
    expect([res.status, (await res.json()).code]).toEqual([409, 'conflict']);
  });
});
