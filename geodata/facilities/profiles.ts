// Rule profiles (domain-rules.md §7 skeleton; values from §1.1–1.9) and the demo incident.
import type { SeedRow } from '../types.ts';

const RESOURCES = {
  quarantine_rooms_per_10k_pop: 20, sampling_point_per_people: [2000, 3000], samplers_divisor: 360,
  mass_test_completion_hours: 24, walk_minutes_to_sampling_point: 15,
};
const GRID = { urban: { households: [300, 500], max_population: [2000, 2500] }, rural: { households: 300, max_population: 2500 } };
const REPORTING = {
  unit_to_county_health_hours: 2, county_health_to_gov_hours: 2, county_gov_to_city_hours: 2, city_to_province_hours: 2,
  province_to_nhc_hours: 1, idr_network_report_hours: { class_A_or_A_managed: 2, other_BC: 24 },
};
const COLOURS = { I: 'red', II: 'orange', III: 'yellow', IV: 'blue' };
const common = { version: 1, resources: RESOURCES, grid: GRID, reporting: REPORTING, warning_colours: COLOURS };

const PROFILES = [
  {
    key: 'cn-2021-community', name: '封控区/管控区/防范区（社区防控，2021–2022年6月）', from: '2021-07-01', to: '2022-06-27',
    source: '§1.1: laihamady.com/ms/626983.html; jxyuer.com/news/jiaodian/147621.html; 人民网吉林 samxiang.cn/n2/2022/0331/c349771-35201275.html (2022-03-31); ed.8 close-contact management (§1.5). Reprints, not the official text.',
    params: {
      zone_kinds: ['sealed', 'controlled', 'precaution'], delimitation_unit: 'compound_or_village',
      zones: {
        sealed: { measures: ['区域封闭', '足不出户', '服务上门'], nat_days: [1, 4, 7, 10, 14], home_isolation_days: 14, health_monitoring_days: 7 },
        controlled: { measures: ['人不出区', '严禁聚集'], on_positive: 'upgrade_to_sealed' },
        precaution: { measures: ['强化社会面管控', '严格限制人员聚集'], lift_when: 'all_sealed_and_controlled_lifted' },
      },
      lift_sealed_or_controlled: { no_new_infection_days: 14, last_contact_days_since_exposure: 14, final_nat_round_within_days: 2 },
      close_contact: { lookback_days: 2, central_days: 14, home_monitoring_days: 7, nat_days: [1, 4, 7, 14], swab: 'nasopharyngeal', dual_sample_before_release: true },
      secondary_contact: { identify: true, central_days: 7, nat_days: [1, 7] },
      loop_deadlines_hours: { notified: 2, transferScheduled: 6, transferred: 12 },
    },
  },
  {
    key: 'cn-2022-ed9', name: '新型冠状病毒肺炎防控方案（第九版）', from: '2022-06-28', to: '2022-11-10',
    source: '§1.2, §1.5: big5.sputniknews.cn/20220628/1042182576.html; m.yuegangaozb.cn/11923.html; annex 风险区划定及管控方案 reprinted at jxyuer.com/baike/techan/427867.html.',
    params: {
      zone_kinds: ['high', 'medium', 'low'], delimitation_unit: 'compound_or_village',
      zones: {
        high: { unit: 'compound_or_village', measures: ['足不出户', '上门服务'], downgrade: { to: 'medium', no_new_days: 7, nat_round_on_day: 7 }, then: { to: 'low', no_new_days: 3 } },
        medium: { unit: 'epi_determined', measures: ['人不出区', '错峰取物'], downgrade: { to: 'low', no_new_days: 7, nat_round_on_day: 7 } },
        low: { unit: 'rest_of_county', leave_city_requires_nat_within_hours: 48 },
      },
      close_contact: { lookback_days: 2, central_days: 7, home_monitoring_days: 3, nat_days_central: [1, 2, 3, 5, 7], nat_days_home: [3], swab: 'oropharyngeal' },
      secondary_contact: { identify: true, home_isolation_days: 7, nat_days: [1, 4, 7] },
      travellers_7d: { high: { central_days: 7, nat_days: [1, 2, 3, 5, 7] }, medium: { home_days: 7, nat_days: [1, 4, 7] }, low: { tests: 2, within_days: 3 } },
      loop_deadlines_hours: { notified: 2, transferScheduled: 6, transferred: 12 },
    },
  },
  {
    key: 'cn-2022-20measures', name: '进一步优化新冠肺炎疫情防控措施（二十条）', from: '2022-11-11', to: '2022-12-06',
    source: '§1.3: iotonline.org.cn/news/guonei/202211/t20221111_21011.shtml; homelife.scol.com.cn (2022-11-15); 核酸检测实施办法 2022-11-21 (zkxhgk.com).',
    params: {
      zone_kinds: ['high', 'low'], delimitation_unit: 'unit_or_building',
      zones: { high: { unit: 'unit_or_building', downgrade: { to: 'low', no_new_days: 5, nat_round_on_day: null } }, low: { leave_city_requires_nat_within_hours: 48 } },
      close_contact: { lookback_days: 2, central_days: 5, home_isolation_days: 3, nat_days_central: [1, 2, 3, 5], nat_days_home: [1, 3] },
      secondary_contact: { identify: false },
      high_area_spillover: { home_isolation_days: 7, nat_days: [1, 3, 5, 7] },
      mass_testing: { daily_until_clean_rounds: 3, extra_round_after_gap_days: 3, rural_scope: ['affected_natural_village', 'township_seat', 'county_seat'] },
      loop_deadlines_hours: { notified: 2, transferScheduled: 6, transferred: 12 },
    },
  },
];

export function profileRows(): SeedRow<'rule_profiles'>[] {
  return PROFILES.map((p, i) => ({ id: i + 1, key: p.key, version: 1, name: p.name, params: JSON.stringify({ ...common, ...p.params }),
    effective_from: p.from, effective_to: p.to, source: p.source }));
}

export const INCIDENT_STARTED = '2022-05-27T01:00:00.000Z';

export function incidentRows(profileId: number): SeedRow<'incidents'>[] {
  return [{ id: 1, name: '峰峰矿区新冠肺炎疫情（演示）', disease: 'COVID-19', grade_suggested: 'III', grade_confirmed: null,
    warning_colour: 'yellow', rule_profile_id: profileId, status: 'open', started_at: INCIDENT_STARTED, closed_at: null }];
}
