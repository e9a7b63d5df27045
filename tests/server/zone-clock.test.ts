// A zone's clock through the API as days pass: it runs from the day the zone came into force (not
// the day it was drafted), a positive NAT round is an infection on its date, a zone keeps the
// profile it was drawn under when the incident changes profile, and an ed.9 high zone downgraded
// to medium keeps high's remaining step (low on day 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { testApp, type Send, type TestUser } from '../support/app.ts';
import { box } from '../support/grid-and-place.ts';

type Clock = { dayZero: string; dayNumber: number; lastInfectionDate: string | null; restarted: boolean; upgradeTo: string | null; liftOn: string | null; kind: string };
type Props = { version: number; kind: string; status: string; change: string; profileId: number | null; clock: Clock | null };

/** 10:00 in Shanghai on a June 2022 day. */
const june = (day: number) => new Date(`2022-06-${String(day).padStart(2, '0')}T02:00:00.000Z`);
/** No case lives here (the tiny district's cases are at 114.12/36.42, 114.25/36.45, 114.26/36.46). */
const EMPTY = box(114.15, 36.47, 114.17, 36.49);
/** Case 1 (confirmed, reported 2022-06-02) lives here. */
const CASE_1 = box(114.11, 36.41, 114.13, 36.43);

describe.each(DIALECTS)('zone clocks through the API on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let now = june(2);
  beforeAll(async () => { t = await testApp(dialect, { now: () => now }); });
  afterAll(async () => { await t.close(); });

  // The clock jumps by days, past any session's lifetime: every call signs in afresh at `now`.
  const as = (user: TestUser): Send => async (...args) => (await t.signIn(user)).send(...args);
  const draw = async (name: string, kind: string, geometry: unknown) =>
    (await (await as('planner')('/api/v1/zones', 'POST', { name, kind, source: 'drawn', geometry })).json()) as { id: number; current: { properties: Props } };
  const step = async (id: number, path: string, body: object) => {
    const res = await as('commander')(`/api/v1/zones/${id}${path}`, 'POST', { reason: '指挥部决定', ...body });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as { properties: Props };
  };
  const current = async (id: number) => ((await (await as('wall')(`/api/v1/zones/${id}`)).json()).current.properties) as Props;
  const round = (id: number, date: string, positives = 0) => as('planner')(`/api/v1/zones/${id}/test-rounds`, 'POST', { date, tested: 800, positives });

  let zone2021: number;
  it('counts from the day a zone came into force: drafted June 2, published June 10, no case inside → day 0 is June 10', async () => {
    zone2021 = (await draw('北山管控区', 'controlled', EMPTY)).id;
    now = june(5);
    // While proposed the clock is a projection from the draft.
    expect((await current(zone2021)).clock).toMatchObject({ dayZero: '2022-06-02', lastInfectionDate: null });
    now = june(10);
    expect((await step(zone2021, '/publish', { baseVersion: 1 })).properties.clock).toMatchObject({ dayZero: '2022-06-10', dayNumber: 0 });
    now = june(11);
    expect((await current(zone2021)).clock).toMatchObject({ dayZero: '2022-06-10', dayNumber: 1, lastInfectionDate: null, restarted: false });
  });

  it('keeps the profile a zone was drawn under when the incident changes profile', async () => {
    const ed9 = (await (await as('commander')('/api/v1/profiles')).json()).items.find((p: { key: string }) => p.key === 'cn-2022-ed9');
    expect((await as('commander')('/api/v1/incidents/1/profile', 'PUT', { profileId: ed9.id, reason: '执行第九版防控方案' })).status).toBe(200);
    // New zones take the incident's profile …
    expect((await as('planner')('/api/v1/zones', 'POST', { name: 'x', kind: 'controlled', source: 'drawn', geometry: EMPTY })).status).toBe(422);
    // … the 2021 管控区 keeps 2021's kinds and clock.
    expect(await current(zone2021)).toMatchObject({ kind: 'controlled', profileId: 1, clock: { kind: 'controlled', dayZero: '2022-06-10' } });
    const edited = await as('planner')(`/api/v1/zones/${zone2021}`, 'PUT', { baseVersion: 2, name: '北山管控区（核）', reason: '更名' });
    expect((await edited.json()).properties).toMatchObject({ version: 3, kind: 'controlled', profileId: 1 });
  });

  it('takes a round with positives as an infection on its date: the 2021 管控区 must become a 封控区, and can', async () => {
    expect((await round(zone2021, '2022-06-11', 2)).status).toBe(201);
    expect((await current(zone2021)).clock).toMatchObject({ dayZero: '2022-06-11', lastInfectionDate: '2022-06-11', restarted: true, upgradeTo: 'sealed' });
    now = june(12);
    const up = await step(zone2021, '/upgrade', { baseVersion: 3, toKind: 'sealed' });
    expect(up.properties).toMatchObject({ version: 4, kind: 'sealed', change: 'upgrade', profileId: 1, clock: { kind: 'sealed', dayZero: '2022-06-11' } });
    const down = await step(zone2021, '/downgrade', { baseVersion: 4, toKind: 'controlled' });
    expect(down.properties).toMatchObject({ version: 5, kind: 'controlled', change: 'downgrade', profileId: 1 });
    expect((await step(zone2021, '/lift', { baseVersion: 5 })).properties).toMatchObject({ status: 'lifted', profileId: 1 });
  });

  it('keeps ed.9 high\'s remaining steps after a downgrade to medium on day 7: low on day 10', async () => {
    now = june(2); // day 0: case 1 reported inside
    const high = (await draw('南头村高风险区', 'high', CASE_1)).id;
    await step(high, '/publish', { baseVersion: 1 });
    now = june(9); // day 7
    expect((await round(high, '2022-06-09')).status).toBe(201);
    expect((await current(high)).clock).toMatchObject({ kind: 'high', dayZero: '2022-06-02', liftOn: '2022-06-12' });
    await step(high, '/downgrade', { baseVersion: 2, toKind: 'medium' });
    expect((await current(high)).clock).toMatchObject({ kind: 'medium', dayZero: '2022-06-02', liftOn: '2022-06-12' });
  });
});
