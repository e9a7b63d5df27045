// The hand-made layout of the synthetic district: where the seats, valleys, trunk roads, mines
// and heritage sites go, in the normalised frame (u = 0 west … 1 east, v = 0 south … 1 north).
// Names and codes are real (domain-rules.md §3.1); positions are a plausible sketch shaped on the
// published facts (§3.2–3.3, product.md): 鼓山 and the Taihang foothills in the west, the plain
// opening east, the 滏阳河 rising near the seat, 邢峰公路 running N–S through 义井镇.
// None of it is surveyed; every generated row says `synthetic: 1`.

export type UV = readonly [number, number];

export interface TownshipDesign {
  code: string;
  name: string;
  kind: 'subdistrict' | 'town' | 'xiang';
  seat: UV;
  /** Reach of the territory when grown: > 1 grows larger (sparse west), < 1 smaller (urban core). */
  reach: number;
  communities: number;
  villages: number;
  /** Street-grid blocks of the seat (≈ 240 m squares). */
  urbanBlocks: number;
  /** Real village/community names known for this township (§3.1: 大峪镇). */
  knownNames?: { communities?: string[]; villages?: string[] };
}

export const TOWNSHIPS: readonly TownshipDesign[] = [
  // the district seat, 114.2039 E 36.4204 N (DataV "center" in WGS-84, §3.2), is in 滏阳东路街道 (MCA)
  { code: '130406001', name: '滏阳东路街道', kind: 'subdistrict', seat: [0.6, 0.335], reach: 0.6, communities: 13, villages: 3, urbanBlocks: 66 },
  { code: '130406100', name: '临水镇', kind: 'town', seat: [0.535, 0.37], reach: 0.85, communities: 12, villages: 12, urbanBlocks: 60 },
  { code: '130406101', name: '峰峰镇', kind: 'town', seat: [0.575, 0.5], reach: 0.9, communities: 13, villages: 8, urbanBlocks: 62 },
  { code: '130406102', name: '新坡镇', kind: 'town', seat: [0.8, 0.56], reach: 1.0, communities: 5, villages: 16, urbanBlocks: 26 },
  { code: '130406103', name: '大社镇', kind: 'town', seat: [0.5, 0.69], reach: 1.0, communities: 5, villages: 20, urbanBlocks: 26 },
  { code: '130406104', name: '和村镇', kind: 'town', seat: [0.245, 0.7], reach: 1.3, communities: 3, villages: 16, urbanBlocks: 16 },
  { code: '130406105', name: '义井镇', kind: 'town', seat: [0.715, 0.8], reach: 1.1, communities: 3, villages: 20, urbanBlocks: 16 },
  { code: '130406106', name: '彭城镇', kind: 'town', seat: [0.46, 0.235], reach: 1.0, communities: 10, villages: 14, urbanBlocks: 48 },
  { code: '130406107', name: '界城镇', kind: 'town', seat: [0.2, 0.2], reach: 1.3, communities: 3, villages: 14, urbanBlocks: 16 },
  {
    code: '130406108', name: '大峪镇', kind: 'town', seat: [0.155, 0.455], reach: 0.95, communities: 1, villages: 8, urbanBlocks: 7,
    // twwiki.net via domain-rules.md §3.1: 1 社区 + 8 村; the seat is 三矿北工人村.
    knownNames: { communities: ['峪新社区'], villages: ['南大峪村', '北大峪村', '北涧沟东村', '北涧沟西村', '南山村', '仁义村', '吝家沟村', '新立村'] },
  },
  { code: '130406200', name: '西固义乡', kind: 'xiang', seat: [0.88, 0.3], reach: 1.0, communities: 0, villages: 17, urbanBlocks: 4 },
];

export const DISTRICT = { code: '130406', name: '峰峰矿区' } as const;

/** Valley floors in the hills, west to east: villages string along them, roads and streams follow. */
export const VALLEYS: readonly (readonly UV[])[] = [
  [[0.0, 0.8], [0.08, 0.77], [0.16, 0.73], [0.245, 0.7], [0.31, 0.67], [0.37, 0.635], [0.43, 0.625], [0.5, 0.66]],
  [[0.0, 0.5], [0.07, 0.48], [0.155, 0.455], [0.23, 0.43], [0.3, 0.41], [0.37, 0.4], [0.45, 0.39], [0.52, 0.385]],
  [[0.0, 0.17], [0.1, 0.195], [0.2, 0.2], [0.28, 0.19], [0.36, 0.21], [0.42, 0.228], [0.46, 0.235]],
  [[0.1, 1.0], [0.15, 0.9], [0.2, 0.8], [0.245, 0.7]],
  [[0.05, 0.0], [0.12, 0.1], [0.2, 0.2]],
  [[0.02, 0.29], [0.09, 0.35], [0.155, 0.455]],
  [[0.3, 1.0], [0.31, 0.88], [0.28, 0.78], [0.245, 0.7]],
];

/** 鼓山: the N–S ridge between the western valley towns and the plain. */
export const RIDGE = { u: 0.395, halfWidth: 0.04, vFrom: 0.06, vTo: 0.93, heightM: 520 } as const;

export interface TrunkDesign { name: string; via: readonly UV[] }

/** Trunk roads (§3.3). The first and last points lie on the extent's edge, outside the district. */
export const TRUNKS: readonly TrunkDesign[] = [
  { name: '邢峰公路', via: [[0.66, 1.0], [0.715, 0.8], [0.68, 0.63], [0.645, 0.47], [0.65, 0.335], [0.665, 0.16], [0.64, 0.0]] },
  { name: '魏峰公路', via: [[1.0, 0.41], [0.86, 0.38], [0.72, 0.35], [0.6, 0.335]] },
  { name: '永峰公路', via: [[0.985, 0.8], [0.8, 0.56], [0.68, 0.52], [0.575, 0.5], [0.5, 0.69], [0.44, 0.85], [0.42, 1.0]] },
];

/** 滏阳河 rises at 黑龙洞 near the seat and flows east out of the district. */
export const RIVER = { name: '滏阳河', source: [0.525, 0.39] as UV, mouth: [1.0, 0.27] as UV, spring: '黑龙洞' } as const;

/** Coal mines of the district (ordinal names as used in compound names such as 一矿通顺佳苑). */
export const MINES: readonly { name: string; at: UV }[] = [
  { name: '一矿', at: [0.5, 0.545] },
  { name: '二矿', at: [0.315, 0.6] },
  { name: '三矿', at: [0.16, 0.415] },
  { name: '四矿', at: [0.485, 0.29] },
  { name: '五矿', at: [0.79, 0.5] },
];

/** 响堂山石窟: 北响堂 on 鼓山 above 和村镇, 南响堂 at its southern end by 彭城镇. */
export const HERITAGE: readonly { name: string; at: UV }[] = [
  { name: '北响堂山石窟', at: [0.35, 0.66] },
  { name: '南响堂山石窟', at: [0.425, 0.245] },
];
