// Wording helpers of the /plan page, pure so they are tested without a browser: zone kinds in the
// UI language from the profile (the profile, not the app, names its kinds), numbers with
// thousands separators, areas in m² or km², dates as the short 'M月D日' / 'Jun 21'.
import type { ProfileSummary } from '../../stores/plan-types.ts';

export function kindLabel(profile: ProfileSummary | null, kind: string, locale: string): string {
  const label = profile?.zones[kind]?.label;
  if (!label) return kind;
  return locale === 'en' ? label.en : label.zh;
}

export const kindColour = (profile: ProfileSummary | null, kind: string): string => profile?.zones[kind]?.colour ?? '#888888';

/** Kinds ranked below `kind` in the profile, strictest first: where a downgrade may go. */
export function lowerKinds(profile: ProfileSummary | null, kind: string): string[] {
  const rank = profile?.zones[kind]?.rank;
  if (!profile || rank === undefined) return [];
  return profile.zoneKinds.filter((k) => (profile.zones[k]?.rank ?? rank) < rank)
    .sort((a, b) => profile.zones[b].rank - profile.zones[a].rank);
}

/** The kinds stricter than `kind`, mildest first (2021: a 管控区 with a new positive → 封控区). */
export function higherKinds(profile: ProfileSummary | null, kind: string): string[] {
  const rank = profile?.zones[kind]?.rank;
  if (!profile || rank === undefined) return [];
  return profile.zoneKinds.filter((k) => (profile.zones[k]?.rank ?? rank) > rank)
    .sort((a, b) => profile.zones[a].rank - profile.zones[b].rank);
}

export function formatNumber(n: number, locale: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits }).format(n);
}

/** Square metres below 0.1 km² (a compound), square kilometres above (a township). */
export function areaParts(squareMeters: number): { unit: 'm2' | 'km2'; value: number; digits: number } {
  if (squareMeters < 100_000) return { unit: 'm2', value: Math.round(squareMeters), digits: 0 };
  const km2 = squareMeters / 1_000_000;
  return { unit: 'km2', value: km2, digits: km2 < 10 ? 2 : 1 };
}

/** 'YYYY-MM-DD' → '6月21日' or 'Jun 21' (the year is the incident's, shown elsewhere). */
export function shortDate(date: string | null | undefined, locale: string): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return date ?? '';
  if (locale !== 'en') return `${Number(m[2])}月${Number(m[3])}日`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${months[Number(m[2]) - 1]} ${Number(m[3])}`;
}

/** An ISO instant as Shanghai 'YYYY-MM-DD HH:mm' (the incident's clock, whatever the browser's zone). */
export function shanghaiTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
