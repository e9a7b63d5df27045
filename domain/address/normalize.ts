// One written form for the ways people write the same address (domain-rules.md §5.4 step 2):
// full-width → half-width, Chinese numerals → digits before a unit, 栋/幢/座/# → 号楼,
// "12-3-1001" → 12号楼3单元1001室, no spaces or punctuation, 委员会 → 委会, and noise such as
// "（门口）" or a trailing "附近" dropped. Gazetteer names go through the same function, so both
// sides of every comparison agree.
import { NUMERAL_CHARS, chineseNumeral } from './numerals.ts';

/** Units a number may stand before; a numeral before anything else is part of a name (二巷). */
const UNIT_AFTER = '(?=号|栋|幢|座|单元|组|层|楼|室|户|期|#|-)';
const NUMERAL_RUN = new RegExp(`[${NUMERAL_CHARS}]+${UNIT_AFTER}`, 'g');
const NUMERAL_ANY = new RegExp(`[${NUMERAL_CHARS}]`);
const BRACKETED = /[(（[【〔{][^)）\]】〕}]*[)）\]】〕}]/g;
const PUNCT = /[\s,，.。;；:：、'"‘’“”`!?！？|\\/_·•…《》「」『』<>]+/g;
const DASHES = /[‐-―−~～﹣]/g;
/** Words that say where, not what (§5.3 `assist`), at the end of an address. */
export const TRAILING_NOISE = /(附近|旁边|对面|门口|周边|一带|东侧|西侧|南侧|北侧|楼下|后面|隔壁)+$/;

function halfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Rewrites, in order (later ones rely on the earlier: 号楼 before the dash patterns), each with
 * a character it needs, so most addresses skip most of them. */
const REWRITES: [string, RegExp, string][] = [
  ['委员会', /村民委员会/g, '村委会'],
  ['委员会', /居民委员会/g, '居委会'],
  ['院', /(\d+)号院/g, '$1号'],
  // A range of door numbers (东风路3-5号) is found at its first door.
  ['-', /(\d+)-\d+号/g, '$1号'],
  ['#', /(\d+)#楼?/g, '$1号楼'],
  ['栋', /([A-Z\d]+)号?栋/g, '$1号楼'],
  ['幢', /([A-Z\d]+)号?幢/g, '$1号楼'],
  ['座', /([A-Z\d]+)号?座/g, '$1号楼'],
  ['单元', /(\d+)楼(?=\d+单元)/g, '$1号楼'],
  ['-', /(\d+)号楼(\d+)-(\d+)(?![\d号组-])/g, '$1号楼$2单元$3室'],
  ['-', /(\d+)-(\d+)-(\d+)(?![\d号组-])/g, '$1号楼$2单元$3室'],
  ['-', /(^|[^\d号组-])(\d+)-(\d+)(?![\d号组-])/g, '$1$2号楼$3室'],
  ['单元', /单元(\d+)楼(?!\d*号)/g, '单元$1层'],
  ['户', /(\d+)户/g, '$1室'],
  ['单元', /(\d+)单元(\d+)(?![\d室层楼号])/g, '$1单元$2室'],
  ['-', /-+/g, ''],
  ['#', /#+/g, ''],
];

export function normalizeAddress(text: string): string {
  // Each pass only when its characters occur: most addresses need few of them.
  let s = /[\uff01-\uff5e\u3000]/.test(text) ? halfWidth(text) : text;
  if (/[a-z]/.test(s)) s = s.toUpperCase();
  s = s.replace(BRACKETED, '').replace(DASHES, '-').replace(PUNCT, '');
  if (NUMERAL_ANY.test(s)) s = s.replace(NUMERAL_RUN, (run) => chineseNumeral(run) ?? run);
  for (const [needs, re, to] of REWRITES) if (s.includes(needs)) s = s.replace(re, to);
  return s.replace(TRAILING_NOISE, '');
}

/** Normalises a gazetteer name (memoised: the demo repeats a few hundred names 160,000 times). */
export function nameNormalizer(): (name: string) => string {
  const memo = new Map<string, string>();
  return (name) => {
    let v = memo.get(name);
    if (v === undefined) memo.set(name, (v = normalizeAddress(name)));
    return v;
  };
}
