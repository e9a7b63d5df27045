// Suggested event grades from the 2006 national plan (domain-rules.md §2.2) at each rule's boundary.
import { describe, expect, it } from 'vitest';
import { gradeWindowDays, recogniseDisease } from '../../../domain/incident/diseases.ts';
import { GRADE_COLOUR, suggestGrade, type GradeFacts } from '../../../domain/incident/grade.ts';

const facts = (over: Partial<GradeFacts>): GradeFacts => ({ disease: 'cholera', casesInWindow: 0, countiesAffected: 1, deaths: 0, spreading: false, ...over });
const grade = (over: Partial<GradeFacts>) => suggestGrade(facts(over)).grade;
const met = (over: Partial<GradeFacts>) => suggestGrade(facts(over)).criteria.filter((c) => c.met).map((c) => c.key);

describe('cholera: cases in 1 week', () => {
  it.each([[0, null], [1, 'IV'], [9, 'IV'], [10, 'III'], [29, 'III'], [30, 'II'], [120, 'II']] as const)('%i cases → %s', (cases, g) => {
    expect(grade({ casesInWindow: cases })).toBe(g);
  });
  it('≥ 2 counties is III; ≥ 2 prefectures is II only while spreading', () => {
    expect(grade({ casesInWindow: 3, countiesAffected: 2 })).toBe('III');
    expect(grade({ casesInWindow: 3, countiesAffected: 2, prefecturesAffected: 2 })).toBe('III');
    expect(grade({ casesInWindow: 3, countiesAffected: 2, prefecturesAffected: 2, spreading: true })).toBe('II');
  });
  it('names the criteria it met, with the fact in the text', () => {
    const s = suggestGrade(facts({ casesInWindow: 12 }));
    expect(s).toMatchObject({ applicable: true, grade: 'III', colour: 'yellow' });
    expect(s.criteria.map((c) => c.key)).toEqual(['II.cases30', 'II.prefectures', 'III.cases10to29', 'III.counties', 'IV.casesUpTo9']);
    const hit = s.criteria.find((c) => c.met)!;
    expect(hit.text['zh-CN']).toBe('III 级：一个县内 1 周内发病 10–29 例（现 12 例）');
    expect(hit.text.en).toBe('Grade III: 10–29 cases in one county within 1 week (now 12)');
  });
});

describe('pneumonic plague and pulmonary anthrax: cases in one incubation period (6 days)', () => {
  it('4 cases in one county → III, 5 → II; linked cases in 2 counties → II', () => {
    expect(grade({ disease: '肺鼠疫', casesInWindow: 4 })).toBe('III');
    expect(grade({ disease: '肺鼠疫', casesInWindow: 5 })).toBe('II');
    expect(grade({ disease: 'pulmonary anthrax', casesInWindow: 1, countiesAffected: 2 })).toBe('II');
    expect(met({ disease: '肺鼠疫', casesInWindow: 4, countiesAffected: 2 })).toEqual(['II.counties']);
  });
  it('Grade I in a large or medium city while spreading, or across ≥ 2 provinces while spreading', () => {
    expect(grade({ disease: 'pneumonic plague', casesInWindow: 2, largeOrMediumCity: true })).toBe('III');
    expect(grade({ disease: 'pneumonic plague', casesInWindow: 2, largeOrMediumCity: true, spreading: true })).toBe('I');
    expect(grade({ disease: 'pneumonic plague', casesInWindow: 6, countiesAffected: 3, provincesAffected: 2, spreading: true })).toBe('I');
    expect(suggestGrade(facts({ disease: 'pneumonic plague', casesInWindow: 2, largeOrMediumCity: true, spreading: true })).colour).toBe('red');
  });
  it('uses a 6-day window for plague and 7 days for cholera and class B/C', () => {
    expect(gradeWindowDays('肺鼠疫')).toBe(6);
    expect(gradeWindowDays('腺鼠疫')).toBe(6);
    expect(gradeWindowDays('霍乱')).toBe(7);
    expect(gradeWindowDays('norovirus')).toBe(7);
    expect(gradeWindowDays('COVID-19')).toBe(6);
  });
});

describe('bubonic plague', () => {
  it.each([[9, 'IV'], [10, 'III'], [19, 'III'], [20, 'II']] as const)('%i cases → %s', (cases, g) => {
    expect(grade({ disease: 'bubonic plague', casesInWindow: cases })).toBe(g);
  });
  it('≥ 2 counties → III, ≥ 2 prefectures → II', () => {
    expect(grade({ disease: '腺鼠疫', casesInWindow: 2, countiesAffected: 2 })).toBe('III');
    expect(grade({ disease: '腺鼠疫', casesInWindow: 2, countiesAffected: 2, prefecturesAffected: 2 })).toBe('II');
  });
});

describe('SARS and human HPAI', () => {
  it('a suspected case → II; cases spreading → I', () => {
    expect(grade({ disease: 'SARS', casesInWindow: 1 })).toBe('II');
    expect(grade({ disease: '人感染高致病性禽流感', casesInWindow: 1, spreading: true })).toBe('I');
    expect(grade({ disease: 'H5N1', casesInWindow: 0 })).toBeNull();
  });
});

describe('food poisoning: people poisoned in one event and deaths', () => {
  it.each([
    [29, 0, null], [30, 0, 'IV'], [99, 0, 'IV'], [100, 0, 'III'], [101, 0, 'III'], [20, 1, 'III'],
    [101, 1, 'II'], [40, 9, 'III'], [40, 10, 'II'],
  ] as const)('%i people, %i deaths → %s', (people, deaths, g) => {
    expect(grade({ disease: '食物中毒', casesInWindow: 0, exposed: people, deaths })).toBe(g);
  });
  it('counts cases as the people poisoned when `exposed` is not given', () => {
    expect(grade({ disease: 'food poisoning', casesInWindow: 35 })).toBe('IV');
  });
});

describe('unknown-cause clusters, new diseases, class B/C diseases', () => {
  it('unknown cause: one county III, ≥ 2 counties II, several provinces spreading I', () => {
    expect(grade({ disease: '群体性不明原因疾病', casesInWindow: 6 })).toBe('III');
    expect(grade({ disease: '群体性不明原因疾病', casesInWindow: 6, countiesAffected: 2 })).toBe('II');
    expect(grade({ disease: '群体性不明原因疾病', casesInWindow: 6, countiesAffected: 4, provincesAffected: 2, spreading: true })).toBe('I');
  });
  it('a new disease: II before it spreads, I once it does', () => {
    expect(grade({ disease: '新发传染病', casesInWindow: 1 })).toBe('II');
    expect(grade({ disease: 'new infectious disease', casesInWindow: 1, spreading: true })).toBe('I');
  });
  it('norovirus (class C): by the ratio to the 5-year mean, II only across ≥ 2 counties', () => {
    expect(grade({ disease: 'norovirus', casesInWindow: 40 })).toBeNull(); // no baseline given
    expect(suggestGrade(facts({ disease: 'norovirus', casesInWindow: 40 })).criteria[1].text.en).toMatch(/ratio ≥ 2; now not given/);
    expect(grade({ disease: 'norovirus', casesInWindow: 40, incidenceRatio: 1.9 })).toBeNull();
    expect(grade({ disease: 'norovirus', casesInWindow: 40, incidenceRatio: 2 })).toBe('III');
    expect(grade({ disease: 'norovirus', casesInWindow: 40, incidenceRatio: 2, countiesAffected: 2 })).toBe('III');
    expect(grade({ disease: '诺如病毒', casesInWindow: 40, incidenceRatio: 2.1, countiesAffected: 2 })).toBe('II');
  });
});

describe('not applicable', () => {
  it('COVID-19: the criteria do not map; says what a person should weigh', () => {
    for (const disease of ['COVID-19', 'covid', '新冠肺炎', 'SARS-CoV-2']) {
      const s = suggestGrade(facts({ disease, casesInWindow: 500, countiesAffected: 3, spreading: true }));
      expect(s).toMatchObject({ applicable: false, grade: null, colour: null });
      expect(s.criteria).toHaveLength(1);
      expect(s.criteria[0]).toMatchObject({ key: 'not_covered', met: false });
      expect(s.criteria[0].text['zh-CN']).toMatch(/社区传播/);
      expect(s.criteria[0].text.en).toMatch(/community transmission/);
    }
  });
  it('an unrecognised disease names itself in the explanation', () => {
    const s = suggestGrade(facts({ disease: 'Ebola-like illness', casesInWindow: 3 }));
    expect(s).toMatchObject({ applicable: false, grade: null, colour: null });
    expect(s.criteria[0].text.en).toMatch(/"Ebola-like illness" is not recognised/);
    expect(recogniseDisease('plague')).toBeNull(); // the form decides the rules: say pneumonic or bubonic
  });
  it('rejects impossible counts', () => {
    expect(() => suggestGrade(facts({ casesInWindow: -1 }))).toThrow(RangeError);
    expect(() => suggestGrade(facts({ casesInWindow: 2.5 }))).toThrow(RangeError);
  });
});

describe('GRADE_COLOUR', () => {
  it('maps I red, II orange, III yellow, IV blue (§2.3 default), and the suggestion uses it', () => {
    expect(GRADE_COLOUR).toEqual({ I: 'red', II: 'orange', III: 'yellow', IV: 'blue' });
    expect(suggestGrade(facts({ casesInWindow: 3 })).colour).toBe('blue');
    expect(suggestGrade(facts({ casesInWindow: 30 })).colour).toBe('orange');
  });
});
