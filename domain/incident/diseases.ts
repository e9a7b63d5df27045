// Which grading rules of the 2006 national plan (domain-rules.md §2.2) an incident's `disease`
// string falls under. The values in use today: 'COVID-19' (the demo incident, geodata/facilities/
// profiles.ts; the COVID rule profiles) and 'norovirus' (domain/zones/profiles/generic-norovirus-
// school.v1.json). Others are recognised by their usual Chinese and English names. Matching is
// exact on a normalised key (NFKC, lower case, no spaces or punctuation), never by substring:
// 'SARS-CoV-2' must not read as SARS. Unknown strings get no family, and no suggested grade.

export type DiseaseFamily =
  | 'pneumonicPlague' // pneumonic plague and pulmonary anthrax share their rules in the plan
  | 'bubonicPlague'
  | 'cholera'
  | 'sarsHpai' // SARS and human highly pathogenic avian influenza
  | 'classBC' // the other class B/C notifiable diseases (传染病防治法, 2004, Art. 3)
  | 'foodPoisoning'
  | 'unknownCause' // 群体性不明原因疾病
  | 'newDisease' // a new disease, one not yet found in China, or an eliminated one returning
  | 'covid19'; // recognised so the answer can say why the plan's criteria do not fit

export interface RecognisedDisease { family: DiseaseFamily; name: { 'zh-CN': string; en: string } }

type Entry = [DiseaseFamily, string, string, string[]]; // family, zh-CN name, English name, aliases

const ENTRIES: Entry[] = [
  ['covid19', '新型冠状病毒感染', 'COVID-19',
    ['covid19', 'covid', 'sarscov2', '2019ncov', 'ncov', '新冠', '新冠肺炎', '新型冠状病毒肺炎', '新型冠状病毒感染']],
  ['pneumonicPlague', '肺鼠疫', 'pneumonic plague', ['pneumonicplague', '肺鼠疫']],
  ['pneumonicPlague', '肺炭疽', 'pulmonary anthrax', ['pulmonaryanthrax', 'inhalationanthrax', '肺炭疽']],
  ['bubonicPlague', '腺鼠疫', 'bubonic plague', ['bubonicplague', '腺鼠疫']],
  ['cholera', '霍乱', 'cholera', ['cholera', '霍乱']],
  ['sarsHpai', '传染性非典型肺炎', 'SARS', ['sars', '传染性非典型肺炎', '非典']],
  ['sarsHpai', '人感染高致病性禽流感', 'human HPAI', ['hpai', 'humanhpai', 'h5n1', '人感染高致病性禽流感', '高致病性禽流感']],
  ['foodPoisoning', '食物中毒', 'food poisoning', ['foodpoisoning', '食物中毒']],
  ['unknownCause', '群体性不明原因疾病', 'unknown-cause cluster', ['unknowncause', 'unknowncausecluster', 'unexplainedcluster', '不明原因疾病', '群体性不明原因疾病']],
  ['newDisease', '新传染病', 'new infectious disease', ['newdisease', 'newinfectiousdisease', 'novelinfectiousdisease', '新传染病', '新发传染病']],
  // Class C: 其他感染性腹泻病 (infectious diarrhoea other than cholera, dysentery, typhoid) holds
  // norovirus; influenza, mumps and hand-foot-and-mouth disease (added 2008) are class C too.
  ['classBC', '诺如病毒感染', 'norovirus', ['norovirus', '诺如病毒', '诺如病毒感染', '诺如病毒感染暴发']],
  ['classBC', '其他感染性腹泻病', 'other infectious diarrhoea', ['infectiousdiarrhoea', 'infectiousdiarrhea', '其他感染性腹泻病', '感染性腹泻']],
  ['classBC', '流行性感冒', 'influenza', ['influenza', 'flu', '流行性感冒', '流感']],
  ['classBC', '流行性腮腺炎', 'mumps', ['mumps', '流行性腮腺炎']],
  ['classBC', '手足口病', 'hand, foot and mouth disease', ['hfmd', 'handfootandmouthdisease', 'handfootmouthdisease', '手足口病']],
  // Class B.
  ['classBC', '麻疹', 'measles', ['measles', '麻疹']],
  ['classBC', '细菌性和阿米巴性痢疾', 'dysentery', ['dysentery', '痢疾', '细菌性痢疾', '细菌性和阿米巴性痢疾']],
  ['classBC', '伤寒和副伤寒', 'typhoid and paratyphoid', ['typhoid', 'paratyphoid', '伤寒', '副伤寒', '伤寒和副伤寒']],
  ['classBC', '登革热', 'dengue', ['dengue', '登革热']],
  ['classBC', '猩红热', 'scarlet fever', ['scarletfever', '猩红热']],
];

export function normaliseDisease(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

const BY_KEY = new Map<string, RecognisedDisease>();
for (const [family, zh, en, aliases] of ENTRIES) {
  for (const alias of aliases) BY_KEY.set(normaliseDisease(alias), { family, name: { 'zh-CN': zh, en } });
}

/** The grading family and display names of a disease string, or null when it is not recognised. */
export function recogniseDisease(disease: string): RecognisedDisease | null {
  return BY_KEY.get(normaliseDisease(disease)) ?? null;
}

/** How many days `GradeFacts.casesInWindow` should cover for this disease: one mean incubation
 * period (6 days) for plague, as the plan counts; 1 week for cholera and class B/C diseases; 6
 * otherwise (the caller's default; those rules do not count cases in a window). */
export function gradeWindowDays(disease: string): number {
  const family = recogniseDisease(disease)?.family;
  return family === 'cholera' || family === 'classBC' ? 7 : 6;
}
