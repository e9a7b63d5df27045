// Address strings in the Chinese order of domain-rules.md §5.1 (province → city → district →
// town → community/village → road → door number → compound → building → unit → room), and the
// parts as JSON with the label names of §5.3. The parts are the literal pieces of the string,
// so the address is always the prefix followed by the present parts in order.
import type { DwellingDraft } from '../model.ts';

export const ADDRESS_PREFIX = '河北省邯郸市峰峰矿区';
export const PART_ORDER = ['town', 'community', 'road', 'roadno', 'poi', 'houseno', 'cellno', 'floorno', 'roomno'] as const;
export type AddressParts = Partial<Record<(typeof PART_ORDER)[number], string>>;

export function addressOf(town: string, community: string, d: DwellingDraft): { address: string; parts: AddressParts } {
  const parts: AddressParts = { town, community };
  if (d.road) parts.road = d.road;
  if (d.roadno) parts.roadno = d.roadno;
  if (d.poi) parts.poi = d.poi;
  if (d.houseno) parts.houseno = d.houseno;
  if (d.cellno) parts.cellno = d.cellno;
  if (d.roomno) parts.roomno = d.roomno;
  return { address: ADDRESS_PREFIX + PART_ORDER.map((k) => parts[k] ?? '').join(''), parts };
}
