// Why a zone is proposed, in Chinese and English, one line per exposure: what the planner reads
// before accepting it ("病例居住地（小区）", "病例活动场所：市场 2022-06-03 09:00–10:30").
import type { ProposalExposure, ProposalUnit } from './propose-types.ts';

const PLACE_KIND: Record<string, [zh: string, en: string]> = {
  compound: ['小区', 'compound'],
  naturalVillage: ['自然村', 'natural village'],
  workplace: ['工作场所', 'workplace'],
  school: ['学校', 'school'],
  market: ['市场', 'market'],
  clinic: ['诊所', 'clinic'],
  publicBuilding: ['公共建筑', 'public building'],
  square: ['广场', 'square'],
};

const RESIDENCE_UNIT: Partial<Record<ProposalUnit, [zh: string, en: string]>> = {
  building: ['楼栋', 'building'],
  compound: ['小区', 'compound'],
  village: ['村', 'village'],
  grid: ['网格', 'grid'],
};

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai (UTC+8, no DST). */
const local = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** '2022-06-03 09:00–10:30', or '2022-06-03 22:00–06-04 01:00' across midnight. */
export function stayText(startAt: string, endAt: string): string {
  const a = local(startAt), b = local(endAt);
  return `${a}–${a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b.slice(5)}`;
}

export function residenceReason(unit: ProposalUnit): { reason: string; reasonEn: string } {
  const [zh, en] = RESIDENCE_UNIT[unit] ?? ['场所', 'place'];
  return { reason: `病例居住地（${zh}）`, reasonEn: `case residence (${en})` };
}

export function activityReason(e: ProposalExposure): { reason: string; reasonEn: string } {
  const [zh, en] = PLACE_KIND[e.placeKind ?? ''] ?? ['场所', 'place'];
  const when = stayText(e.startAt, e.endAt);
  return { reason: `病例活动场所：${zh} ${when}`, reasonEn: `case activity place: ${en} ${when}` };
}
