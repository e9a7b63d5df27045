// 简体中文: the wall strings (issue 6). wall.en.ts has exactly the same keys.
export default {
  title: '守望·指挥大屏',
  noIncident: '当前无进行中的事件',
  dayOf: '第 {n} 天',
  playback: '回放',
  playbackHint: '回放疫情演变',
  loading: '正在加载大屏数据…',
  stale: '汇总数据暂不可用，显示的是上次获取的数据',
  kpi: {
    casesToday: '今日新增病例', last7: '近 7 日', total: '累计', active: '现有',
    zones: '现行管控区域', quarantine: '隔离管控人员', central: '集中隔离', home: '居家隔离', roomsFree: '空余房间', roomsTotal: '隔离房间共 {n} 间',
    loops: '闭环步骤', open: '进行中', overdue: '已超时', tasks: '处置任务', tasksOpen: '未完成', tasksOverdue: '超时',
    coverage: '15 分钟采样圈', coverageCovered: '居民覆盖率', coverageUncovered: '圈外居民 {n} 人', coverageNone: '无道路或居民数据',
    alerts: '未处理预警',
  },
  level: { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' },
  panel: { epi: '流行曲线（病例数/日）', funnel: '闭环进度（人）', overdue: '超时闭环 · 按责任组', occupancy: '集中隔离点房间占用' },
  epi: { byOnset: '按发病日期', byReport: '按报告日期', empty: '暂无病例' },
  overdue: { steps: '{n} 步', worst: '超时 {h} 小时', none: '全部闭环步骤均在时限内', noTeam: '未指派责任组' },
  occupancy: { none: '暂无集中隔离点', standby: '备用', closed: '停用' },
  ticker: { label: '最新预警', none: '当前无未处理预警' },
  map: {
    overview: '全区总览', focus: '聚焦 {name}', cases7d: '近 7 日新增 {n} 例', cluster: '病例聚集（数字为例数）', caseKinds: '确诊 / 无症状 / 疑似',
    quarantineSite: '集中隔离点（颜色示占用）', checkpoint: '卡口', testingSite: '核酸采样点', playback: '回放中',
    hotspots: '热点 / 冷点网格', stCluster: '病例时空聚集（例数）', scan: '时空扫描聚集（虚线新发）', stCount: '{n} 例', scanRecurrence: '时空聚集 RI≥{n}天',
  },
};
