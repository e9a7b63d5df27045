// 简体中文: the import wizard on /cases (导入). imports.en.ts must have the same keys
// (tests/web/i18n.test.ts checks the merged trees).
export default {
  title: '导入病例/密接名单',
  steps: { upload: '上传文件', mapping: '字段对应', check: '校验结果', review: '人工复核', commit: '提交入库' },
  stepN: '第 {n} 步',
  kinds: { cases: '病例名单', contacts: '密接名单' },
  formats: { 'csv-utf8': 'CSV · UTF-8', 'csv-gbk': 'CSV · GBK', xlsx: 'Excel · XLSX' },
  upload: {
    intro: '支持 Excel（.xlsx）和 CSV（UTF-8 或 GBK 编码）。文件先暂存校验，确认提交前不会写入登记库。',
    kind: '名单类型', source: '数据来源', sourcePlaceholder: '例如：市疾控流调组', sourceHint: '同一来源的字段对应关系会被记住，下次自动套用。',
    file: '选择文件', noFile: '未选择文件', submit: '上传并读取', uploading: '正在读取…',
    needSource: '请填写数据来源', needFile: '请选择一个文件', read: '已读取 {filename}：{rows} 行（{format}）',
    readOnly: '当前角色只能查看导入记录，不能导入。',
  },
  fields: {
    name: '姓名', idNumber: '身份证号', phone: '手机号', sex: '性别', age: '年龄', homeAddress: '现住址', lng: '经度', lat: '纬度',
    category: '人员类别', onsetDate: '发病日期', sampleDate: '采样日期', reportDate: '报告日期', caseIdNumber: '关联病例身份证号',
    contactType: '接触方式', lastExposureAt: '末次接触时间', home: '住址或经纬度',
  },
  mapping: {
    intro: '为每个字段选择表格中对应的列。带 * 的为必填；住址与经纬度至少对应一项。',
    fromSaved: '已套用来源“{source}”上次保存的对应关系。', fromSuggestion: '已按表头自动推荐，请核对。',
    field: '字段', column: '表格中的列', none: '（不导入）', required: '必填', missing: '尚未对应：{fields}',
    crs: '经纬度的坐标系', crsHint: '表格含经纬度列，请选择其坐标系；系统统一转换为 WGS-84 保存。', crsNeeded: '请选择经纬度的坐标系',
    crsOptions: { WGS84: 'WGS-84（GPS、天地图）', GCJ02: 'GCJ-02（高德/腾讯）', BD09: 'BD-09（百度）' },
    save: '保存此对应关系，供来源“{source}”下次使用', submit: '校验并定位', checking: '正在校验并对地址定位…',
  },
  check: {
    ok: '可直接导入', review: '待人工复核', error: '有错误', resolved: '已复核', skipped: '已跳过',
    rows: '{n} 行', errorsTitle: '错误行（{n}）', noErrors: '没有错误行。', row: '行号', field: '字段', message: '问题', data: '数据（已脱敏）',
    errorsHint: '错误行不能导入：请在原表中改正后重新上传，或在提交时选择“部分导入”跳过它们。', toReview: '去复核 {n} 行', toCommit: '去提交',
  },
  review: {
    intro: '以下地址定位把握不足。请选择一个候选地址，或在地图上点击实际位置，也可跳过该行。',
    queue: '复核队列', done: '复核完成：没有待复核的行。', empty: '没有需要复核的行。', address: '原始地址', candidates: '候选地址',
    noCandidates: '没有找到候选地址，请在地图上点击位置。', confidence: '可信度 {pct}%', pick: '选用', mapHint: '在地图上点击该人员的实际住址位置',
    clicked: '地图选点：{lng}, {lat}', usePoint: '使用地图选点', skip: '跳过此行', skipRest: '跳过剩余 {n} 行',
    status: { review: '待复核', resolved: '已定位', skipped: '已跳过' }, chosen: '已定位：{label}', chosenPoint: '已定位到地图选点',
    levels: { room: '室', doorplate: '门牌', building: '楼栋', compound: '小区', village: '村/社区', township: '乡镇', none: '未定位' },
    next: '去提交',
  },
  commit: {
    intro: '全部导入：所有行都通过才写入，一次完成。部分导入：只写入通过和已复核的行，其余行在报告中列出。',
    allTitle: '全部导入：全有或全无', partialTitle: '部分导入：明确只导入一部分', all: '全部导入（{n} 行）', partial: '部分导入（{n} 行）', committing: '正在写入…',
    blockedErrors: '还有 {n} 行错误，不能全部导入。', blockedReviews: '还有 {n} 行待复核，不能全部导入。',
    confirmPartial: '我确认只导入通过和已复核的行，其余行不导入。',
    doneTitle: '导入完成', done: '已写入 {n} 人，{m} 行未导入。', report: '逐行报告', status: '结果', person: '人员编号',
    committedRow: '已导入', notCommittedRow: '未导入', toBoard: '查看闭环看板', again: '再导入一个文件',
  },
  codes: {
    required: '必填项为空', too_long: '内容过长', formula_cell: '公式单元格', invalid_id_number: '身份证号无效', invalid_phone: '手机号无效',
    invalid_sex: '性别无效', invalid_age: '年龄无效', invalid_category: '人员类别无效', invalid_date: '日期无效', invalid_datetime: '时间无效',
    invalid_contact_type: '接触方式无效', invalid_coordinates: '坐标无效', outside_district: '坐标在辖区外', duplicate_in_file: '文件内重复',
    duplicate_existing: '已登记', case_not_found: '找不到关联病例',
  },
  back: '上一步', failed: '操作失败：{message}',
};
