// A suggested event grade (I–IV) and warning colour for an incident (issue 7 item 4), from the
// 2006 national plan's criteria (domain-rules.md §2.2, tables in grade-rules.ts). It only ever
// suggests: a commander confirms the grade (PUT /incidents/{id}/grade), and the suggestion never
// sets itself. Every criterion of the disease comes back met or not met with its text, so the
// person confirming sees what was and was not tested; facts the plan needs that the system cannot
// know (a large or medium city, other provinces, a 5-year baseline) are optional inputs.
import type { AlertLevel, Grade, GradeCriterion, GradeSuggestion } from '../analysis/types.ts';
import { recogniseDisease } from './diseases.ts';
import { RULES, type Facts } from './grade-rules.ts';

export interface GradeFacts {
  disease: string;
  /** Cases in the disease's counting window: one mean incubation period (6 days) for plague, 1
   * week for cholera and class B/C diseases (gradeWindowDays in diseases.ts). */
  casesInWindow: number;
  countiesAffected: number;
  deaths: number;
  /** Food poisoning: people poisoned in the one event (default: casesInWindow). */
  exposed?: number;
  spreading: boolean;
  /** Default: 1 when any county is affected (a township system sees one prefecture, one province). */
  prefecturesAffected?: number;
  provincesAffected?: number;
  /** Pneumonic plague / pulmonary anthrax Grade I: it occurs in a large or medium city. */
  largeOrMediumCity?: boolean;
  /** Class B/C diseases: this week's incidence ÷ the mean of the same week in the previous 5 years. */
  incidenceRatio?: number;
}

/** Default warning colour of each grade: 特别严重 red, 严重 orange, 较重 yellow, 一般 blue
 * (《突发事件应对法》 Art. 42 and the 总体预案; domain-rules.md §2.3). Colour and grade stay two
 * fields: the confirming person may pick another colour. */
export const GRADE_COLOUR: Readonly<Record<Grade, AlertLevel>> = Object.freeze({ I: 'red', II: 'orange', III: 'yellow', IV: 'blue' });

const COVID_NOTE: GradeCriterion['text'] = {
  'zh-CN': '《国家突发公共卫生事件应急预案》（2006）的分级标准不能直接套用于新冠：它没有新冠病例数的分级条款，乙、丙类条款以前 5 年同期发病水平为基准，新冠没有这一基准；2020 年初各省按 I 级启动响应，与病例数并不对应（domain-rules.md §2.2 注）。请指挥部综合判断后确认分级：病例和无症状感染者数及增长趋势、是否出现社区传播、波及的乡镇和县数、医疗与隔离资源的承载，以及上级已启动的响应级别。',
  en: 'The criteria of the 2006 national plan do not apply to COVID-19 directly: they have no COVID case-count thresholds, the class B/C rule compares with the mean of the same period in the previous 5 years, which COVID-19 does not have, and provinces started Grade-I responses in early 2020 whatever their counts (domain-rules.md §2.2 note). The command should weigh the cases and asymptomatic infections and their trend, whether there is community transmission, how many townships and counties are affected, the load on hospitals and quarantine sites, and the response level already set by higher authorities, then confirm a grade.',
};

function notApplicable(text: GradeCriterion['text']): GradeSuggestion {
  return { applicable: false, grade: null, colour: null, criteria: [{ key: 'not_covered', met: false, text }] };
}

function count(name: string, v: number | undefined, fallback: number): number {
  const x = v ?? fallback;
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`${name} must be a whole number ≥ 0, got ${x}`);
  return x;
}

/** The grade the plan's criteria point to for these facts (the highest grade with a criterion met;
 * null when none is), its default colour and every criterion checked. `applicable: false` when the
 * plan's criteria do not cover the disease (COVID-19, or a disease string not recognised). */
export function suggestGrade(f: GradeFacts): GradeSuggestion {
  const disease = recogniseDisease(f.disease);
  if (disease?.family === 'covid19') return notApplicable(COVID_NOTE);
  if (!disease) {
    return notApplicable({
      'zh-CN': `未识别的病种「${f.disease}」：分级标准（鼠疫、肺炭疽、霍乱、传染性非典型肺炎、人感染高致病性禽流感、乙丙类传染病、食物中毒、群体性不明原因疾病、新传染病）无法自动套用。请按《国家突发公共卫生事件应急预案》原文或上级卫生行政部门的认定确定分级。`,
      en: `Disease "${f.disease}" is not recognised, so the plan's criteria (plague, pulmonary anthrax, cholera, SARS, human HPAI, class B/C diseases, food poisoning, unknown-cause clusters, new diseases) cannot be applied automatically. Grade it from the 2006 national plan's text or as the health authority above designates.`,
    });
  }
  const counties = count('countiesAffected', f.countiesAffected, 0);
  const area = counties > 0 ? 1 : 0;
  const facts: Facts = {
    name: disease.name,
    cases: count('casesInWindow', f.casesInWindow, 0),
    counties,
    prefectures: count('prefecturesAffected', f.prefecturesAffected, area),
    provinces: count('provincesAffected', f.provincesAffected, area),
    deaths: count('deaths', f.deaths, 0),
    people: count('exposed', f.exposed, f.casesInWindow),
    spreading: f.spreading,
    largeOrMediumCity: f.largeOrMediumCity ?? false,
    incidenceRatio: f.incidenceRatio ?? null,
  };
  if (facts.incidenceRatio !== null && !(facts.incidenceRatio >= 0)) throw new RangeError(`incidenceRatio must be ≥ 0, got ${f.incidenceRatio}`);
  const rules = RULES[disease.family];
  const criteria = rules.map((r): GradeCriterion => ({
    key: `${r.grade}.${r.key}`,
    met: r.met(facts),
    text: { 'zh-CN': `${r.grade} 级：${r.zh(facts)}`, en: `Grade ${r.grade}: ${r.en(facts)}` },
  }));
  const first = criteria.findIndex((c) => c.met); // tables run grade I → IV
  const grade = first < 0 ? null : rules[first].grade;
  return { applicable: true, grade, colour: grade ? GRADE_COLOUR[grade] : null, criteria };
}
