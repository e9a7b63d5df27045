// Is there enough? The sampling points, samplers and quarantine rooms a population needs against
// what the registers hold (issue 8 item 5), and the close contacts the current cases will bring.
// The ratios are the profile's `resources` (domain/zones/supplies.ts, domain-rules.md §1.7–§1.8);
// each figure goes out with its rule and source (CAPACITY_SOURCES) so a reader can check it.
import type { CapacityOut, CapacityRow, RuleSource } from './types.ts';
import { quarantineRooms, resourcesOf, testingNeeds, type Resources } from '../zones/supplies.ts';

export interface CapacityInput {
  level: CapacityRow['level']; id: number | null; name: string; zoneKind: string | null;
  population: number;
  /** Active testing sites in the area. */
  samplingPointsPresent: number;
  /** Summed capacity_per_hour of those sites (people tested per hour). */
  throughputPerHour: number;
  roomsPresent: number; roomsFree: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function capacityRow(input: CapacityInput, resources: Resources): CapacityRow {
  const t = testingNeeds(input.population, resources);
  return {
    level: input.level, id: input.id, name: input.name, zoneKind: input.zoneKind,
    population: input.population,
    samplingPoints: { needMin: t.samplingPointsMin, needMax: t.samplingPointsMax, present: input.samplingPointsPresent },
    samplers: { need: t.samplers },
    // Everyone tested once at the present sites' summed rate; no site (or no rate): no answer.
    testHours: input.throughputPerHour > 0 ? round1(input.population / input.throughputPerHour) : null,
    targetHours: t.completionHours,
    quarantineRooms: { need: quarantineRooms(input.population, resources), present: input.roomsPresent, free: input.roomsFree },
  };
}

/**
 * Close contacts to expect from the cases of the last days: each case has brought, on average,
 * closeContactsTraced / casesTraced contacts in this incident so far, and each needs a room
 * (§1.7 单人单间). Rounded up: a fraction of a contact still needs a room. No traced case yet: no
 * ratio to go by, forecast 0 (the row's present/free rooms still show).
 */
export function contactForecast(recentCases: number, closeContactsTraced: number, casesTraced: number,
  roomsFree: number): CapacityOut['contactForecast'] {
  if (!(casesTraced > 0)) return { recentCases, contactsPerCase: 0, forecast: 0, roomsFree };
  return {
    recentCases,
    contactsPerCase: round1(closeContactsTraced / casesTraced),
    // Integer product first: 3 × (10 / 3) in floating point is 10.000000000000002.
    forecast: Math.ceil((recentCases * closeContactsTraced) / casesTraced),
    roomsFree,
  };
}

const GUIDE_2022 = '《区域新型冠状病毒核酸检测组织实施指南（第三版）》，国务院联防联控机制综合组，2022-03-22（domain-rules.md §1.8）';
const NHC_2021 = '国家卫生健康委新闻发布会，2021-09-29：各地按每万人不少于20间的标准储备集中隔离场所（domain-rules.md §1.7）';
const NHC_2022 = '国家卫生健康委新闻发布会，2022-05-23：省会和千万级人口以上城市建立步行15分钟核酸“采样圈”（domain-rules.md §1.8；非全国通用要求）';

/** The rules behind each capacity figure, with the numbers of `r` (a profile may change them). */
export function capacitySources(r: Resources): RuleSource[] {
  const [few, many] = [...r.sampling_point_per_people].sort((a, b) => a - b);
  return [
    { key: 'samplingPoints', rule: `每${few}～${many}人设置1个采样点：需要 ⌈人口÷${many}⌉～⌈人口÷${few}⌉ 个`, source: GUIDE_2022 },
    { key: 'samplers', rule: `采样人员数 = 人口÷${r.samplers_divisor}（向上取整）`, source: GUIDE_2022 },
    { key: 'testHours', rule: `${r.mass_test_completion_hours}小时内完成区域全员核酸检测；所需小时 = 人口÷现有采样点每小时采样能力之和`, source: GUIDE_2022 },
    { key: 'quarantineRooms', rule: `每万人口不少于${r.quarantine_rooms_per_10k_pop}间隔离房间（单人单间）：需要 ⌈人口×${r.quarantine_rooms_per_10k_pop}÷10000⌉ 间`, source: NHC_2021 },
    { key: 'walkMinutes', rule: `步行${r.walk_minutes_to_sampling_point}分钟内可到达采样点`, source: NHC_2022 },
    { key: 'contactForecast', rule: '预计密接 = 近7天新增病例 × 本次疫情已追踪密接数÷已追踪病例数（向上取整），每名密接需1间隔离房', source: '本系统按本次疫情已有流调数据推算（非规范数字）；单人单间见 domain-rules.md §1.7' },
  ];
}

/** The sources with the §1.7/§1.8 default numbers (profiles that omit `resources`). */
export const CAPACITY_SOURCES: RuleSource[] = capacitySources(resourcesOf({}));
