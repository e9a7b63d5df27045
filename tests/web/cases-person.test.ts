// A person opened on /cases: the detail (GET /people/{id}) with exposures in time order and the
// bounds the map fits; a second quick open wins; a case officer's new contact is POSTed with the
// form's values and its answer (the schedule) is kept to show, while the list of contacts reloads.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { chronological, detailBounds, useCasesPerson } from '../../web/stores/cases-person.ts';
import { overdueHours, shanghaiInputToIso, timeWindow } from '../../web/components/cases/format.ts';
import { fakeFetch, json, problem, type Call } from './plan-fixtures.ts';
import { detail } from './cases-fixtures.ts';

let calls: Call[];
const SCHEDULE = { category: 'closeContact', centralDays: 7, homeDays: 3, homeKind: 'monitoring', centralFrom: '2022-06-18', centralTo: '2022-06-24',
  homeFrom: '2022-06-25', homeTo: '2022-06-27', natDates: [{ date: '2022-06-18', phase: 'central', day: 1 }] };
beforeEach(() => {
  calls = fakeFetch((call) => {
    if (call.method === 'POST' && call.url === '/api/v1/people/4/contacts') {
      if ((call.body as { phone: string }).phone === '123') return problem(422, 'validation_failed', '手机号无效');
      return json({ ...detail(40), category: 'closeContact', schedule: SCHEDULE }, 201);
    }
    const m = /^\/api\/v1\/people\/(\d+)$/.exec(call.url);
    if (m) return Number(m[1]) === 404 ? problem(404, 'not_found', '未找到') : json(detail(Number(m[1])));
    return json({}, 200);
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('cases person', () => {
  it('opens a person with exposures in time order and the bounds of home and places', async () => {
    const person = useCasesPerson();
    await person.open(4);
    expect(calls.at(-1)?.url).toBe('/api/v1/people/4');
    expect(person.detail?.id).toBe(4);
    expect(person.exposures.map((e) => e.name)).toEqual(['滏阳市场', '一矿食堂']);
    expect(person.bounds).toEqual([114.18, 36.38, 114.22, 36.41]);
    await person.open(null);
    expect(person.detail).toBeNull();
    expect(detailBounds(null)).toBeNull();
    expect(chronological([])).toEqual([]);
  });

  it('reports a person it cannot see as an error, not a blank', async () => {
    const person = useCasesPerson();
    await person.open(404);
    expect(person.detail).toBeNull();
    expect(person.error).toMatchObject({ status: 404 });
  });

  it('shows the person clicked last when two opens race', async () => {
    const person = useCasesPerson();
    await Promise.all([person.open(4), person.open(5)]);
    expect(person.detail?.id).toBe(5);
    expect(person.loading).toBe(false);
  });

  it('registers a contact and keeps the schedule the server computed', async () => {
    const person = useCasesPerson();
    await person.open(4);
    const body = { name: '赵六', idNumber: '11010519491231002X', phone: '13800000000', sex: 'female' as const, age: 30,
      homeAddress: '临水镇一矿佳苑3号楼', contactType: 'household' as const, lastExposureAt: '2022-06-17T04:00:00.000Z' };
    const created = await person.addContact(body);
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', url: '/api/v1/people/4/contacts', body });
    expect(created.schedule?.centralTo).toBe('2022-06-24');
    expect(person.created?.schedule?.natDates).toHaveLength(1);
    expect(calls.at(-1)).toMatchObject({ method: 'GET', url: '/api/v1/people/4' }); // the contacts list reloads
    person.clearCreated();
    expect(person.created).toBeNull();
    await expect(person.addContact({ ...body, phone: '123' })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(person.saving).toBe(false);
  });
});

describe('cases wording', () => {
  it('writes time windows and deadlines on the Shanghai clock', () => {
    expect(timeWindow('2022-06-01T00:30:00Z', '2022-06-01T02:00:00Z', 'zh-CN')).toBe('6月1日 08:30–10:00');
    expect(timeWindow('2022-06-01T15:00:00Z', '2022-06-01T17:00:00Z', 'en')).toBe('Jun 1 23:00 – Jun 2 01:00');
    expect(shanghaiInputToIso('2022-06-17T12:00')).toBe('2022-06-17T04:00:00.000Z');
    expect(shanghaiInputToIso('nonsense')).toBeNull();
    expect(overdueHours('2022-06-01T00:00:00Z', Date.parse('2022-06-01T05:30:00Z'))).toBe(5);
    expect(overdueHours('2022-06-01T00:00:00Z', Date.parse('2022-05-31T05:30:00Z'))).toBe(0);
    expect(overdueHours(null, 0)).toBe(0);
  });
});
