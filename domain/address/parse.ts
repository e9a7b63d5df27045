// Labels of domain-rules.md §5.3 for an address: the scanner's tokens give most of them; text no
// dictionary knew is labelled by the levels it lies between and by its suffix (镇/乡/街道 → town,
// 社区/村 → community, 路/街/巷 → road, what stands before a building number → poi, and after a
// known compound → subpoi), which is also how an address is parsed without a gazetteer
// ("张庆乡北胡乔村" → town 张庆乡, community 北胡乔村).
import type { Gazetteer } from './gazetteer.ts';
import { normalizeAddress } from './normalize.ts';
import { STAGE, scanAddress, type Scan } from './scan.ts';
import type { AddressParts } from './types.ts';

type Label = keyof AddressParts;

/** Suffix rules per slot, tried in hierarchy order on an unknown span. */
const SLOT_RULES: [number, Label, RegExp][] = [
  [STAGE.town, 'town', /^[\u4e00-\u9fa5]{2,6}?(街道|镇|乡)/],
  [STAGE.village, 'community', /^[\u4e00-\u9fa5\d]{1,8}?(社区居委会|社区|居委会|村委会|村)(?![委民])/],
  [STAGE.road, 'road', /^[\u4e00-\u9fa5\d]{1,8}?(大街|大道|胡同|路|街|巷|道)([一二三四五六七八九十\d]+巷)?/],
];

const append = (parts: AddressParts, label: Label, text: string) => {
  parts[label] = (parts[label] ?? '') + text;
};

/** Labels an unknown span lying between stages `after` and `before`. */
function labelSpan(parts: AddressParts, text: string, after: number, before: number): void {
  let rest = text;
  for (const [stage, label, re] of SLOT_RULES) {
    if (stage <= after || stage >= before || parts[label]) continue;
    const m = re.exec(rest);
    if (m) { parts[label] = m[0]; rest = rest.slice(m[0].length); }
  }
  if (!rest) return;
  if (after === 0 && before <= STAGE.village && !parts.city) parts.city = rest;
  else if (after < STAGE.place && before > STAGE.place && !parts.poi) parts.poi = rest;
  else if (after === STAGE.place && before > STAGE.subpoi && before < 99) append(parts, 'subpoi', rest);
  else append(parts, 'rest', rest);
}

export function partsOf(scan: Scan): AddressParts {
  const parts: AddressParts = {};
  if (scan.prov) parts.prov = scan.prov;
  if (scan.city) parts.city = scan.city;
  if (scan.district) parts.district = scan.district;
  for (const t of scan.tokens) {
    switch (t.k) {
      case 'unknown': labelSpan(parts, t.text, t.after, t.before); break;
      case 'town': parts.town = t.text; break;
      case 'village': parts.community = t.text; break;
      case 'natural': parts.natural = t.text; break;
      case 'group': parts.group = t.text; break;
      // A door number in a 组 is one roadno, "5组6号" (§5.3).
      case 'roadno': parts.roadno = parts.group && !parts.road ? parts.group + t.text : t.text; break;
      case 'subpoi': append(parts, 'subpoi', t.text); break;
      case 'house': parts.houseno = t.text; break;
      case 'cell': parts.cellno = t.text; break;
      case 'floor': parts.floorno = t.text; break;
      case 'room': parts.roomno = t.text; break;
      default: parts[t.k === 'place' ? 'poi' : t.k] = t.text;
    }
  }
  return parts;
}

/** The §5.3 labels of an address, after normalisation (so 12-3-1001 reads houseno 12号楼,
 * cellno 3单元, roomno 1001室). With a gazetteer, known names are matched whole. */
export function parseAddress(text: string, gaz?: Gazetteer): AddressParts {
  return partsOf(scanAddress(gaz, normalizeAddress(text)));
}
