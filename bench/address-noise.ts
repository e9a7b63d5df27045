// Messy addresses made from clean ones, for the geocoding benchmark (bench/geocode.ts) and the
// committed labelled fixture (bench/address-fixture.ts). Each row starts from a demo address
// point's stored parts and draws every noise independently, with these rates (seeded PRNG,
// geodata/prng.ts, so a seed always gives the same rows):
//   prefix: full 河北省邯郸市峰峰矿区 40 %, 河北邯郸峰峰矿区 10 %, 峰峰矿区 20 %, none 30 %
//   township: dropped 25 %, written without 镇/乡/街道 10 %
//   village: suffix as 社区居委会/居委会/村委会 15 %, no suffix 8 %; rural: natural village written
//     after the village 20 %, instead of it 10 % (when its building lies in a natural village)
//   one-character typo (a common place-name character substituted) in the compound name, or the
//     village name when there is no compound: 10 %
//   compound rows: road and door number dropped 50 %; building written 号楼 45 %, 栋 20 %,
//     幢 10 %, # 10 %, as the dash pattern 12-3-1001 15 %; room without 室 20 %;
//     unit and room dropped 8 % (the row is then labelled with the building, not the flat)
//   rural rows: 组 and door number in Chinese numerals 10 %
//   spaces between the parts 20 %; full-width digits 15 %; trailing "（门口）"/附近/旁边 8 %
import type { Rng } from '../geodata/prng.ts';
import type { AddressParts } from '../domain/address/types.ts';

export interface SourcePoint { id: number; buildingId: number | null; parts: AddressParts; natural?: string }
export interface LabelledRow {
  text: string;
  noises: string[];
  /** The flat or door meant; when `level` is 'building', only its building is. */
  addressPointId: number;
  buildingId: number | null;
  level: 'point' | 'building';
}

const TYPO_CHARS = [...'华新东西南北安平和兴盛丰金明光福景园苑城山河庄家阳泉水林龙'];
const CN_DIGITS = [...'〇一二三四五六七八九'];

/** 29 → 二十九, 5 → 五, 12 → 十二, 105 → 一百零五 (as people write door numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  const rest = n % 100;
  return CN_DIGITS[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + CN_DIGITS[rest] : chineseNumber(rest).replace(/^十/, '一十'));
}

function typo(rng: Rng, name: string, coreLength: number): string {
  const i = rng.int(0, Math.max(0, coreLength - 1));
  const pool = TYPO_CHARS.filter((c) => c !== name[i] && !name.includes(c));
  return name.slice(0, i) + rng.pick(pool) + name.slice(i + 1);
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const num = (s: string | undefined) => (s ?? '').replace(/\D/g, '');

export function noisyAddress(rng: Rng, p: SourcePoint): LabelledRow {
  const parts = p.parts;
  const noises: string[] = [];
  const note = (n: string) => { noises.push(n); return true; };
  const r = rng.next();
  const prefix = r < 0.4 ? '河北省邯郸市峰峰矿区' : r < 0.5 ? '河北邯郸峰峰矿区' : r < 0.7 ? '峰峰矿区' : '';
  if (r >= 0.4) note('prefix');
  let town = parts.town ?? '';
  if (rng.chance(0.25) && note('noTown')) town = '';
  else if (rng.chance(0.1) && note('townShort')) town = town.replace(/(街道|镇|乡)$/, '');
  let village = parts.community ?? '';
  const core = village.replace(/(社区|村)$/, '');
  if (rng.chance(0.15) && note('suffix')) village = core + (village.endsWith('村') ? '村委会' : rng.pick(['社区居委会', '居委会']));
  else if (rng.chance(0.08) && note('noSuffix')) village = core;
  const rural = !parts.road && !parts.poi;
  let natural = '';
  if (rural && p.natural) {
    if (rng.chance(0.2) && note('natural')) natural = p.natural;
    else if (rng.chance(0.1) && note('naturalOnly')) village = p.natural;
  }
  let poi = parts.poi ?? '';
  if (rng.chance(0.1) && note('typo')) {
    if (poi) poi = typo(rng, poi, poi.length);
    else village = typo(rng, village, Math.min(village.length, core.length));
  }
  let road = (parts.road ?? '') + (parts.roadno ?? '');
  let level: LabelledRow['level'] = 'point';
  let tail = '';
  if (parts.poi) {
    if (rng.chance(0.5) && note('noRoad')) road = '';
    const [h, c, rm] = [num(parts.houseno), num(parts.cellno), num(parts.roomno)];
    if (rng.chance(0.08) && note('buildingOnly')) { level = 'building'; tail = `${h}号楼`; }
    else {
      const s = rng.next();
      const room = rng.chance(0.2) ? rm : `${rm}室`;
      if (s < 0.15 && note('dash')) tail = `${h}-${c}-${rm}`;
      else tail = `${h}${s < 0.6 ? '号楼' : s < 0.8 ? '栋' : s < 0.9 ? '幢' : '#'}${c}单元${room}`;
    }
  } else if (rural && rng.chance(0.1) && note('chineseNumerals')) {
    road = road.replace(/\d+/g, (d) => chineseNumber(Number(d)));
  }
  let pieces = [prefix, town, village, natural, road, poi, tail].filter(Boolean);
  if (rng.chance(0.2) && note('spaces')) pieces = [pieces.join(' ')];
  let text = pieces.join('');
  if (rng.chance(0.15) && note('fullWidth')) text = fullWidth(text);
  if (rng.chance(0.08) && note('trailing')) text += rng.pick(['（门口）', '附近', '旁边']);
  return { text, noises, addressPointId: p.id, buildingId: p.buildingId, level };
}
