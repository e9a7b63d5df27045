// The optional 省/市/区 prefix (domain-rules.md §5.4 step 2: "省市区 prefixes optional"): a
// province (河北省, or 河北 when a city or the district follows), a city (邯郸市, or the text
// before the district's name, 邯郸 in 河北邯郸峰峰矿区) and the district's own forms. The
// gazetteer covers one district, so the prefix is read and labelled, never matched.
import { PROVINCES } from './names.ts';

export interface Prefix { prov?: string; city?: string; district?: string; length: number }

const PROV_SUFFIX = /^(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)/;
const CITY = /^[\u4e00-\u9fa5]{2,4}?(市|地区|自治州|盟)/;
/** How far after the province the district's name may start (a city name of up to 8 characters). */
const CITY_WINDOW = 8;

function districtAt(districts: readonly string[], s: string, pos: number): string | undefined {
  return districts.find((d) => s.startsWith(d, pos));
}

function districtWithin(districts: readonly string[], s: string, pos: number): { at: number; name: string } | null {
  for (let at = pos; at <= pos + CITY_WINDOW && at < s.length; at++) {
    const name = districtAt(districts, s, at);
    if (name) return { at, name };
  }
  return null;
}

export function readPrefix(districts: readonly string[], s: string): Prefix {
  const out: Prefix = { length: 0 };
  let pos = 0;
  const prov = PROVINCES.find((p) => s.startsWith(p));
  if (prov) {
    const suffix = PROV_SUFFIX.exec(s.slice(prov.length))?.[0] ?? '';
    // A bare 河北 is a province only when a city or the district follows (河北村 is a village).
    if (suffix || CITY.test(s.slice(prov.length)) || districtWithin(districts, s, prov.length)) {
      out.prov = prov + suffix;
      pos = out.prov.length;
    }
  }
  const d = districtWithin(districts, s, pos);
  if (d && (d.at - pos <= 4 || out.prov || CITY.test(s.slice(pos)))) {
    if (d.at > pos) out.city = s.slice(pos, d.at);
    out.district = d.name;
    pos = d.at + d.name.length;
  } else {
    const city = CITY.exec(s.slice(pos))?.[0];
    if (city && (out.prov || districtWithin(districts, s, pos + city.length))) {
      out.city = city;
      pos += city.length;
      const name = districtAt(districts, s, pos);
      if (name) { out.district = name; pos += name.length; }
    }
  }
  out.length = pos;
  return out;
}
