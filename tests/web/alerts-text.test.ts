// An alert's message in the UI language: the rule's template filled with the alert's params
// worded for the reader (dates, syndromic kinds, loop steps, numbers), and when a param is
// missing the shorter alternative, the server's zh-CN title, or the rule's short message — never
// a bare "{placeholder}". Unknown rules show their title.
import { describe, expect, it } from 'vitest';
import { ALERT_RULES, alertMessage, fillTemplate, formatParam } from '../../web/components/alerts/alert-text.ts';
import en from '../../web/i18n/alerts.en.ts';
import zhCN from '../../web/i18n/alerts.zh-CN.ts';
import { alert } from './alerts-fixtures.ts';

describe('alert messages', () => {
  it('fills the EARS message in both languages', () => {
    const a = alert(1);
    expect(alertMessage(a, 'zh-CN')).toBe('症状监测异常：临水村发热门诊就诊人次 5月20日 达 12，C1、C3 报警');
    expect(alertMessage(a, 'en')).toBe('Syndromic signal: fever-clinic visits in 临水村 reached 12 on May 20, flagged by C1, C3');
  });

  it('words each param for the reader', () => {
    expect(formatParam('personId', 12345, 'zh-CN')).toBe('12345'); // an id keeps its digits together
    expect(formatParam('observed', 12345, 'zh-CN')).toBe('12,345');
    expect(formatParam('expected', 2.345, 'en')).toBe('2.3');
    expect(formatParam('step', 'transferred', 'zh-CN')).toBe('转运');
    expect(formatParam('action', 'lift', 'en')).toBe('be lifted');
    expect(formatParam('due', '2022-06-21', 'zh-CN')).toBe('6月21日');
    expect(formatParam('dueAt', '2022-06-21T02:00:00.000Z', 'zh-CN')).toBe('6月21日 10:00');
    expect(formatParam('villages', ['临水村', '大社村'], 'zh-CN')).toBe('临水村、大社村');
    expect([formatParam('x', '', 'en'), formatParam('x', null, 'en'), formatParam('x', Number.NaN, 'en'), formatParam('x', {}, 'en')])
      .toEqual([null, null, null, null]);
  });

  it('fills a template only when every placeholder has a value', () => {
    expect(fillTemplate('{a} 与 {b}', { a: 1, b: 'x' }, 'zh-CN')).toBe('1 与 x');
    expect(fillTemplate('{a} 与 {b}', { a: 1 }, 'zh-CN')).toBeNull();
    expect(fillTemplate('no params', {}, 'en')).toBe('no params');
  });

  it('falls back to the alternative, then the title (zh-CN) or the short message (en)', () => {
    const st = alert(2, { rule: 'st_cluster', title: '病例时空聚集：6例（近7天5例，前7天1例）', params: { village: '', count: 6, last7: 5, prev7: 1 } });
    expect(alertMessage(st, 'zh-CN')).toBe('病例时空聚集：6 例，近 7 天 5 例（前 7 天 1 例）');
    const bare = alert(3, { rule: 'st_cluster', title: '病例时空聚集：大社镇', params: {} });
    expect(alertMessage(bare, 'zh-CN')).toBe('病例时空聚集：大社镇');
    expect(alertMessage(bare, 'en')).toBe('A case cluster is growing');
    const unknown = alert(4, { rule: 'made_up', title: '其他预警', params: { x: 1 } });
    expect([alertMessage(unknown, 'zh-CN'), alertMessage(unknown, 'en')]).toEqual(['其他预警', '其他预警']);
  });

  it('reads the loop alerts of issue 5 from their flat detail', () => {
    const overdue = alert(5, { rule: 'loop_overdue', title: '闭环环节超时：转运（人员 #88）',
      params: { stepId: 3, personId: 88, step: 'transferred', dueAt: '2022-06-01T02:00:00.000Z', teamId: 2, escalationLevel: 2, overdueHours: 7.5 } });
    expect(alertMessage(overdue, 'zh-CN')).toBe('闭环环节超时：转运（人员 #88），已逾期 7.5 小时');
    expect(alertMessage(overdue, 'en')).toBe('Loop step overdue: transfer (person #88), 7.5 h late');
  });

  it('never shows a placeholder, whatever params a known rule comes with', () => {
    expect(ALERT_RULES).toEqual(['loop_overdue', 'loop_positive', 'scan_cluster', 'ears_signal', 'st_cluster', 'case_outside_zone', 'site_near_full', 'zone_due']);
    for (const rule of ALERT_RULES) {
      for (const locale of ['zh-CN', 'en']) {
        for (const params of [{}, { village: '' }, { count: 3 }] as Record<string, string | number>[]) {
          const text = alertMessage(alert(9, { rule, title: '', params }), locale);
          expect(text, `${rule} ${locale}`).not.toMatch(/[{}]/);
          expect(text.trim(), `${rule} ${locale}`).not.toBe('');
        }
      }
    }
    for (const tree of [zhCN, en]) {
      for (const short of Object.values(tree.ruleShort)) expect(short).not.toMatch(/[{}]/);
      expect(Object.keys(tree.ruleAlt).every((r) => r in tree.rule)).toBe(true);
    }
  });

  it('fills every rule message with the params the server writes', () => {
    const samples: Record<string, Record<string, string | number>> = {
      scan_cluster: { villages: '大社村、和村', observed: 9, expected: 1.2, relativeRisk: 7.5, recurrenceDays: 400, startDay: '2022-05-25', endDay: '2022-05-30', status: 'new', day: '2022-05-30' },
      st_cluster: { village: '大社村', count: 8, last7: 6, prev7: 2, firstDay: '2022-05-24', lastDay: '2022-05-30', day: '2022-05-30' },
      case_outside_zone: { personId: 41, category: 'confirmed', village: '和村', reportDate: '2022-06-02' },
      site_near_full: { siteId: 2, site: '滏阳宾馆', occupied: 86, rooms: 100, percent: 86 },
      zone_due: { zoneId: 4, zone: '一矿佳苑', kind: 'sealed', version: 2, action: 'downgrade', due: '2022-06-20' },
      loop_positive: { personId: 12, stepId: 5, from: 'closeContact', to: 'confirmed', cancelled: 2, added: 4 },
    };
    expect(alertMessage(alert(1, { rule: 'scan_cluster', params: samples.scan_cluster }), 'zh-CN'))
      .toBe('时空扫描发现聚集：大社村、和村，5月25日 至 5月30日 共 9 例（期望 1.2 例），重现间隔 400 天');
    expect(alertMessage(alert(1, { rule: 'site_near_full', params: samples.site_near_full }), 'en'))
      .toBe('Quarantine site nearly full: 滏阳宾馆, 86 of 100 rooms in use (86%)');
    expect(alertMessage(alert(1, { rule: 'zone_due', params: samples.zone_due }), 'zh-CN')).toBe('管控区域到期：一矿佳苑 可于 6月20日 降级');
    for (const [rule, params] of Object.entries(samples)) {
      for (const locale of ['zh-CN', 'en']) {
        const tree = locale === 'en' ? en : zhCN;
        const full = (tree.rule as Record<string, string>)[rule];
        expect(fillTemplate(full, params, locale), `${rule} ${locale}`).not.toBeNull();
      }
    }
  });
});
