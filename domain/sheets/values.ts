// Cell text → typed value, the ways Chinese sheets write them: full-width digits (NFKC), ID numbers
// with a lower-case x or Excel's text apostrophe, phones with +86 or dashes, 男/女, "35岁",
// categories in Chinese (确诊, 无症状, 疑似, 密接, 次密接, 风险人员), dates as 2022-06-05,
// 2022/6/5, 2022.6.5, 2022年6月5日, 20220605 or an Excel serial (days since 1899-12-30), times
// in Asia/Shanghai unless an offset is given. Each returns null for a value it cannot read.
import type { PersonCategory } from '../layers.ts';
import { isValidIdNumber } from '../people/id-number.ts';
import { CONTACT_TYPES, type ContactType } from '../schemas/imports.ts';

/** Full-width → half-width, trimmed, Excel's leading text apostrophe dropped. */
export const clean = (text: string): string => text.normalize('NFKC').trim().replace(/^'/, '').trim();

export function parseIdNumber(text: string): string | null {
  const id = clean(text).replace(/\s+/g, '').toUpperCase();
  return isValidIdNumber(id) ? id : null;
}

export function parsePhone(text: string): string | null {
  const p = clean(text).replace(/[\s\-()]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(p) ? p : null;
}

const SEX: Record<string, 'male' | 'female'> = { 男: 'male', 男性: 'male', m: 'male', male: 'male', 女: 'female', 女性: 'female', f: 'female', female: 'female' };
export const parseSex = (text: string): 'male' | 'female' | null => SEX[clean(text).toLowerCase()] ?? null;

export function parseAge(text: string): number | null {
  const m = /^(\d{1,3})(?:\.0+)?\s*(?:岁|周岁)?$/.exec(clean(text));
  const age = m ? Number(m[1]) : NaN;
  return age >= 0 && age <= 130 ? age : null;
}

const CATEGORY: Record<string, PersonCategory> = {
  确诊: 'confirmed', 确诊病例: 'confirmed', confirmed: 'confirmed',
  无症状: 'asymptomatic', 无症状感染者: 'asymptomatic', asymptomatic: 'asymptomatic',
  疑似: 'suspected', 疑似病例: 'suspected', suspected: 'suspected',
  密接: 'closeContact', 密切接触者: 'closeContact', closecontact: 'closeContact',
  次密接: 'secondaryContact', 密接的密接: 'secondaryContact', 次密切接触者: 'secondaryContact', secondarycontact: 'secondaryContact',
  风险人员: 'atRiskTraveller', 重点人员: 'atRiskTraveller', 风险地区来返人员: 'atRiskTraveller', atrisktraveller: 'atRiskTraveller',
};
export const parseCategory = (text: string): PersonCategory | null => CATEGORY[clean(text).replace(/\s+/g, '').toLowerCase()] ?? null;

const CONTACT: [RegExp, ContactType][] = [
  [/同住|家庭|家人|共同居住|household/i, 'household'], [/同事|工作|同单位|work/i, 'work'],
  [/社交|聚餐|朋友|聚会|social/i, 'social'], [/同乘|交通|乘车|同车|航班|transport/i, 'transport'],
  [/就医|医疗|医院|healthcare/i, 'healthcare'], [/其他|其它|other/i, 'other'],
];
export function parseContactType(text: string): ContactType | null {
  const t = clean(text);
  if ((CONTACT_TYPES as readonly string[]).includes(t)) return t as ContactType;
  return CONTACT.find(([re]) => re.test(t))?.[1] ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function ymd(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;

/** The calendar day a cell names (a time after it is ignored), as YYYY-MM-DD. */
export function parseDate(text: string): string | null {
  const t = clean(text);
  let m = DATE.exec(t);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(\.\d+)?$/.test(t)) { // an Excel serial date left in a General-formatted cell
    const d = new Date(EXCEL_EPOCH_MS + Math.floor(Number(t)) * 86_400_000);
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

/** An instant: an ISO time with offset as given, else a date with an optional HH:mm(:ss) read as
 * Asia/Shanghai (UTC+8, no daylight saving since 1991), or an Excel serial with its day fraction;
 * returned as ISO UTC. */
export function parseDateTime(text: string): string | null {
  const t = clean(text);
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (/^\d{5}(\.\d+)?$/.test(t)) { // serial days; Excel's clock is the sheet's wall clock (Shanghai)
    const d = new Date(EXCEL_EPOCH_MS + Math.round(Number(t) * 86_400) * 1000 - 8 * 3_600_000);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const m = DATE.exec(t) ?? /^(\d{4})(\d{2})(\d{2})/.exec(t);
  const day = m && ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!m || !day) return null;
  const rest = t.slice(m[0].length).trim().replace(/[分秒]$/, '');
  const time = /^T?\s*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2})(?:\.\d+)?)?$/.exec(rest);
  if (rest && !time) return null;
  const [h, mi, s] = time ? [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)] : [0, 0, 0];
  if (h > 23 || mi > 59 || s > 59) return null;
  return new Date(`${day}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`).toISOString();
}

export function parseCoordinate(text: string): number | null {
  const t = clean(text);
  return /^-?\d{1,3}(\.\d+)?$/.test(t) ? Number(t) : null;
}
