// Per-field row errors of an import, in both languages. A message names the field and what is
// wrong with it, never the cell's value: the value may be someone's ID number or phone.
import type { ImportField } from '../schemas/imports.ts';

export const FIELD_LABELS: Record<ImportField, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'name' }, idNumber: { zh: '身份证号', en: 'ID number' }, phone: { zh: '手机号', en: 'phone' },
  sex: { zh: '性别', en: 'sex' }, age: { zh: '年龄', en: 'age' }, homeAddress: { zh: '现住址', en: 'home address' },
  category: { zh: '人员类别', en: 'category' }, onsetDate: { zh: '发病日期', en: 'onset date' }, sampleDate: { zh: '采样日期', en: 'sample date' },
  reportDate: { zh: '报告日期', en: 'report date' }, lng: { zh: '经度', en: 'longitude' }, lat: { zh: '纬度', en: 'latitude' },
  caseIdNumber: { zh: '关联病例身份证号', en: 'index case ID number' }, contactType: { zh: '接触方式', en: 'contact type' },
  lastExposureAt: { zh: '末次接触时间', en: 'last exposure time' },
};

const CODES = {
  required: { zh: '不能为空', en: 'is required' },
  too_long: { zh: '过长', en: 'is too long' },
  formula_cell: { zh: '是公式单元格，请改为直接填写数值', en: 'is a formula cell; enter the value itself' },
  invalid_id_number: { zh: '不是有效的18位身份证号（校验位不符）', en: 'is not a valid 18-character ID number (check character)' },
  invalid_phone: { zh: '不是有效的11位手机号', en: 'is not a valid 11-digit mobile number' },
  invalid_sex: { zh: '应为“男”或“女”', en: 'must be 男 (male) or 女 (female)' },
  invalid_age: { zh: '应为0–130之间的整数', en: 'must be a whole number from 0 to 130' },
  invalid_category: { zh: '不是此类名单可用的人员类别', en: 'is not a category this kind of list takes' },
  invalid_date: { zh: '不是可识别的日期（如2022-06-05、2022/6/5、2022年6月5日、20220605）', en: 'is not a date we can read (e.g. 2022-06-05, 2022/6/5, 2022年6月5日, 20220605)' },
  invalid_datetime: { zh: '不是可识别的时间（如2022-06-05 14:30）', en: 'is not a time we can read (e.g. 2022-06-05 14:30)' },
  invalid_contact_type: { zh: '不是可识别的接触方式（同住、同事、社交、同乘、就医、其他）', en: 'is not a contact type we know (household, work, social, transport, healthcare, other)' },
  invalid_coordinates: { zh: '不是有效的坐标数值', en: 'is not a valid coordinate' },
  outside_district: { zh: '坐标位于本辖区之外（请检查坐标系或经纬度是否填反）', en: 'lies outside the district (check the coordinate system, or swapped longitude/latitude)' },
  duplicate_in_file: { zh: '在本文件中重复出现', en: 'appears more than once in this file' },
  duplicate_existing: { zh: '已登记在本事件中', en: 'is already registered in this incident' },
  case_not_found: { zh: '在本事件中找不到对应的病例或密接', en: 'matches no case or close contact of this incident' },
  // the profile plans no closed loop for the category: found at check (server/import/check.ts) or at commit (server/db/people.ts)
  not_identified_under_profile: { zh: '在当前规则方案下不判定（如二十条不判定次密接）', en: 'is not identified under the incident’s rule profile' },
  no_contact_rules: { zh: '在当前规则方案中没有管理规定', en: 'has no management rules in the incident’s rule profile' },
} as const;

export type RowErrorCode = keyof typeof CODES;
export interface FieldError { field: ImportField; code: RowErrorCode; message: { 'zh-CN': string; en: string } }

export function fieldError(field: ImportField, code: RowErrorCode): FieldError {
  const l = FIELD_LABELS[field], c = CODES[code];
  return { field, code, message: { 'zh-CN': `${l.zh}${c.zh}`, en: `The ${l.en} ${c.en}` } };
}
