// 简体中文: /plan's coverage mode (issue 8 item 5), merged in as `plan.coverage` (plan.zh-CN.ts).
// Each block has a one-line `explain`: what the figures mean for the official reading them.
export default {
  intro: '按道路网计算居民到最近设施的时间：绿色为服务范围（越深越近），红圈为范围外的居民（圈越大人越多）。点击地图可查看到最近设施的路线。',
  facility: '设施类型', mode: '出行方式', minutes: '时间', minutesValue: '{n} 分钟', avoidSealed: '避开封控区',
  avoidSealedHint: '路线不穿过封控区（当前防控方案中最严格的区域类别）',
  facilities: { testingSites: '采样点', quarantineSites: '隔离点', feverClinics: '发热门诊', supplyPoints: '物资供应点' },
  modes: { walk: '步行', drive: '驾车' },
  /** Inside a sentence (English needs other word forms; Chinese does not). */
  modeWord: { walk: '步行', drive: '驾车' },
  facilityOne: { testingSites: '采样点', quarantineSites: '隔离点', feverClinics: '发热门诊', supplyPoints: '物资供应点' },
  loading: '正在计算…', failed: '计算失败：{message}',
  summary: {
    heading: '覆盖情况', explain: '{mode} {minutes} 分钟内能到达{facility}的居民占比；未覆盖的居民需要增设点位或安排上门服务。',
    share: '覆盖率', uncovered: '未覆盖居民', insideSealed: '封控区内居民', insideSealedHint: '封控区内居民由上门服务，不计入未覆盖',
    residents: '常住人口', cols: { uncovered: '未覆盖', insideSealed: '封控区内' }, facilities: '{facility} {n} 个', township: '乡镇/街道', village: '村/社区', back: '返回乡镇',
    villagesOf: '{name} 的村（社区）', people: '{n} 人', fit: '点击名称在地图上定位',
  },
  capacity: {
    heading: '资源与需求', explain: '按防控方案的配置标准比较现有资源与人口所需；红色为不足，需要调配或增设。',
    area: '区域', samplingPoints: '采样点', samplers: '需采样员', testHours: '一轮用时', rooms: '隔离房间',
    needRange: '需 {min}–{max}', need: '需 {n}', hours: '{n} 小时', noSite: '无', target: '目标 ≤{n} 小时', free: '空 {n}',
    forecast: '密接预测', forecastLine: '近 7 天 {cases} 例 × 每例 {perCase} 名密接 ≈ {forecast} 人；空余隔离房间 {free} 间',
    forecastShort: '隔离房间缺口约 {n} 间', sources: '依据', level: { district: '全区', township: '乡镇', zone: '区域' },
  },
  placement: {
    heading: '新增点位建议', explain: '在公共建筑、广场、学校和村卫生室中，挑出能让最多未覆盖居民 {minutes} 分钟内到达的位置，按增益排序。',
    k: '新增个数', run: '计算建议', running: '正在计算…', added: '+{n} 人', after: '累计覆盖 {share}',
    before: '现有覆盖 {covered} 人（{share}），候选点 {candidates} 个', empty: '没有能增加覆盖的候选点',
    kinds: { publicBuilding: '公共建筑', square: '广场', school: '学校', clinic: '卫生室/卫生服务站' },
  },
  checkpoints: {
    heading: '卡口建议', explain: '道路穿越管控区域边界、50 米内还没有在岗卡口的位置，建议在此设卡。',
    count: '建议新设 {n} 处，已有卡口 {covered} 处', none: '所有穿越点都已设卡', unnamed: '无名道路', more: '另有 {n} 处',
  },
  route: {
    hint: '点击地图任意位置，查看{mode}到最近{facility}的路线', result: '{mode} {minutes} 分钟 · {distance}', to: '到 {name}',
    meters: '{n} 米', km: '{n} 千米', clear: '清除路线', pending: '正在计算路线…', failed: '路线计算失败：{message}',
    reasons: { no_road_near_start: '起点 300 米内没有道路', no_road_near_end: '设施附近没有道路', unreachable: '无法到达（可能被封控区阻断）' },
  },
  legend: {
    heading: '覆盖分析', band: '{n} 分钟内可达', uncovered: '范围外居民', uncoveredSize: '圈越大，人越多', offNetwork: '远离道路的设施', sealedFacility: '封控区内的设施',
    pick: '建议新增点位', checkpoint: '建议卡口', route: '路线',
  },
};
