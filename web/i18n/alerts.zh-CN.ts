// 简体中文: the /alerts page (issue 7 item 5) — the alert list and its filters, an alert's detail
// (map, line list, syndromic series), the incident grade card and its confirm dialog, and the
// rule messages. alerts.en.ts must have the same keys (tests/web/i18n.test.ts).
// `rule.<rule>` is filled with the alert's `params`; when one of its {placeholders} is missing the
// page uses `ruleShort.<rule>` (web/components/alerts/alert-text.ts), so "{x}" never shows.
export default {
  title: '预警处置',
  nav: { alerts: '预警', openCount: '{n} 条未处理预警', map: '指挥一张图' },
  level: { red: '红色预警', orange: '橙色预警', yellow: '黄色预警', blue: '蓝色预警' },
  levelShort: { red: '红', orange: '橙', yellow: '黄', blue: '蓝' },
  status: { open: '未签收', acknowledged: '已签收', resolved: '已解除' },
  filter: {
    status: '状态', level: '级别', allLevels: '全部级别', rule: '类型', allRules: '全部类型', warning: '聚集与症状监测',
    statuses: { active: '待处置', open: '未签收', acknowledged: '已签收', resolved: '已解除', all: '全部' },
  },
  list: {
    heading: '预警列表', empty: '没有符合条件的预警', loading: '正在加载…', more: '加载更多', count: '已显示 {n} 条',
    escalated: '已升级', escalatedAt: '{at} 因未签收自动升级', ackBy: '{who} 已签收', resolvedBy: '{who} 已解除',
  },
  detail: {
    pick: '在左侧选择一条预警，查看地图范围、人员一览和监测序列。', back: '预警列表', close: '关闭', loading: '正在加载预警…',
    raisedAt: '发出时间', status: '状态', acknowledged: '签收', resolved: '解除', escalated: '升级', by: '{who}，{at}',
    acknowledge: '签收', resolve: '解除预警', acking: '正在签收…', resolving: '正在解除…', readOnly: '当前角色只能查看预警',
    actionFailed: '操作未完成：{message}', map: '预警范围', noArea: '此预警没有地图范围', persons: '人员一览（{n} 人）',
    noPersons: '此预警不涉及具体人员', openPerson: '在个案管理中查看', series: '症状监测序列',
    resolveTitle: '解除预警', resolveHint: '解除后该预警不再显示在待处置列表中；如情况再次出现，系统会重新发出。',
    note: '处置说明（可选）', cancel: '取消',
  },
  table: {
    caption: '预警涉及人员（姓名已脱敏）', category: '类别', name: '姓名', sex: '性别', age: '年龄', village: '村/社区',
    onset: '发病日期', report: '报告日期', status: '状态',
  },
  series: {
    count: '每日数量', flagged: '预警日', methods: '触发方法：{m}', signalDay: '信号日',
    kind: { feverClinic: '发热门诊就诊人次', feverDrug: '退热药品销售量' }, district: '全区', empty: '暂无监测数据',
  },
  grade: {
    heading: '事件分级', suggested: '系统建议', confirmed: '已确认分级', none: '尚未确认', notApplicable: '不适用',
    notApplicableHint: '2006 年预案的分级标准不覆盖该病种，需由指挥部综合研判。',
    basis: '依据：《国家突发公共卫生事件应急预案》(2006)', met: '已满足', notMet: '未满足', noCriteria: '暂无可判定的标准',
    suggestionNote: '建议仅供研判，需由指挥长确认后生效。', by: '{who} 于 {at} 确认', reason: '理由：{reason}',
    confirm: '确认分级…', change: '调整分级…', loading: '正在加载分级…', loadFailed: '分级加载失败：{message}',
    names: { I: 'Ⅰ级 特别重大', II: 'Ⅱ级 重大', III: 'Ⅲ级 较大', IV: 'Ⅳ级 一般' },
    dialog: {
      title: '确认事件分级', intro: '确认后将记录确认人、时间和理由，并通知指挥大屏。', grade: '分级', colour: '预警颜色',
      colourDefault: '（与分级对应）', reason: '确认理由', reasonPlaceholder: '例如：近 6 天新增病例数、波及范围、专家研判意见',
      reasonRequired: '请填写确认理由', submit: '确认', saving: '正在保存…', cancel: '取消', failed: '未能确认：{message}',
    },
  },
  rule: {
    loop_overdue: '闭环环节超时：{step}（人员 #{personId}），已逾期 {overdueHours} 小时',
    loop_positive: '核酸阳性：人员 #{personId} 转为确诊病例，闭环已重排',
    scan_cluster: '时空扫描发现聚集：{villages}，{startDay} 至 {endDay} 共 {observed} 例（期望 {expected} 例），重现间隔 {recurrenceDays} 天',
    ears_signal: '症状监测异常：{village}{kind} {date} 达 {count}，{methods} 报警',
    st_cluster: '病例时空聚集：{village}附近 {count} 例，近 7 天 {last7} 例（前 7 天 {prev7} 例）',
    case_outside_zone: '病例住址不在任何生效管控区内：人员 #{personId}（{village}），{reportDate} 报告',
    site_near_full: '隔离点接近满员：{site} 已用 {occupied}/{rooms} 间（{percent}%）',
    zone_due: '管控区域到期：{zone} 可于 {due} {action}',
  },
  ruleAlt: {
    st_cluster: '病例时空聚集：{count} 例，近 7 天 {last7} 例（前 7 天 {prev7} 例）',
    case_outside_zone: '病例住址不在任何生效管控区内：人员 #{personId}，{reportDate} 报告',
  },
  ruleName: {
    loop_overdue: '闭环超时', loop_positive: '核酸阳性', scan_cluster: '时空扫描聚集', ears_signal: '症状监测异常', st_cluster: '病例时空聚集',
    case_outside_zone: '病例在管控区外', site_near_full: '隔离点将满', zone_due: '管控区域到期',
  },
  ruleShort: {
    loop_overdue: '闭环环节超时',
    loop_positive: '核酸阳性，闭环已重排',
    scan_cluster: '时空扫描发现病例聚集',
    ears_signal: '症状监测数据异常升高',
    st_cluster: '病例时空聚集并在增长',
    case_outside_zone: '病例住址不在任何生效管控区内',
    site_near_full: '隔离点接近满员',
    zone_due: '管控区域已到降级或解封日期',
  },
  param: {
    action: { downgrade: '降级', lift: '解封' },
    step: {
      identified: '判定', notified: '告知', transferScheduled: '安排转运', transferred: '转运', quarantined: '入住隔离',
      tested: '核酸检测', released: '解除隔离', homeMonitoring: '居家监测', closed: '闭环',
    },
    methodsJoin: '、',
    listJoin: '、',
  },
};
