// The written forms of a name: an official name and the shorter ways people write it
// (domain-rules.md §5.4 step 1: aliases such as 峰峰 for 峰峰镇, 团结 for 团结社区, 团结居委会).
// A form is a key of the gazetteer's dictionaries; the stripped "core" is also what fuzzy
// matching compares, so a typo in a suffix costs nothing.

const TOWN_SUFFIX = /(街道办事处|街道|办事处|镇|乡)$/;
const VILLAGE_SUFFIX = /(社区居委会|社区村委会|居委会|村委会|自然村|社区|村)$/;
const DISTRICT_SUFFIX = /(矿区|新区|区|县|市)$/;

/** Suffixes written after a village or community core; both kinds take all of them because
 * people call a 村 a 社区 and the reverse after a re-designation. */
export const VILLAGE_SUFFIXES = ['社区居委会', '居委会', '村委会', '社区', '村'];
export const TOWN_SUFFIXES = ['街道办事处', '街道', '办事处', '镇', '乡'];

/** The name without its administrative suffix, or the name itself when too little would remain. */
export function coreOf(name: string, level: 'district' | 'township' | 'village' | 'natural'): string {
  const re = level === 'township' ? TOWN_SUFFIX : level === 'district' ? DISTRICT_SUFFIX : VILLAGE_SUFFIX;
  const core = name.replace(re, '');
  return core.length >= 2 ? core : name;
}

/** The suffix a text starts with (longest first), for fuzzy matches that stop at the core. */
export function leadingSuffix(text: string, suffixes: readonly string[]): string {
  for (const s of suffixes) if (text.startsWith(s)) return s;
  return '';
}

/** Forms of a township: 临水镇, 临水, 临水镇人民政府 is a place, not a form. */
export function townForms(name: string): { forms: string[]; core: string } {
  const core = coreOf(name, 'township');
  const forms = new Set([name, core, ...TOWN_SUFFIXES.map((s) => core + s)]);
  return { forms: [...forms], core };
}

/** Forms of a village or community (团结社区 → 团结, 团结居委会, 团结社区居委会 …). */
export function villageForms(name: string): { forms: string[]; core: string } {
  const core = coreOf(name, 'village');
  const forms = new Set([name, core, ...VILLAGE_SUFFIXES.map((s) => core + s)]);
  return { forms: [...forms], core };
}

/** Forms of a natural village: 杨家岩, 杨家岩村, 杨家岩自然村. */
export function naturalForms(name: string): { forms: string[]; core: string } {
  const core = coreOf(name, 'natural');
  return { forms: [...new Set([name, core, core + '村', core + '自然村'])], core };
}

/** Forms of a compound or other place: the name, and without a trailing 小区 (嘉和小区 → 嘉和),
 * and without a trailing part (东区, 2期), so 嘉和雅居 finds both 嘉和雅居北区 and …南区. */
export function placeForms(name: string): { forms: string[]; core: string } {
  const forms = new Set([name]);
  const noXiaoqu = name.replace(/小区$/, '');
  if (noXiaoqu.length >= 2) forms.add(noXiaoqu);
  const noPart = name.replace(/(小区)?([东西南北中]区|\d+期)$/, '');
  if (noPart.length >= 2) forms.add(noPart);
  return { forms: [...forms], core: name };
}

/** The district's forms, stripped as a prefix only (峰峰矿区, 峰峰区): the bare core 峰峰 is
 * 峰峰镇's short form, which matters more for a township dashboard (§3.1). */
export function districtForms(name: string): string[] {
  const core = coreOf(name, 'district');
  return [...new Set([name, core + '区', core + '矿区'])].filter((f) => f !== core);
}

/** Provinces' short names, for prefixes written without 省 (河北邯郸峰峰…). */
export const PROVINCES = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽',
  '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃',
  '青海', '宁夏', '新疆', '台湾', '香港', '澳门'];
