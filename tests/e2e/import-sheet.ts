// The sheet a newcomer imports in tests/e2e/import.e2e.ts, made at run time (no personal data is
// committed): 200 synthetic cases whose homes are the demo's own address points, written the way
// people write them. Seeded, so every run uploads the same file for the same demo.
//   - prefixes dropped: 河北省 / 河北省邯郸市 / 河北省邯郸市峰峰矿区 left out (most rows)
//   - full-width digits (２０号楼), 号楼 written as 栋 or 幢, and the dash form 20-1-301
//   - two typos in a compound name (one character replaced)
//   - a few hopeless ones: only the township and community with "附近" — they land in review
//   - two rows with a bad ID check character or a short phone: the check shows them as errors
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../geodata/people/id-number.ts';
import { mobileNumber, personName } from '../../geodata/people/names.ts';
import { Rng } from '../../geodata/prng.ts';

export const ROWS = 200;
export const HOPELESS = 5;
export const BAD_ROWS = 2;
const PREFIXES = ['河北省邯郸市峰峰矿区', '河北省邯郸市', '河北省'];
const FULL = '０１２３４５６７８９';
const toFull = (s: string) => s.replace(/\d/g, (d) => FULL[Number(d)]);
const TYPO: Record<string, string> = { 苑: '园', 庭: '廷', 园: '圆', 居: '局', 府: '符', 城: '成', 寓: '遇', 区: '曲' };

export interface SheetRow { 姓名: string; 身份证号: string; 手机号: string; 性别: string; 年龄: number; 人员类别: string;
  现住址: string; 发病日期: string; 报告日期: string }
export interface Sheet { rows: SheetRow[]; hopeless: number[]; bad: number[] }

/** One way of writing `address` (the demo's full form); `i` decides which noises apply. */
export function messy(address: string, r: Rng): string {
  let a = address;
  const cut = r.weighted([1, 4, 3, 2]); // keep all, drop province+city+district, province+city, province
  if (cut > 0) a = a.replace(PREFIXES[cut - 1], '');
  if (r.chance(0.35)) a = a.replace(/(\d+)号楼(\d+)单元(\d+)室/, '$1-$2-$3');
  else if (r.chance(0.4)) a = a.replace('号楼', r.pick(['栋', '幢']));
  if (r.chance(0.3)) a = toFull(a);
  return a;
}

function typo(address: string): string {
  const m = /(社区|村)[^\d]*?\d+号([^\d]{2,6}?)(\d|－|-)/.exec(address);
  const name = m?.[2];
  if (!name) return address;
  const at = [...name].findIndex((ch) => TYPO[ch]);
  if (at < 0) return address;
  const chars = [...name];
  chars[at] = TYPO[chars[at]];
  return address.replace(name, chars.join(''));
}

/** The township + community/village part only, e.g. "临水镇园林社区附近". */
function hopeless(address: string, r: Rng): string {
  const m = /峰峰矿区(.+?(?:街道|镇|乡))(.+?(?:社区|村))/.exec(address);
  return m ? `${m[1]}${m[2]}${r.pick(['附近', '那边', '一带'])}` : address.slice(0, 10);
}

export function makeSheet(addresses: readonly string[], seed = 20220605): Sheet {
  const r = new Rng(seed);
  const picked = r.shuffle([...addresses]).slice(0, ROWS);
  const hopelessAt = new Set<number>();
  while (hopelessAt.size < HOPELESS) hopelessAt.add(r.int(0, ROWS - 1));
  const bad: number[] = [];
  while (bad.length < BAD_ROWS) { const i = r.int(0, ROWS - 1); if (!hopelessAt.has(i) && !bad.includes(i)) bad.push(i); }
  let typos = 0;
  const rows = picked.map((address, i): SheetRow => {
    const sex = r.chance(0.5) ? 'male' : 'female';
    const year = r.int(1940, 2015);
    const birth = `${year}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
    let id = makeIdNumber('130406', birth, r.int(1, 499) * 2 - (sex === 'male' ? 1 : 0));
    let phone = mobileNumber(r);
    if (bad[0] === i) id = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    if (bad[1] === i) phone = phone.slice(0, 10);
    let home = hopelessAt.has(i) ? hopeless(address, r) : messy(address, r);
    if (!hopelessAt.has(i) && typos < 2 && r.chance(0.1)) {
      const t = typo(home);
      if (t !== home) { typos++; home = t; }
    }
    const onset = `2022-06-${String(r.int(1, 5)).padStart(2, '0')}`;
    return { 姓名: personName(r, sex, year), 身份证号: id, 手机号: phone, 性别: sex === 'male' ? '男' : '女', 年龄: 2022 - year,
      人员类别: r.pick(['确诊', '确诊', '无症状']), 现住址: home, 发病日期: onset, 报告日期: onset.replace(/\d+$/, (d) => String(Number(d) + 1).padStart(2, '0')) };
  });
  return { rows, hopeless: [...hopelessAt].sort((a, b) => a - b), bad };
}

/** The sheet as an XLSX file's bytes (exceljs), header in row 1 as a case officer's list has it. */
export async function sheetXlsx(sheet: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('病例名单');
  const header = Object.keys(sheet.rows[0]) as (keyof SheetRow)[];
  ws.addRow(header);
  for (const row of sheet.rows) ws.addRow(header.map((h) => row[h]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
