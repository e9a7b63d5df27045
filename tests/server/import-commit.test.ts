// The import commit (issue 5 item 5): one transaction — an ID number registered since the check,
// a failing insert, a batch larger than one insert chunk, and commits racing each other, a discard
// or a re-mapping — never leaves half an import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../support/dialects.ts';
import { testApp, type Send } from '../support/app.ts';
import { idNo } from '../fixtures/imports/files.ts';
import { HEADER, ID, importFlow, row } from '../support/import-flow.ts';

type Flow = ReturnType<typeof importFlow>;

describe.each(DIALECTS)('import commits on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Send;
  let upload: Flow['upload'], map: Flow['map'], rows: Flow['rows'], persons: Flow['persons'];
  beforeAll(async () => { t = await testApp(dialect); officer = t.as('officer'); ({ upload, map, rows, persons } = importFlow(t, officer)); });
  afterAll(async () => { await t.close(); });

  it('commits nothing when an ID number is registered between check and commit (all), and reports it (partial)', async () => {
    const imp = await upload([HEADER, row(50, '甲', '南头村5组12号'), row(51, '乙', '南头村5组13号'), row(52, '丙', '南头村6组3号')].join('\n'));
    await map(imp.id, { mapping: imp.suggestedMapping });
    const created = await officer('/api/v1/cases', 'POST', { category: 'confirmed', name: '抢先', idNumber: ID(51), phone: '13912340000', sex: 'male', age: 40, geometry: { type: 'Point', coordinates: [114.13, 36.43] } });
    expect(created.status).toBe(201);
    const all = await officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' });
    expect([all.status, (await all.json()).code]).toEqual([409, 'conflict']);
    expect(await persons(imp.id)).toEqual([]);
    expect((await (await officer(`/api/v1/imports/${imp.id}`)).json())).toMatchObject({ status: 'checked', counts: { ok: 3 } });
    const partial = await (await officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'partial' })).json();
    expect(partial.report).toMatchObject({ committed: 2, error: 1, rows: [{ outcome: 'committed' }, { outcome: 'error', codes: ['duplicate_existing'] }, { outcome: 'committed' }] });
    expect((await rows(imp.id)).map((r: { status: string }) => r.status)).toEqual(['committed', 'error', 'committed']);
  });

  it('rolls back every person when an insert fails in the middle of the commit', async () => {
    const imp = await upload([HEADER, row(60, '甲', '南头村5组12号'), row(61, '乙', '南头村5组13号'), row(62, '丙', '南头村6组3号')].join('\n'));
    await map(imp.id, { mapping: imp.suggestedMapping });
    const k = t.db.kysely;
    // the database refuses the second row's person: rows 1 is in by then
    if (dialect.name === 'sqlite') await sql`create trigger boom before insert on persons when new.id_number = ${sql.lit(ID(61))} begin select raise(abort, 'boom'); end`.execute(k);
    else {
      await sql`create function boom() returns trigger language plpgsql as $$ begin if new.id_number = ${sql.lit(ID(61))} then raise exception 'boom'; end if; return new; end $$`.execute(k);
      await sql`create trigger boom before insert on persons for each row execute function boom()`.execute(k);
    }
    const before = Number((await k.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const res = await officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' });
    expect(res.status).toBe(500);
    await sql`drop trigger boom${dialect.name === 'postgres' ? sql` on persons` : sql``}`.execute(k);
    expect(Number((await k.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
    expect(await k.selectFrom('loop_steps').select('id').where('person_id', '>', 1000).execute()).toEqual([]);
    expect((await (await officer(`/api/v1/imports/${imp.id}`)).json())).toMatchObject({ status: 'checked', counts: { ok: 3 }, report: null });
    expect((await (await officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' })).json()).report.committed).toBe(3);
  });


  it('commits a sheet larger than one insert batch: each person with their own row, loop and the teams of their home', async () => {
    const N = 1100; // more than one chunk of persons (500) and of steps (2,000)
    const birth = (n: number) => new Date(Date.UTC(1960, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const addresses = ['河北省邯郸市峰峰矿区大社镇南头村5组12号', '大社社区和平路8号'];
    const lines = Array.from({ length: N }, (_, n) => `批${n},${idNo(birth(n), '777')},13700000000,女,40,${addresses[n % 2]},${n % 3 ? '确诊' : '无症状'},2022-06-05`);
    const imp = await upload([HEADER, ...lines].join('\n'));
    expect((await (await map(imp.id, { mapping: imp.suggestedMapping })).json()).counts).toMatchObject({ ok: N });
    const { report } = await (await officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' })).json();
    expect(report.committed).toBe(N);
    const made = await persons(imp.id);
    const byId = new Map(made.map((p) => [p.id, p]));
    report.rows.forEach((r: { rowNo: number; personId: number }) => expect(byId.get(r.personId)?.id_number).toBe(idNo(birth(r.rowNo - 2), '777')));
    const { teamsAt, teamForStep } = await import('../../server/db/person-teams.ts');
    const steps = await t.db.kysely.selectFrom('loop_steps').select(['person_id', 'step', 'team_id', 'done_at']).where('person_id', 'in', made.map((p) => p.id)).execute();
    const perPerson = new Map<number, typeof steps>();
    for (const s of steps) perPerson.set(s.person_id, [...(perPerson.get(s.person_id) ?? []), s]);
    expect(perPerson.size).toBe(N);
    for (const p of [made[0], made[1], made[N - 1]]) {
      const teams = await teamsAt(t.db, [p.min_lng, p.min_lat]);
      for (const s of perPerson.get(p.id)!) expect(s.team_id).toBe(teamForStep(teams, s.step));
      expect(perPerson.get(p.id)!.find((s) => s.step === 'identified')?.done_at).toBe('2022-06-12T04:00:00.000Z');
    }
  });

  it('commits once when two commits race (double click): one 200, the other 409, each person created once', async () => {
    const imp = await upload([HEADER, row(90, '甲', '南头村5组12号'), row(91, '乙', '南头村5组13号')].join('\n'));
    await map(imp.id, { mapping: imp.suggestedMapping });
    const [a, b] = await Promise.all([officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' }), officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'partial' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect((await loser.json()).code).toBe('import_closed');
    const made = await persons(imp.id);
    expect(made.map((p) => p.id_number).sort()).toEqual([ID(90), ID(91)].sort());
    // the rows keep their link to their person (the loser did not overwrite them), and the report is the winner's
    const staged = await t.db.kysely.selectFrom('import_rows').select(['status', 'person_id', 'chosen']).where('import_id', '=', imp.id).orderBy('row_no').execute();
    expect(staged.map((r) => [r.status, r.person_id])).toEqual(made.map((p) => ['committed', p.id]));
    // H3: the stored chosen point keeps point and level, never the label (the address in clear)
    for (const r of staged) expect(JSON.parse(r.chosen!)).toMatchObject({ label: null, how: 'geocode', level: 'doorplate' });
    expect((await (await officer(`/api/v1/imports/${imp.id}`)).json()).report).toMatchObject({ committed: 2, error: 0 });
  });

  it('a discard or a re-mapping racing a commit lands before or after it, never inside it', async () => {
    for (const [k, other] of (['DELETE', 'PUT'] as const).entries()) {
      const imp = await upload([HEADER, row(84 + 2 * k, '甲', '南头村5组12号'), row(85 + 2 * k, '乙', '南头村5组13号')].join('\n'));
      expect((await (await map(imp.id, { mapping: imp.suggestedMapping })).json()).counts).toMatchObject({ ok: 2 });
      const [done, raced] = await Promise.all([officer(`/api/v1/imports/${imp.id}/commit`, 'POST', { mode: 'all' }),
        other === 'DELETE' ? officer(`/api/v1/imports/${imp.id}`, 'DELETE') : map(imp.id, { mapping: imp.suggestedMapping })]);
      const state = await (await officer(`/api/v1/imports/${imp.id}`)).json();
      const made = await persons(imp.id);
      if (done.status === 200) {
        // the re-mapping may land first (then the commit takes its rows), never in the middle
        expect([other, raced.status]).toEqual([other, other === 'PUT' && raced.status === 200 ? 200 : 409]);
        expect([state.status, made.length, state.counts.committed]).toEqual(['committed', 2, 2]);
      } else {
        expect([other, done.status, made.length]).toEqual([other, 409, 0]);
        expect(state.status).toBe(other === 'DELETE' ? 'discarded' : 'checked');
      }
    }
  });

  it("decides 'all' readiness inside the commit: a row sent back to review is refused, nothing is stored", async () => {
    const imp = await upload([HEADER, row(92, '甲', '南头村5组12号'), row(93, '乙', '南头村5组13号')].join('\n'));
    await map(imp.id, { mapping: imp.suggestedMapping });
    // the summary read before the commit says ready; a row changes afterwards (as a PUT would between the two)
    const commitRoute = await import('../../server/import/commit.ts');
    const record = await t.db.kysely.selectFrom('imports').selectAll().where('id', '=', imp.id).executeTakeFirstOrThrow();
    await t.db.kysely.updateTable('import_rows').set({ status: 'review' }).where('import_id', '=', imp.id).where('row_no', '=', 3).execute();
    await expect(commitRoute.commitImport(t.db, record as never, 'all', { at: '2022-06-12T04:00:00.000Z', actor: 'officer' })).rejects.toMatchObject({ code: 'import_not_ready' });
    expect(await persons(imp.id)).toEqual([]);
    expect((await (await officer(`/api/v1/imports/${imp.id}`)).json())).toMatchObject({ status: 'checked', report: null });
  });
});
