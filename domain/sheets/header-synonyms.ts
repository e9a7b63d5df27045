// Column headers as Chinese case and contact lists write them (流调/排查表: 姓名, 身份证号,
// 联系电话, 现住址, 人员类别, 发病日期…) and their English equivalents → the import fields, for a
// suggested mapping the operator confirms. Headers are compared without spaces, punctuation and
// annotations such as "（必填）"; Chinese synonyms also match inside a longer header ("患者姓名"),
// the longest synonym winning ("关联病例身份证号" is the index case's, not the person's).
import { IMPORT_FIELDS, type ImportField, type ImportKind } from '../schemas/imports.ts';

export const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  name: ['姓名', '名字', '人员姓名', '患者姓名', 'name', 'fullname'],
  idNumber: ['身份证号', '身份证号码', '证件号码', '证件号', '身份证', '公民身份号码', 'idnumber', 'idno', 'idcard'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', 'phone', 'mobile', 'tel', 'telephone'],
  sex: ['性别', 'sex', 'gender'],
  age: ['年龄', '年龄岁', 'age'],
  homeAddress: ['现住址', '居住地址', '住址', '家庭住址', '现居住地址', '详细地址', '地址', 'address', 'homeaddress'],
  category: ['类别', '人员类别', '人员分类', '病例类型', '分类', 'category'],
  onsetDate: ['发病日期', '发病时间', '症状出现日期', 'onsetdate', 'onset'],
  sampleDate: ['采样日期', '采样时间', 'sampledate', 'sampled'],
  reportDate: ['报告日期', '报告时间', '确诊日期', 'reportdate', 'reported'],
  lng: ['经度', 'lng', 'lon', 'long', 'longitude'],
  lat: ['纬度', 'lat', 'latitude'],
  caseIdNumber: ['关联病例身份证号', '关联病例身份证号码', '关联病例证件号码', '病例身份证号', '指示病例身份证号', 'caseidnumber', 'indexcaseidnumber', 'caseid'],
  contactType: ['接触方式', '接触类型', '接触关系', 'contacttype'],
  lastExposureAt: ['末次接触时间', '末次接触日期', '最后接触时间', '末次暴露时间', 'lastexposureat', 'lastexposure', 'lastcontact'],
};

/** A header as compared: no annotations in brackets, no spaces or punctuation, lower case. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/[（(【\[].*?[）)】\]]/g, '').replace(/[\s_\-.·*:：、/\\]+/g, '').toLowerCase();
}

const CJK = /[\u4e00-\u9fff]/;

/** The suggested {field: header} for a sheet's header row; each field and header used once. */
export function suggestMapping(header: readonly string[], kind: ImportKind): Partial<Record<ImportField, string>> {
  const fields = IMPORT_FIELDS[kind] as readonly ImportField[];
  const pairs: { field: ImportField; col: number; score: number }[] = [];
  header.forEach((h, col) => {
    const key = headerKey(h);
    if (!key) return;
    for (const field of fields) {
      for (const s of HEADER_SYNONYMS[field]) {
        // exact beats contained; a longer synonym beats a shorter one
        if (key === s) pairs.push({ field, col, score: 1000 + s.length });
        else if (CJK.test(s) && key.includes(s)) pairs.push({ field, col, score: s.length });
      }
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const out: Partial<Record<ImportField, string>> = {};
  const usedCols = new Set<number>();
  for (const p of pairs) {
    if (out[p.field] !== undefined || usedCols.has(p.col)) continue;
    out[p.field] = header[p.col];
    usedCols.add(p.col);
  }
  return out;
}
