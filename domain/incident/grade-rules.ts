// The grading criteria of 《国家突发公共卫生事件应急预案》 (2006), as domain-rules.md §2.2 lists them,
// one table per disease family, grade I first. Each rule says what it tests in both languages and
// echoes the fact it tested ("现 4 例" / "now 4"), so the person confirming sees why.
// Two rules marked [M] are the plan's Grade III items (4) and (5) as the plan is usually reprinted
// (一个县内乙、丙类传染病发病水平超过前5年同期平均发病水平1倍以上; 一个县内发现群体性不明原因疾病):
// §2.2 does not list them yet, and without them a one-county norovirus or unknown-cause outbreak —
// the ordinary case for a township — could never get a suggestion.
import type { Grade } from '../analysis/types.ts';
import type { DiseaseFamily } from './diseases.ts';

/** GradeFacts with the optional counts filled in (see grade.ts). */
export interface Facts {
  name: { 'zh-CN': string; en: string };
  cases: number; counties: number; prefectures: number; provinces: number; deaths: number;
  /** Food poisoning: people poisoned in the one event. */
  people: number;
  spreading: boolean; largeOrMediumCity: boolean;
  /** Class B/C: this week's incidence ÷ the mean of the same week in the 5 previous years. */
  incidenceRatio: number | null;
}

export interface Rule { grade: Grade; key: string; met: (f: Facts) => boolean; zh: (f: Facts) => string; en: (f: Facts) => string }

const rule = (grade: Grade, key: string, met: Rule['met'], zh: Rule['zh'], en: Rule['en']): Rule => ({ grade, key, met, zh, en });
const ratio = (f: Facts) => (f.incidenceRatio === null ? '未提供' : f.incidenceRatio.toFixed(1));
const ratioEn = (f: Facts) => (f.incidenceRatio === null ? 'not given' : f.incidenceRatio.toFixed(1));

export const RULES: Record<Exclude<DiseaseFamily, 'covid19'>, Rule[]> = {
  pneumonicPlague: [
    rule('I', 'city', (f) => f.largeOrMediumCity && f.spreading,
      (f) => `${f.name['zh-CN']}在大、中城市发生并有扩散趋势`,
      (f) => `${f.name.en} in a large or medium city, spreading`),
    rule('I', 'provinces', (f) => f.provinces >= 2 && f.spreading,
      (f) => `波及 2 个及以上省份并有进一步扩散趋势（现 ${f.provinces} 个省）`,
      (f) => `≥ 2 provinces affected and spreading further (now ${f.provinces})`),
    rule('II', 'cases5', (f) => f.cases >= 5,
      (f) => `一个县内一个平均潜伏期（6 天）内发病 ≥ 5 例（现 ${f.cases} 例）`,
      (f) => `≥ 5 cases in one county within one mean incubation period (6 days) (now ${f.cases})`),
    rule('II', 'counties', (f) => f.counties >= 2,
      (f) => `相关联的病例波及 2 个及以上县（现 ${f.counties} 个）`,
      (f) => `linked cases in ≥ 2 counties (now ${f.counties})`),
    rule('III', 'casesUnder5', (f) => f.cases >= 1 && f.cases < 5 && f.counties <= 1,
      (f) => `一个平均潜伏期内病例 < 5 例，流行范围在一个县以内（现 ${f.cases} 例，${f.counties} 个县）`,
      (f) => `< 5 cases within one incubation period, confined to one county (now ${f.cases}, ${f.counties} counties)`),
  ],
  bubonicPlague: [
    rule('II', 'cases20', (f) => f.cases >= 20,
      (f) => `一个市（地）内多点连续发生，一个平均潜伏期内 ≥ 20 例（现 ${f.cases} 例）`,
      (f) => `≥ 20 cases at several points in one prefecture within one incubation period (now ${f.cases})`),
    rule('II', 'prefectures', (f) => f.prefectures >= 2,
      (f) => `波及 2 个及以上市（地）（现 ${f.prefectures} 个）`,
      (f) => `≥ 2 prefectures affected (now ${f.prefectures})`),
    rule('III', 'cases10', (f) => f.cases >= 10,
      (f) => `一个县内一个平均潜伏期内连续发病 ≥ 10 例（现 ${f.cases} 例）`,
      (f) => `≥ 10 cases in one county within one incubation period (now ${f.cases})`),
    rule('III', 'counties', (f) => f.counties >= 2,
      (f) => `波及 2 个及以上县（现 ${f.counties} 个）`,
      (f) => `≥ 2 counties affected (now ${f.counties})`),
    rule('IV', 'casesUnder10', (f) => f.cases >= 1 && f.cases < 10 && f.counties <= 1,
      (f) => `一个县内一个平均潜伏期内病例 < 10 例（现 ${f.cases} 例）`,
      (f) => `< 10 cases in one county within one incubation period (now ${f.cases})`),
  ],
  cholera: [
    rule('II', 'cases30', (f) => f.cases >= 30,
      (f) => `一个市（地）内 1 周内发病 ≥ 30 例（现 ${f.cases} 例）`,
      (f) => `≥ 30 cases in one prefecture within 1 week (now ${f.cases})`),
    rule('II', 'prefectures', (f) => f.prefectures >= 2 && f.spreading,
      (f) => `波及 2 个及以上市（地）并有扩散趋势（现 ${f.prefectures} 个）`,
      (f) => `≥ 2 prefectures affected, spreading (now ${f.prefectures})`),
    rule('III', 'cases10to29', (f) => f.cases >= 10 && f.cases <= 29,
      (f) => `一个县内 1 周内发病 10–29 例（现 ${f.cases} 例）`,
      (f) => `10–29 cases in one county within 1 week (now ${f.cases})`),
    rule('III', 'counties', (f) => f.counties >= 2,
      (f) => `波及 2 个及以上县（现 ${f.counties} 个）`,
      (f) => `≥ 2 counties affected (now ${f.counties})`),
    rule('IV', 'casesUpTo9', (f) => f.cases >= 1 && f.cases <= 9 && f.counties <= 1,
      (f) => `一个县内 1 周内发病 ≤ 9 例（现 ${f.cases} 例）`,
      (f) => `≤ 9 cases in one county within 1 week (now ${f.cases})`),
  ],
  sarsHpai: [
    rule('I', 'spreading', (f) => f.cases >= 1 && f.spreading,
      (f) => `发生${f.name['zh-CN']}病例并有扩散趋势（现 ${f.cases} 例）`,
      (f) => `${f.name.en} cases with a spreading trend (now ${f.cases})`),
    rule('II', 'case', (f) => f.cases >= 1,
      (f) => `发生${f.name['zh-CN']}疑似或确诊病例（现 ${f.cases} 例）`,
      (f) => `a suspected or confirmed ${f.name.en} case (now ${f.cases})`),
  ],
  classBC: [
    // §2.2 reads the plan's "超过前5年同期平均发病水平2倍以上" as "> 2 × the mean"; the usual Chinese
    // reading of "超过N倍" (exceeds by N times) would be > 3 ×. Kept as §2.2 says; a person confirms.
    rule('II', 'counties', (f) => f.counties >= 2 && f.incidenceRatio !== null && f.incidenceRatio > 2,
      (f) => `波及 2 个及以上县，1 周内发病水平超过前 5 年同期平均 2 倍（现 ${f.counties} 个县，比值 ${ratio(f)}）`,
      (f) => `≥ 2 counties with weekly incidence > 2 × the mean of the same period in the previous 5 years (now ${f.counties} counties, ratio ${ratioEn(f)})`),
    // [M] the plan's Grade III item (4); "超过…1倍以上" read as "at least double" (exceeding the mean by 100 %).
    rule('III', 'county', (f) => f.incidenceRatio !== null && f.incidenceRatio >= 2,
      (f) => `一个县内 1 周内发病水平超过前 5 年同期平均水平 1 倍以上（比值 ≥ 2；现 ${ratio(f)}）`,
      (f) => `weekly incidence in one county at least double the mean of the same period in the previous 5 years (ratio ≥ 2; now ${ratioEn(f)})`),
  ],
  foodPoisoning: [
    rule('II', 'peopleAndDeath', (f) => f.people > 100 && f.deaths >= 1,
      (f) => `一次中毒 > 100 人并出现死亡（现 ${f.people} 人，死亡 ${f.deaths} 人）`,
      (f) => `> 100 people poisoned with a death (now ${f.people}, ${f.deaths} deaths)`),
    rule('II', 'deaths10', (f) => f.deaths >= 10, (f) => `死亡 ≥ 10 人（现 ${f.deaths} 人）`, (f) => `≥ 10 deaths (now ${f.deaths})`),
    // The plan's III says "超过100人" and IV "30–99人": exactly 100 falls between them; suggest the higher.
    rule('III', 'people100', (f) => f.people >= 100,
      (f) => `一次中毒超过 100 人（恰 100 人按此级提示；现 ${f.people} 人）`,
      (f) => `over 100 people poisoned (exactly 100 is suggested here; now ${f.people})`),
    rule('III', 'death', (f) => f.deaths >= 1, (f) => `出现死亡病例（现 ${f.deaths} 人）`, (f) => `any death (now ${f.deaths})`),
    rule('IV', 'people30to99', (f) => f.people >= 30 && f.people <= 99 && f.deaths === 0,
      (f) => `一次中毒 30–99 人，无死亡（现 ${f.people} 人）`,
      (f) => `30–99 people poisoned, no death (now ${f.people})`),
  ],
  unknownCause: [
    rule('I', 'provinces', (f) => f.provinces >= 2 && f.spreading,
      (f) => `在多个省份发生并有扩散趋势（现 ${f.provinces} 个省）`,
      (f) => `in several provinces, spreading (now ${f.provinces})`),
    rule('II', 'counties', (f) => f.counties >= 2,
      (f) => `波及 2 个及以上县（现 ${f.counties} 个）`,
      (f) => `≥ 2 counties affected (now ${f.counties})`),
    // [M] the plan's Grade III item (5); see the note at the top.
    rule('III', 'county', (f) => f.cases >= 1,
      (f) => `在一个县内发现群体性不明原因疾病（现 ${f.cases} 例）`,
      (f) => `an unknown-cause cluster found in one county (now ${f.cases} cases)`),
  ],
  newDisease: [
    rule('I', 'spreading', (f) => f.cases >= 1 && f.spreading,
      () => '新传染病或我国尚未发现的传染病发生或传入并有扩散趋势，或已消灭的传染病重新流行',
      () => 'a new disease, or one not yet found in China, occurs or is imported and spreads; or an eliminated disease re-emerges'),
    rule('II', 'notSpread', (f) => f.cases >= 1 && !f.spreading,
      () => '我国尚未发现的传染病发生或传入，尚未造成扩散',
      () => 'a disease not yet found in China occurs or is imported, not yet spread'),
  ],
};
