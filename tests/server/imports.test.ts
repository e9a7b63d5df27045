// The import flow (issue 5 item 5): mapping (saved per source), per-row validation with errors
// that never echo the value, geocoding with a review queue, coordinates in a stated CRS, contact
// lists linked to their index cases, commit all-or-nothing or explicitly partial in one
// transaction (a failure mid-commit leaves nothing), roles, masking and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { testApp, type Send } from '../support/app.ts';
import { blob, CSV, idNo } from '../fixtures/imports/files.ts';
import { EXISTING, HEADER, ID, importFlow, row } from '../support/import-flow.ts';

type Flow = ReturnType<typeof importFlow>;


describe.each(DIALECTS)('imports on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Send;
  beforeAll(async () => { t = await testApp(dialect); officer = t.as('officer'); ({ upload, map, rows, persons } = importFlow(t, officer)); });
  afterAll(async () => { await t.close(); });

  let upload: Flow['upload'], map: Flow['map'], rows: Flow['rows'], persons: Flow['persons'];

  it('validates, geocodes and sends uncertain rows to review; commit all waits for them; the report and audit carry counts only', async () => {
    const bad = ID(3).slice(0, 17) + (ID(3)[17] === '1' ? '2' : '1');
    const imp = await upload([HEADER, row(1, '张三', '河北省邯郸市峰峰矿区大社镇南头村5组12号'), row(2, '李四', '南头村'), row(3, '王五', '南头村6组3号', { id: bad }),
      row(4, '赵六', '大社社区和平路8号'), row(5, '钱七', '某某村3号'), row(6, '孙八', '南头村5组13号', { id: ID(1) }), row(7, '周九', '南头村6组3号', { id: EXISTING })].join('\n'));
    const res = await map(imp.id, { mapping: imp.suggestedMapping, save: true });
    expect(res.status).toBe(200);
    expect((await res.json())).toMatchObject({ status: 'checked', counts: { ok: 2, review: 2, error: 3 }, mapping: imp.suggestedMapping });
    const all = await rows(imp.id);
    expect(all.map((r: { rowNo: number; status: string }) => [r.rowNo, r.status])).toEqual([[2, 'ok'], [3, 'review'], [4, 'error'], [5, 'ok'], [6, 'review'], [7, 'error'], [8, 'error']]);
    expect(all[0]).toMatchObject({ values: { name: '张*', idNumber: `${ID(1).slice(0, 6)}**********${ID(1).slice(-2)}`, phone: '139****0001', homeAddress: '河北省邯郸市峰峰矿区大社镇南头村***', sex: 'male', age: 31, category: 'confirmed', onsetDate: '2022-06-02' },
      geocode: { level: 'doorplate', confidence: 1 }, chosen: { point: [114.12, 36.42], how: 'geocode' }, errors: [] });
    expect(all[1].geocode).toMatchObject({ level: 'village', candidates: [expect.objectContaining({ level: 'village' })] });
    expect(all[1].chosen).toBeNull();
    expect(all[2].errors).toEqual([expect.objectContaining({ field: 'idNumber', code: 'invalid_id_number' })]);
    expect(all[2].values.idNumber).toBeUndefined();
    expect(all[4].geocode).toMatchObject({ level: 'none', candidates: [] });
    expect(all[5].errors.map((e: { code: string }) => e.code)).toEqual(['duplicate_in_file']);
    expect(all[6].errors.map((e: { code: string }) => e.code)).toEqual(['duplicate_existing']);
    expect(JSON.stringify(all)).not.toMatch(new RegExp(`${bad}|${ID(1)}|张三|13900000001`));
    expect((await rows(imp.id, 'review,error')).map((r: { rowNo: number }) => r.rowNo)).toEqual([3, 4, 6, 7, 8]);

    const notReady = await officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' });
    expect([notReady.status, (await notReady.json()).code]).toEqual([409, 'import_not_ready']);
    // review: a candidate, a click on the map (inside the district only), skips
    expect((await officer(`/api/v1/imports/${imp.id}/rows/3`, 'PUT', { candidate: 5 })).status).toBe(400);
    expect(await (await officer(`/api/v1/imports/${imp.id}/rows/3`, 'PUT', { candidate: 0 })).json()).toMatchObject({ status: 'resolved', chosen: { how: 'candidate', label: '大社镇南头村***' } });
    const outside = await officer(`/api/v1/imports/${imp.id}/rows/6`, 'PUT', { point: [116.4, 39.9] });
    expect([outside.status, (await outside.json()).code]).toEqual([422, 'invalid_geometry']);
    expect(await (await officer(`/api/v1/imports/${imp.id}/rows/6`, 'PUT', { point: [114.13, 36.43] })).json()).toMatchObject({ status: 'resolved', chosen: { point: [114.13, 36.43], how: 'map' } });
    const fixError = await officer(`/api/v1/imports/${imp.id}/rows/4`, 'PUT', { point: [114.13, 36.43] });
    expect([fixError.status, (await fixError.json()).code]).toEqual([409, 'conflict']);
    for (const n of [4, 7, 8]) expect((await (await officer(`/api/v1/imports/${imp.id}/rows/${n}`, 'PUT', { skip: true })).json()).status).toBe('skipped');

    const done = await officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' });
    expect(done.status).toBe(200);
    const { report } = await done.json();
    expect(report).toMatchObject({ mode: 'all', committed: 4, skipped: 3, error: 0, review: 0 });
    const made = await persons(imp.id);
    expect(made.map((p) => [p.name, p.source, p.geocode_level, p.min_lng])).toEqual([['张三', 'import', 'doorplate', 114.12], ['李四', 'import', 'village', 114.127],
      ['赵六', 'import', 'doorplate', 114.25], ['钱七', 'import', 'manual', 114.13]]);
    const steps = await t.db.kysely.selectFrom('loop_steps').select('person_id').where('person_id', 'in', made.map((p) => p.id)).execute();
    expect(new Set(steps.map((s) => s.person_id)).size).toBe(4); // every person is in a loop
    // closed: staged personal data gone, nothing more can change
    expect((await t.db.kysely.selectFrom('import_rows').select(['raw', 'data']).where('import_id', '=', imp.id).execute()).every((r) => r.raw === '[]' && r.data === null)).toBe(true);
    expect((await officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' })).status).toBe(409);
    expect((await officer(`/api/v1/imports/${imp.id}`, 'DELETE')).status).toBe(409);
    const summary = await (await t.as('commander')(`/api/v1/imports/${imp.id}`)).json();
    expect(summary).toMatchObject({ status: 'committed', committedAt: '2022-06-12T04:00:00.000Z', counts: { committed: 4, skipped: 3 }, report: { committed: 4 } });
    const entry = await t.db.kysely.selectFrom('audit_entries').selectAll().where('action', '=', 'import.commit').where('entity_id', '=', String(imp.id)).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after!)).toEqual({ kind: 'cases', mode: 'all', committed: 4, skipped: 3, error: 0, review: 0 });
    const trail = (await t.db.kysely.selectFrom('audit_entries').select(['before', 'after']).where('entity', 'in', ['imports', 'import_rows']).execute()).map((e) => `${e.before}${e.after}`).join();
    expect(trail).not.toMatch(/张三|李四|13900000001/);
    expect(trail).not.toContain(ID(1));
  });

  it('saves the mapping per kind and source and offers it to the next sheet from that source only', async () => {
    const header = '名字,证件号码,联系电话,性别,年龄,居住地址,人员类别';
    const first = await upload(`${header}\n${row(20, '甲', '南头村5组12号').split(',').slice(0, 7).join(',')}`, { source: '峰峰矿区疾控' });
    expect(first.savedMapping).toBeNull();
    const mapping = { ...first.suggestedMapping };
    expect((await map(first.id, { mapping, save: true })).status).toBe(200);
    expect((await upload(`${header}\n`, { source: '峰峰矿区疾控' })).savedMapping).toEqual({ mapping, crs: null });
    expect((await upload(`${header}\n`, { source: '别的单位' })).savedMapping).toBeNull();
    expect((await upload(`${header}\n`, { source: '峰峰矿区疾控', kind: 'contacts' })).savedMapping).toBeNull();
  });

  it('refuses bad mappings (422 invalid_mapping) and coordinates without a CRS (crs_required)', async () => {
    const imp = await upload(`${HEADER},经度,纬度\n${row(30, '甲', '')},114.209936,36.420487`);
    expect(imp.needsCrs).toBe(true);
    for (const [mapping, code] of [[{ ...imp.suggestedMapping, name: '没有这列' }, 'invalid_mapping'], [{ ...imp.suggestedMapping, foo: '姓名' }, 'invalid_mapping'],
      [{ name: '姓名' }, 'invalid_mapping'], [imp.suggestedMapping, 'crs_required']] as const) {
      const res = await map(imp.id, { mapping });
      expect([res.status, (await res.json()).code]).toEqual([422, code]);
    }
  });

  it('converts GCJ-02 sheet coordinates to WGS-84 (domain-rules §4 oracle ± 1e-6°) and refuses points outside the district', async () => {
    const imp = await upload([`${HEADER},经度,纬度`, `${row(31, '甲', '')},114.209936,36.420487`, `${row(32, '乙', '南头村')},36.420487,114.209936`].join('\n'));
    const res = await map(imp.id, { mapping: imp.suggestedMapping, crs: 'GCJ02' });
    expect((await res.json()).crs).toBe('GCJ02');
    const [a, b] = await rows(imp.id);
    expect(a).toMatchObject({ status: 'ok', geocode: null, chosen: { how: 'sheet' } });
    expect(Math.abs(a.values.lng - 114.203873)).toBeLessThan(1e-6);
    expect(Math.abs(a.values.lat - 36.420368)).toBeLessThan(1e-6);
    expect(b).toMatchObject({ status: 'error', errors: [expect.objectContaining({ field: 'lng', code: 'outside_district' })] });
  });

  it('imports a contact list: index case by ID number, category from the index, contact links; partial commit reports the rest', async () => {
    const header = '姓名,身份证号,手机,性别,年龄,现住址,关联病例身份证号,接触方式,末次接触时间';
    const c = (n: number, index: string) => `密接${n},${ID(40 + n)},1390000004${n},女,${20 + n},南头村5组13号,${index},同住,2022-06-09 20:00`;
    const imp = await upload([header, c(1, idNo('19800101', '101')), c(2, idNo('19800101', '104')), c(3, ID(99))].join('\n'), { kind: 'contacts' });
    await map(imp.id, { mapping: imp.suggestedMapping });
    const staged = await rows(imp.id);
    expect(staged.map((r: { status: string; values: { category?: string } }) => [r.status, r.values.category])).toEqual([['ok', 'closeContact'], ['ok', 'secondaryContact'], ['error', undefined]]);
    expect(staged[2].errors[0]).toMatchObject({ field: 'caseIdNumber', code: 'case_not_found' });
    expect(staged[0].values.caseIdNumber).toBe(`130406**********${idNo('19800101', '101').slice(-2)}`);
    const res = await officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'partial' });
    expect((await res.json()).report).toMatchObject({ mode: 'partial', committed: 2, error: 1, rows: [{ rowNo: 2, outcome: 'committed' }, { rowNo: 3, outcome: 'committed' }, { rowNo: 4, outcome: 'error', codes: ['case_not_found'] }] });
    const made = await persons(imp.id);
    const links = await t.db.kysely.selectFrom('contact_links').selectAll().where('to_person_id', 'in', made.map((p) => p.id)).orderBy('to_person_id').execute();
    expect(links.map((l) => [l.from_person_id, l.contact_type, l.last_exposure_at])).toEqual([[1, 'household', '2022-06-09T12:00:00.000Z'], [4, 'household', '2022-06-09T12:00:00.000Z']]);
  });

  it('shows the address to fix in clear on review and error rows to the roles that may reveal, masked elsewhere, and audits that read', async () => {
    const bad = ID(83).slice(0, 17) + (ID(83)[17] === '1' ? '2' : '1');
    const imp = await upload([HEADER, row(80, '甲', '河北省邯郸市峰峰矿区大社镇南头村5组12号'), row(81, '乙', '某某村3号'), row(82, '丙', '某某村4号 13912345678'),
      row(83, '丁', '南头村6组3号', { id: bad })].join('\n'));
    await map(imp.id, { mapping: imp.suggestedMapping });
    const audits = () => t.db.kysely.selectFrom('audit_entries').selectAll().where('action', '=', 'read').where('entity', '=', 'import_rows')
      .where('entity_id', '=', String(imp.id)).orderBy('id').execute();
    for (const user of ['officer', 'commander'] as const) {
      const items = (await (await t.as(user)(`/api/v1/imports/${imp.id}/rows`)).json()).items;
      expect(items.map((r: { status: string; values: { homeAddress: string } }) => [r.status, r.values.homeAddress])).toEqual([
        ['ok', '河北省邯郸市峰峰矿区大社镇南头村***'], ['review', '某某村3号'], ['review', '某某村4号 139****5678'], ['error', '南头村6组3号']]);
      // ID numbers and phones stay masked on the rows to fix
      expect(items[1].values).toMatchObject({ name: '*', idNumber: `${ID(81).slice(0, 6)}**********${ID(81).slice(-2)}`, phone: '139****0081' });
    }
    const entries = await audits();
    const clear = { fields: ['homeAddress', 'geocodeLabels'], rows: [3, 4, 5] };
    expect(entries.map((e) => [e.actor, e.route, JSON.parse(e.after!)])).toEqual([['officer', 'GET /imports/{id}/rows', { rows: [2, 3, 4, 5], count: 4, clear }],
      ['commander', 'GET /imports/{id}/rows', { rows: [2, 3, 4, 5], count: 4, clear }]]);
    expect(JSON.stringify(entries)).not.toMatch(/某某村|南头村|13912345678/);
    // a page without rows to fix reveals nothing, but its (masked) read is audited too: one entry per request
    expect((await (await officer(`/api/v1/imports/${imp.id}/rows?status=ok`)).json()).items[0].values.homeAddress).toBe('河北省邯郸市峰峰矿区大社镇南头村***');
    expect(JSON.parse((await audits())[2].after!)).toEqual({ rows: [2], count: 1, clear: { fields: ['homeAddress', 'geocodeLabels'], rows: [] } });
    // an empty page writes nothing
    expect((await (await officer(`/api/v1/imports/${imp.id}/rows?status=skipped`)).json()).items).toEqual([]);
    expect((await audits())).toHaveLength(3);
    // once fixed, the row's address is masked again
    expect((await (await officer(`/api/v1/imports/${imp.id}/rows/3`, 'PUT', { point: [114.13, 36.43] })).json()).values.homeAddress).toBe('某某村***');
    expect((await audits())).toHaveLength(3);
    for (const user of ['planner', 'fieldA', 'admin', 'wall'] as const) expect([user, (await t.as(user)(`/api/v1/imports/${imp.id}/rows`)).status]).toEqual([user, 403]);
  });

  it('masks geocode labels (the home address) except on rows to fix for the roles that may reveal', async () => {
    const imp = await upload([HEADER, row(94, '甲', '河北省邯郸市峰峰矿区大社镇南头村5组12号'), row(95, '乙', '南头村')].join('\n'));
    await map(imp.id, { mapping: imp.suggestedMapping });
    const labels = (r: { geocode: { label: string | null; candidates: { label: string }[] } | null; chosen: { label: string | null } | null }) =>
      [r.geocode?.label ?? null, ...(r.geocode?.candidates ?? []).map((k) => k.label), r.chosen?.label ?? null].filter((l) => l !== null);
    for (const user of ['officer', 'commander'] as const) {
      const [ok, review] = (await (await t.as(user)(`/api/v1/imports/${imp.id}/rows`)).json()).items;
      expect(ok.status).toBe('ok');
      expect(labels(ok).length).toBeGreaterThan(0);
      for (const l of labels(ok)) expect([user, l]).toEqual([user, expect.stringMatching(/\*\*\*$/)]);
      expect(JSON.stringify(ok)).not.toContain('5组12号');
      // the review row: candidates in clear, to pick the right one
      expect(review.status).toBe('review');
      expect(review.geocode.candidates.map((k: { label: string }) => k.label)).toContain('大社镇南头村');
    }
    // a role that may not reveal district-wide (the planner has no import access at all) never gets here; the PUT answer is masked
    const put = await (await officer(`/api/v1/imports/${imp.id}/rows/3`, 'PUT', { candidate: 0 })).json();
    expect(put.status).toBe('resolved');
    for (const l of labels(put)) expect(l).toMatch(/\*\*\*$/);
  });

  it('derives a contact category from the index case; a sheet category that disagrees, or an index whose contacts are not identified, is a row error', async () => {
    const header = '姓名,身份证号,手机,性别,年龄,现住址,关联病例身份证号,接触方式,末次接触时间,人员类别';
    const c = (n: number, index: string, category: string) => `接触${n},${ID(200 + n)},1390000020${n},女,${20 + n},南头村5组13号,${index},同住,2022-06-09 20:00,${category}`;
    const caseId = idNo('19800101', '101'); // person 1: a case
    const closeId = idNo('19800101', '104'); // person 4: a close contact
    const imp = await upload([header, c(1, caseId, ''), c(2, caseId, '次密接'), c(3, closeId, '密接'), c(4, closeId, '次密接'), c(5, caseId, '确诊')].join('\n'), { kind: 'contacts' });
    expect(imp.suggestedMapping.category).toBe('人员类别');
    await map(imp.id, { mapping: imp.suggestedMapping });
    const staged = await rows(imp.id);
    expect(staged.map((r: { status: string; values: { category?: string }; errors: { field: string; code: string }[] }) => [r.status, r.values.category, r.errors.map((e) => `${e.field}:${e.code}`)])).toEqual([
      ['ok', 'closeContact', []], ['error', undefined, ['category:invalid_category']], ['error', undefined, ['category:invalid_category']],
      ['ok', 'secondaryContact', []], ['error', undefined, ['category:invalid_category']]]);
    const { contactCategoryFor } = await import('../../domain/loop/types.ts');
    expect(['confirmed', 'asymptomatic', 'suspected', 'closeContact', 'secondaryContact', 'atRiskTraveller'].map((k) => contactCategoryFor(k as never)))
      .toEqual(['closeContact', 'closeContact', 'closeContact', 'secondaryContact', null, null]);
  });

  it('refuses at check a contact of a secondary contact, and secondary contacts under a profile that does not identify them', async () => {
    const header = '姓名,身份证号,手机,性别,年龄,现住址,关联病例身份证号,接触方式,末次接触时间';
    const c = (n: number, index: string) => `接触${n},${ID(220 + n)},1390000022${n},女,${20 + n},南头村5组13号,${index},同住,2022-06-09 20:00`;
    const k = t.db.kysely;
    const person4 = await k.selectFrom('persons').select(['id', 'category']).where('id', '=', 4).executeTakeFirstOrThrow();
    await k.updateTable('persons').set({ category: 'secondaryContact' }).where('id', '=', 4).execute();
    try {
      const imp = await upload([header, c(1, idNo('19800101', '104'))].join('\n'), { kind: 'contacts' });
      await map(imp.id, { mapping: imp.suggestedMapping });
      expect((await rows(imp.id))[0]).toMatchObject({ status: 'error', errors: [expect.objectContaining({ field: 'caseIdNumber', code: 'not_identified_under_profile' })] });
    } finally { await k.updateTable('persons').set({ category: person4.category }).where('id', '=', 4).execute(); }
    // the 20 measures (cn-2022-20) identify no secondary contacts: a close contact's contact is a row error
    const incident = await k.selectFrom('incidents').select(['id', 'rule_profile_id']).where('status', '=', 'open').executeTakeFirstOrThrow();
    const twenty = await k.selectFrom('rule_profiles').select('id').where('key', '=', 'cn-2022-20measures').executeTakeFirstOrThrow();
    await k.updateTable('incidents').set({ rule_profile_id: twenty.id }).where('id', '=', incident.id).execute();
    try {
      const imp = await upload([header, c(2, idNo('19800101', '104')), c(3, idNo('19800101', '101'))].join('\n'), { kind: 'contacts' });
      await map(imp.id, { mapping: imp.suggestedMapping });
      expect((await rows(imp.id)).map((r: { status: string; errors: { code: string }[] }) => [r.status, r.errors.map((e) => e.code)]))
        .toEqual([['error', ['not_identified_under_profile']], ['ok', []]]);
    } finally { await k.updateTable('incidents').set({ rule_profile_id: incident.rule_profile_id }).where('id', '=', incident.id).execute(); }
  });

  it('lets case officers import, the commander only look, and nobody else near it', async () => {
    const imp = await upload(`${HEADER}\n${row(70, '甲', '南头村5组12号')}`);
    expect((await t.as('commander')(`/api/v1/imports/${imp.id}/rows`)).status).toBe(200);
    expect((await t.as('commander')('/api/v1/imports')).status).toBe(200);
    expect((await t.as('commander')(`/api/v1/imports/${imp.id}/mapping`, 'PUT', { mapping: imp.suggestedMapping })).status).toBe(403);
    expect((await t.as('commander')('/api/v1/imports?kind=cases&source=x&filename=a.csv', 'POST', blob(HEADER, CSV))).status).toBe(403);
    for (const user of ['admin', 'planner', 'wall', 'fieldA'] as const) {
      expect([user, (await t.as(user)(`/api/v1/imports/${imp.id}`)).status]).toEqual([user, 403]);
      expect([user, (await t.as(user)('/api/v1/imports?kind=cases&source=x&filename=a.csv', 'POST', blob(HEADER, CSV))).status]).toEqual([user, 403]);
    }
    expect((await t.json(`/api/v1/imports/${imp.id}`)).status).toBe(401);
    const list = await (await officer('/api/v1/imports?limit=2')).json();
    expect(list.items).toHaveLength(2);
    expect(list.items[0].id).toBeGreaterThan(list.items[1].id);
    expect((await officer(`/api/v1/imports/${imp.id}`, 'DELETE')).status).toBe(204);
    expect(await rows(imp.id)).toEqual([]);
    expect((await map(imp.id, { mapping: imp.suggestedMapping })).status).toBe(409);
    expect((await officer('/api/v1/imports/999999')).status).toBe(404);
  });
});
