// What the wall's panels show, as pure functions: level colours for a dark screen, short dates,
// times on the Asia/Shanghai clock, the incident's day number, short site names.
import { daysBetween, shanghaiDate } from '../../../domain/zones/calendar.ts';
import type { Colour, WallSite } from '../../stores/wall-types.ts';

/** The warning colours, brightened to read on the wall's dark background. */
export const LEVEL_HEX: Record<Colour, string> = { red: '#ff4d4f', orange: '#ff9f1c', yellow: '#ffd60a', blue: '#3fa7ff' };

/** An overdue step's escalation level (domain/loop/overdue.ts) as its alert colour. */
export const escalationHex = (level: 1 | 2 | 3): string => LEVEL_HEX[level === 3 ? 'red' : level === 2 ? 'orange' : 'yellow'];

/** 'YYYY-MM-DD' → 'MM-DD', the epi curve's axis. */
export const monthDay = (date: string): string => date.slice(5);

const TIME = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = TIME.get(key);
  if (!f) TIME.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', hourCycle: 'h23', ...opts })));
  return f;
}

/** 'HH:mm' of an instant in Shanghai. */
export const clockTime = (ms: number, locale: string, seconds = false): string =>
  fmt(locale, { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(ms);

/** The Shanghai date of an instant with its weekday, e.g. '2022年6月18日 星期六'. */
export const clockDate = (ms: number, locale: string): string =>
  fmt(locale, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(ms);

/** The incident's day number: its first Shanghai day is day 1. */
export const incidentDay = (startedAt: string, today: string): number => daysBetween(shanghaiDate(startedAt), today) + 1;

/** A zone kind's name from the summary in the UI language; 'Sealed area' → 'Sealed', since the
 * tile and the legend say these are areas. */
export const zoneKindLabel = (label: { zh: string; en: string }, locale: string): string =>
  (locale === 'en' ? label.en.replace(/ (area|zone)$/i, '') : label.zh);

/** Site names end in their kind (…集中隔离点); the panel's title already says it. */
export const shortSiteName = (name: string): string => name.replace(/(集中)?隔离(点|酒店)$/, '') || name;

/** Sites for the occupancy bars: in service first, then by occupancy ratio, fullest first. */
export function sitesByLoad(sites: readonly WallSite[]): WallSite[] {
  const ratio = (s: WallSite) => (s.total > 0 ? s.occupied / s.total : 0);
  const rank = (s: WallSite) => (s.status === 'active' ? 0 : s.status === 'standby' ? 1 : 2);
  return [...sites].sort((a, b) => rank(a) - rank(b) || ratio(b) - ratio(a) || a.id - b.id);
}
