// The registry (GET /people), a person's file (GET /people/{id}), the transmission chain
// (GET /chains) and new contacts (POST /people/{id}/contacts) over the tiny district: persons 1
// (confirmed) and 4 (close contact, room 1, an open NAT step) live in team 1's 南头村, 2 and 3 in
// team 2's 大社社区; the incident runs profile 1 (cn-2021-community, ed.8-like: 14 + 7 days).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/people/id-number.ts';
import { testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';

const idNo = (seq: string) => { const b = `1304061990010${seq.padStart(4, '0')}`; return b + idCheckChar(b); };
const WEST = { type: 'Point', coordinates: [114.13, 36.43] }; // 南头村, team 1
const contact = (seq: string, extra: Record<string, unknown> = {}) => ({ name: '钱多多', idNumber: idNo(seq), phone: `1390000${seq.padStart(4, '0')}`,
  sex: 'female', age: 33, geometry: WEST, contactType: 'household', lastExposureAt: '2022-06-11T10:00:00+08:00', ...extra });
const ids = (body: { items: { id: number }[] }) => body.items.map((x) => x.id);

describe.each(DIALECTS)('people on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });
  const get = async (url: string, who: Parameters<typeof t.as>[0] = 'officer') => {
    const res = await t.as(who)(`/api/v1${url}`);
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text), text };
  };
  const setProfile = async (profileId: number) =>
    expect((await t.as('commander')('/api/v1/incidents/1/profile', 'PUT', { profileId, reason: '测试切换方案' })).status).toBe(200);

  it('lists the registry masked, with township, current step, due time, overdue and team', async () => {
    const { status, body } = await get('/people');
    expect(status).toBe(200);
    expect(ids(body)).toEqual([1, 2, 3, 4]);
    const four = body.items[3];
    expect(four).toMatchObject({ id: 4, category: 'closeContact', name: '赵*', phone: '138****1004', townshipName: '大社镇', townshipId: 2,
      currentStep: 'tested', currentStepId: 1, currentDueAt: '2022-06-05T00:00:00.000Z', overdue: true, teamId: 1, teamName: '南头村网格工作组' });
    expect(four.idNumber).toMatch(/^130406\*{10}\w{2}$/);
    expect(four.homeAddress).toBe('河北省邯郸市峰峰矿区大社镇南头村***');
    expect(body.items[0]).toMatchObject({ id: 1, currentStep: null, overdue: false, identifiedAt: '2022-06-02T02:00:00.000Z', source: 'seed' });
    expect(JSON.stringify(body)).not.toMatch(/王小明|赵四|13800001004/);
  });

  it.each([
    ['category=closeContact', [4]], ['category=confirmed,asymptomatic', [1, 2, 3]], ['status=released', []], ['step=tested', [4]],
    ['overdue=true', [4]], ['overdue=false', [1, 2, 3]], ['township=2', [1, 2, 3, 4]], ['township=3', []],
    ['from=2022-06-03&to=2022-06-09', [2]], ['from=2022-06-10', [3]], ['q=3', [3]], ['q=密接', [4]], ['q=confirmed', [1, 3]], ['q=大社', [1, 2, 3, 4]],
    // names, ID and phone numbers are never searched: no probing for a person
    ['q=王', []], ['q=赵四', []], ['q=1380000', []],
  ])('filters by %s', async (query, want) => {
    expect(ids((await get(`/people?${query}`)).body)).toEqual(want);
  });

  it('pages by id and refuses unknown filter values', async () => {
    const p1 = (await get('/people?limit=3')).body;
    expect(ids(p1)).toEqual([1, 2, 3]);
    expect(ids((await get(`/people?limit=3&cursor=${p1.next}`)).body)).toEqual([4]);
    for (const q of ['category=vip', 'step=partying', 'sort=name', 'overdue=maybe', 'from=2022-06-10&to=2022-06-01']) {
      expect((await get(`/people?${q}`)).status, q).toBe(400);
    }
  });

  it('gives the wall no personal fields at all', async () => {
    const { body } = await get('/people', 'wall');
    expect(ids(body)).toEqual([1, 2, 3, 4]);
    for (const item of body.items) for (const k of ['name', 'idNumber', 'phone', 'homeAddress']) expect(item).not.toHaveProperty(k);
    const detail = (await get('/people/4', 'wall')).body;
    for (const k of ['name', 'idNumber', 'phone', 'homeAddress']) expect(detail).not.toHaveProperty(k);
    // review M2: no free-text notes for the wall
    expect((await get('/people/1')).body.exposures.map((e: { note: string | null }) => e.note)).toContain('居住地');
    expect((await get('/people/1', 'wall')).body.exposures.every((e: { note: string | null }) => e.note === null)).toBe(true);
  });

  it('keeps a field member to the persons inside the team\'s areas: another area\'s person is a 404 like a missing one', async () => {
    expect(ids((await get('/people', 'fieldA')).body)).toEqual([1, 4]);
    expect(ids((await get('/people', 'fieldB')).body)).toEqual([2, 3]);
    const other = await get('/people/2', 'fieldA'), missing = await get('/people/999', 'fieldA');
    expect([other.status, other.body.code, missing.status]).toEqual([404, 'not_found', 404]);
    expect(other.text).not.toMatch(/李/);
    expect((await get('/chains', 'fieldA')).body.nodes.map((n: { id: number }) => n.id)).toEqual([1, 4]);
  });

  it('shows a person\'s file: exposures, steps, room; the read is audited by id only', async () => {
    const one = (await get('/people/1')).body;
    expect(one.geometry).toEqual({ type: 'Point', coordinates: [114.12, 36.42] });
    expect(one.exposures).toEqual([{ id: 1, placeId: null, buildingId: 1, name: '南头村5组12号', kind: 'building', startAt: '2022-05-30T10:00:00.000Z',
      endAt: '2022-06-02T00:00:00.000Z', note: '居住地', point: [114.12, 36.42] }]);
    expect([one.contacts, one.steps, one.room]).toEqual([[], [], null]);
    const four = (await get('/people/4')).body;
    expect(four.steps).toMatchObject([{ id: 1, step: 'tested', seq: 1, doneAt: null, roomId: 1, teamName: '南头村网格工作组', overdue: true }]);
    expect(four.room).toEqual({ roomId: 1, siteId: 1, siteName: '峰峰宾馆隔离点', block: 'A', floor: 1, roomNo: '101', asCarer: false });
    const reads = await t.db.kysely.selectFrom('audit_entries').select(['entity_id', 'after', 'route']).where('action', '=', 'read')
      .where('route', '=', 'GET /people/{id}').execute();
    expect(reads.map((r) => r.entity_id)).toContain('4');
    expect(reads.map((r) => r.after).join()).not.toMatch(/赵|1380000/);
  });

  it('registers a close contact of a case with the profile\'s schedule (ed.8-like: 14 d central + 7 d home, NAT days 1, 4, 7, 14)', async () => {
    const res = await t.as('officer')('/api/v1/people/1/contacts', 'POST', contact('11'));
    expect(res.status).toBe(201);
    const c = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/people/${c.id}`);
    expect(c).toMatchObject({ category: 'closeContact', name: '钱**', status: 'active', source: 'manual', currentStep: 'notified',
      schedule: { category: 'closeContact', centralDays: 14, homeDays: 7, homeKind: 'monitoring', centralFrom: '2022-06-12', centralTo: '2022-06-25' } });
    expect(c.schedule.natDates.map((n: { day: number }) => n.day)).toEqual([1, 4, 7, 14]);
    expect(c.steps.map((s: { step: string }) => s.step)).toEqual(['identified', 'notified', 'transferScheduled', 'transferred', 'quarantined',
      'tested', 'tested', 'tested', 'tested', 'released', 'homeMonitoring', 'closed']);
    expect(c.steps[0].doneAt).toBe('2022-06-12T04:00:00.000Z');
    // field steps go to the grid team of 南头村; no tracing/transfer/sampling team in the tiny district
    expect(c.steps.filter((s: { teamId: number | null }) => s.teamId === 1).map((s: { step: string }) => s.step))
      .toEqual(['quarantined', 'released', 'homeMonitoring', 'closed']);
    expect(JSON.stringify(c)).not.toMatch(/钱多多|13900000011/);
    const index = (await get('/people/1')).body;
    expect(index.contacts).toMatchObject([{ direction: 'to', contactType: 'household', lastExposureAt: '2022-06-11T02:00:00.000Z',
      person: { id: c.id, category: 'closeContact', name: '钱**' } }]);
    const audit = await t.db.kysely.selectFrom('audit_entries').select(['after']).where('action', '=', 'create').where('entity', '=', 'persons')
      .where('entity_id', '=', String(c.id)).executeTakeFirstOrThrow();
    expect(audit.after).not.toMatch(/钱多多|13900000011/);
  });

  it('registers a secondary contact of a close contact; refuses contacts of a secondary contact', async () => {
    const close = (await (await t.as('officer')('/api/v1/people/4/contacts', 'POST', contact('12'))).json());
    expect(close).toMatchObject({ category: 'secondaryContact', schedule: { centralDays: 7, homeDays: 0 } });
    const res = await t.as('officer')(`/api/v1/people/${close.id}/contacts`, 'POST', contact('13'));
    expect([res.status, (await res.json()).code]).toEqual([422, 'not_identified_under_profile']);
  });

  it('follows the incident\'s profile: ed.9 7 + 3 and home-isolated secondary contacts; 20 measures 5 + 3 and no secondary contacts', async () => {
    await setProfile(2);
    const ed9 = await (await t.as('officer')('/api/v1/people/1/contacts', 'POST', contact('21'))).json();
    expect(ed9.schedule).toMatchObject({ centralDays: 7, homeDays: 3 });
    expect(ed9.schedule.natDates.map((n: { phase: string; day: number }) => `${n.phase}${n.day}`)).toEqual(['central1', 'central2', 'central3', 'central5', 'central7', 'home3']);
    const second = await (await t.as('officer')(`/api/v1/people/${ed9.id}/contacts`, 'POST', contact('22'))).json();
    expect(second.schedule).toMatchObject({ category: 'secondaryContact', centralDays: 0, homeDays: 7, homeKind: 'isolation' });
    expect(second.steps.map((s: { step: string }) => s.step)).toEqual(['identified', 'notified', 'tested', 'tested', 'tested', 'homeMonitoring', 'closed']);
    await setProfile(3);
    const twenty = await (await t.as('officer')('/api/v1/people/1/contacts', 'POST', contact('31'))).json();
    expect(twenty.schedule).toMatchObject({ centralDays: 5, homeDays: 3, homeKind: 'isolation' });
    const before = await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await t.as('officer')(`/api/v1/people/${twenty.id}/contacts`, 'POST', contact('32'));
    expect([res.status, (await res.json()).code]).toEqual([422, 'not_identified_under_profile']);
    const after = await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n)); // nothing written
    await setProfile(4); // the norovirus profile has no contact rules
    const noRules = await t.as('officer')('/api/v1/people/1/contacts', 'POST', contact('41'));
    expect([noRules.status, (await noRules.json()).code]).toEqual([422, 'no_contact_rules']);
    await setProfile(1);
  });

  it('geocodes the home address when no point is given, and refuses one it cannot place at village level', async () => {
    const res = await t.as('officer')('/api/v1/people/1/contacts', 'POST', contact('51', { geometry: undefined, homeAddress: '河北省邯郸市峰峰矿区大社镇南头村6组3号' }));
    expect(res.status).toBe(201);
    const c = await res.json();
    expect(c.geocodeLevel).not.toBeNull();
    expect(c.geometry.coordinates[0]).toBeCloseTo(114.14, 2);
    expect(c.homeAddress).toBe('河北省邯郸市峰峰矿区大社镇南头村***');
    const bad = await t.as('officer')('/api/v1/people/1/contacts', 'POST', contact('52', { geometry: undefined, homeAddress: '火星基地7号' }));
    const problem = await bad.json();
    expect([bad.status, problem.code]).toEqual([400, 'validation_failed']);
    expect(problem.detail).toMatch(/^homeAddress/);
    expect(problem.detail).not.toMatch(/火星/);
  });

  it.each([
    [contact('61', { idNumber: '130406199001016100' }), 400, 'validation_failed'],
    [contact('62', { geometry: undefined }), 400, 'validation_failed'],
    [contact('63', { contactType: 'telepathy' }), 400, 'validation_failed'],
    [contact('64', { geometry: { type: 'Point', coordinates: [36.4, 114.1] } }), 422, 'invalid_geometry'],
    [contact('65', { lastExposureAt: '2022-06-13T10:00:00+08:00' }), 400, 'validation_failed'],
  ])('refuses a bad contact %#', async (body, status, code) => {
    const res = await t.as('officer')('/api/v1/people/1/contacts', 'POST', body);
    expect([res.status, (await res.json()).code]).toEqual([status, code]);
  });

  it('lets only case officers add contacts, to persons that exist', async () => {
    expect((await t.as('officer')('/api/v1/people/999/contacts', 'POST', contact('71'))).status).toBe(404);
    for (const who of ['commander', 'planner', 'fieldA', 'wall'] as const) {
      expect((await t.as(who)('/api/v1/people/1/contacts', 'POST', contact('72'))).status).toBe(403);
    }
  });

  it('answers 400/404, never 500, for ids no database column can hold (review H4)', async () => {
    const big = 999999999999;
    expect((await t.as('officer')(`/api/v1/people/${big}`)).status).toBe(400);
    expect((await t.as('officer')(`/api/v1/people/${big}/contacts`, 'POST', contact('75'))).status).toBe(400);
    expect((await t.as('officer')(`/api/v1/loops/steps/${big}/complete`, 'POST', {})).status).toBe(400);
    expect((await t.as('officer')('/api/v1/rooms/allocate', 'POST', { personIds: [big], commit: false })).status).toBe(400);
    expect((await t.as('officer')('/api/v1/loops/steps/1/complete', 'POST', { roomId: big })).status).toBe(400);
    const cursor = Buffer.from(`id:${big}`).toString('base64url');
    expect((await t.as('officer')(`/api/v1/people?cursor=${cursor}`)).status).toBe(400);
    expect((await t.as('officer')('/api/v1/people/2147483647')).status).toBe(404);
  });

  it('refuses a contact whose ID number the incident has registered already, naming no number (review M1)', async () => {
    const first = await t.as('officer')('/api/v1/people/1/contacts', 'POST', contact('81'));
    expect(first.status).toBe(201);
    const count = async () => (await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = Number(await count());
    for (const index of [1, 3]) {
      const again = await t.as('officer')(`/api/v1/people/${index}/contacts`, 'POST', contact('81', { name: '钱多', phone: '13900009999' }));
      const text = await again.text();
      expect([again.status, JSON.parse(text).code]).toEqual([409, 'conflict']);
      expect(text).not.toContain(idNo('81'));
    }
    expect(Number(await count())).toBe(before);
  });

  it('draws the chain: nodes without personal fields, links by last exposure, places by exposure window', async () => {
    const all = (await get('/chains')).body;
    const link = all.links.find((l: { from: number }) => l.from === 1);
    expect(link).toMatchObject({ from: 1, type: 'household', lastExposureAt: '2022-06-11T02:00:00.000Z' });
    expect(all.nodes.find((n: { id: number }) => n.id === 1)).toEqual({ id: 1, category: 'confirmed', reportDate: '2022-06-02', onsetDate: '2022-06-01',
      identifiedAt: '2022-06-02T02:00:00.000Z', point: [114.12, 36.42] });
    expect(all.places).toContainEqual({ personId: 1, placeId: null, name: '南头村5组12号', point: [114.12, 36.42], startAt: '2022-05-30T10:00:00.000Z', endAt: '2022-06-02T00:00:00.000Z' });
    expect(JSON.stringify(all)).not.toMatch(/"name":"[^"]*\*|王|钱/);
    const early = (await get('/chains?from=2022-06-01&to=2022-06-05')).body;
    expect(early.nodes.map((n: { id: number }) => n.id)).toEqual([1, 2, 3, 4]); // all reported 06-02; the new contacts are later
    expect(early.links).toEqual([]);
    const june11 = (await get('/chains?from=2022-06-11&to=2022-06-11')).body;
    expect(june11.links.length).toBeGreaterThan(0);
    expect(june11.nodes.map((n: { id: number }) => n.id)).toContain(1); // kept as the end of a kept link
    expect(june11.places).toEqual([]); // person 1's exposure ended 06-02
  });
});
