// The /alerts stores against a fake API: the list's filters become an allow-listed query, "load
// more" follows the cursor, a refresh asks again for as many as are shown and keeps them when it
// fails; the open alert's detail, and acknowledge/resolve answered with the alert as it now is
// (list and detail patched, the list asked again). The incident grade: loaded, confirmed by PUT
// with the reason, a refusal kept for the dialog. And the EARS chart's option.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { alertsUrl, useAlerts } from '../../web/stores/alerts.ts';
import { gradeUrl, useIncidentGrade } from '../../web/stores/incident-grade.ts';
import { dayTooltip, earsChartOption, methodColour, type EarsText } from '../../web/components/alerts/ears-option.ts';
import { ALERT_LEVEL_COLORS } from '../../web/map/alert-styles.ts';
import { alert, detail, grade } from './alerts-fixtures.ts';
import { fakeFetch, json, problem, type Call } from './plan-fixtures.ts';

let calls: Call[];
let answer: (call: Call) => Response;
beforeEach(() => {
  calls = fakeFetch((call) => answer(call));
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); });

const listAnswer = (call: Call) => {
  const url = new URL(call.url, 'http://x');
  if (url.searchParams.get('cursor') === 'c2') return json({ items: [alert(3), alert(2)], next: null });
  return json({ items: [alert(5), alert(4, { status: 'acknowledged', acknowledgedBy: 'officer' })], next: 'c2' });
};

describe('alerts list', () => {
  it('asks only for the filters that are set', () => {
    expect(alertsUrl({ status: 'active', level: '', rule: '' })).toBe('/api/v1/alerts?status=active&limit=50');
    expect(alertsUrl({ status: 'resolved', level: 'red', rule: 'zone_due' }, 'abc', 20))
      .toBe('/api/v1/alerts?status=resolved&level=red&rule=zone_due&limit=20&cursor=abc');
    expect(alertsUrl({ status: 'all', level: '', rule: 'warning' })).toBe('/api/v1/alerts?status=all&rule=ears_signal%2Cscan_cluster%2Cst_cluster&limit=50');
  });

  it('loads more by cursor and starts again when a filter changes', async () => {
    answer = listAnswer;
    const alerts = useAlerts();
    await alerts.load();
    expect(alerts.items.map((a) => a.id)).toEqual([5, 4]);
    await alerts.loadMore();
    expect(calls.at(-1)?.url).toBe('/api/v1/alerts?status=active&limit=50&cursor=c2');
    expect(alerts.items.map((a) => a.id)).toEqual([5, 4, 3, 2]);
    expect(alerts.next).toBeNull();
    expect(await alerts.loadMore()).toBe(false); // nothing more: nothing asked
    expect(calls).toHaveLength(2);
    await alerts.setFilters({ level: 'orange' });
    expect(calls.at(-1)?.url).toBe('/api/v1/alerts?status=active&level=orange&limit=50');
    expect(alerts.items.map((a) => a.id)).toEqual([5, 4]);
  });

  it('refreshes as many as are shown, and keeps them when the refresh fails', async () => {
    answer = listAnswer;
    const alerts = useAlerts();
    expect(await alerts.refresh()).toBe(false); // never loaded: nothing to refresh
    await alerts.load();
    await alerts.loadMore();
    answer = () => json({ items: [alert(6), alert(5)], next: 'c9' });
    await alerts.refresh();
    expect(calls.at(-1)?.url).toBe('/api/v1/alerts?status=active&limit=50');
    expect(alerts.items.map((a) => a.id)).toEqual([6, 5]);
    answer = () => problem(503, 'unavailable', '服务暂不可用');
    await alerts.refresh();
    expect(alerts.items.map((a) => a.id)).toEqual([6, 5]);
    expect(alerts.error).toMatchObject({ code: 'unavailable' });
  });
});

describe('an alert', () => {
  it('opens the detail and closes it', async () => {
    answer = () => json(detail(5));
    const alerts = useAlerts();
    await alerts.open(5);
    expect(calls.at(-1)?.url).toBe('/api/v1/alerts/5');
    expect(alerts.detail?.persons[0].name).toBe('张*');
    await alerts.open(5); // already open: not read again (each read is audited)
    expect(calls).toHaveLength(1);
    await alerts.open(null);
    expect([alerts.selectedId, alerts.detail]).toEqual([null, null]);
  });

  it('acknowledges: the answer patches list and detail, then the list is asked again', async () => {
    answer = listAnswer;
    const alerts = useAlerts();
    await alerts.load();
    answer = () => json(detail(5));
    await alerts.open(5);
    const acked = alert(5, { status: 'acknowledged', acknowledgedBy: 'commander', acknowledgedAt: '2022-05-21T01:00:00.000Z' });
    answer = (call) => (call.method === 'POST' ? json(acked) : listAnswer(call));
    expect(await alerts.acknowledge(5)).toBe(true);
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', url: '/api/v1/alerts/5/acknowledge', body: {} });
    expect(alerts.detail).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'commander', persons: [{ id: 7 }] });
    expect(alerts.items.find((a) => a.id === 5)?.status).toBe('acknowledged');
    expect(calls.at(-1)?.url).toBe('/api/v1/alerts?status=active&limit=50');
  });

  it('resolves with a note, and keeps the refusal for the dialog', async () => {
    answer = () => json(detail(5));
    const alerts = useAlerts();
    await alerts.open(5);
    answer = () => problem(409, 'alert_resolved', '预警已解除');
    expect(await alerts.resolve(5, '已核实为误报')).toBe(false);
    expect(calls.at(-1)).toEqual({ method: 'POST', url: '/api/v1/alerts/5/resolve', body: { note: '已核实为误报' } });
    expect(alerts.actionError).toMatchObject({ code: 'alert_resolved' });
    expect(alerts.acting).toBeNull();
    expect(alerts.detail?.status).toBe('open');
  });
});

describe('incident grade', () => {
  it('loads the grade and confirms one with the reason', async () => {
    answer = () => json(grade());
    const store = useIncidentGrade();
    await store.load(1);
    expect(calls.at(-1)?.url).toBe(gradeUrl(1));
    expect(store.grade?.suggested.grade).toBe('III');
    expect(store.grade?.confirmed).toBeNull(); // the suggestion never confirms itself
    const confirmed = grade({ confirmed: 'III', warningColour: 'yellow', confirmedBy: 'commander', confirmedAt: '2022-06-01T02:00:00.000Z', reason: '专家研判' });
    answer = () => json(confirmed);
    expect(await store.confirm({ grade: 'III', warningColour: 'yellow', reason: ' 专家研判 ' })).toBe(true);
    expect(calls.at(-1)).toEqual({ method: 'PUT', url: '/api/v1/incidents/1/grade', body: { grade: 'III', warningColour: 'yellow', reason: '专家研判' } });
    expect(store.grade).toMatchObject({ confirmed: 'III', confirmedBy: 'commander' });
  });

  it('keeps the grade on screen when a confirmation is refused or a reload fails', async () => {
    answer = () => json(grade());
    const store = useIncidentGrade();
    await store.load(1);
    answer = () => problem(403, 'forbidden', '无权操作');
    expect(await store.confirm({ grade: 'II', warningColour: 'orange', reason: 'x' })).toBe(false);
    expect(store.saveError).toMatchObject({ code: 'forbidden' });
    answer = () => problem(503, 'unavailable', '服务暂不可用');
    await store.load();
    expect(store.grade?.suggested.grade).toBe('III');
    expect(store.error).toMatchObject({ code: 'unavailable' });
  });
});

describe('EARS chart option', () => {
  const text: EarsText = { count: '每日数量', flagged: '预警日', signalDay: '信号日', date: (d) => d.slice(5), methods: (m) => m.join('、') };

  it('draws the counts, the flagged days in the strongest detector’s colour and the signal day', () => {
    const series = detail(1).series!;
    const option = earsChartOption(series, text, '2022-05-20');
    const [line, dots] = option.series as [{ data: number[]; markLine?: { data: { xAxis: string }[] } }, { data: { value: [string, number]; itemStyle: { color: string } }[] }];
    expect(line.data).toEqual([3, 4, 12]);
    expect(line.markLine?.data).toEqual([{ xAxis: '2022-05-20' }]);
    expect(dots.data.map((d) => [d.value, d.itemStyle.color])).toEqual([
      [['2022-05-19', 4], ALERT_LEVEL_COLORS.yellow], [['2022-05-20', 12], ALERT_LEVEL_COLORS.red]]);
    expect((earsChartOption(series, text, '2021-01-01').series as { markLine?: unknown }[])[0].markLine).toBeUndefined();
    expect([methodColour(['C1']), methodColour(['C1', 'C2']), methodColour(['C3'])])
      .toEqual([ALERT_LEVEL_COLORS.yellow, ALERT_LEVEL_COLORS.orange, ALERT_LEVEL_COLORS.red]);
    expect(dayTooltip(series.days[2], text)).toContain('C1、C3');
  });
});
