// 简体中文: the closed-loop board (闭环看板) and the quarantine rooms (隔离房间) tabs of /cases.
// loops.en.ts must have the same keys (tests/web/i18n.test.ts checks the merged trees).
export default {
  step: {
    identified: '已发现', notified: '已告知', transferScheduled: '已安排转运', transferred: '已转运', quarantined: '已入住隔离',
    tested: '核酸检测', released: '解除隔离', homeMonitoring: '居家健康监测', closed: '闭环完成',
  },
  categoryShort: {
    confirmed: '确诊', asymptomatic: '无症状', suspected: '疑似', closeContact: '密接', secondaryContact: '次密接', atRiskTraveller: '来返',
  },
  escalation: {
    level0: '未超时', level1: '已超时（责任队伍跟进）', level2: '超时 6 小时以上（已报指挥长）', level3: '超时 24 小时以上（红色预警）',
  },
  board: {
    heading: '闭环看板', loading: '正在加载…', failed: '看板加载失败：{message}', retry: '重试',
    open: '{n} 人未闭环', overdue: '{n} 人超时', empty: '没有符合条件的未闭环人员', columnEmpty: '无', truncated: '人数过多，只列出最紧急的 {n} 人（各环节人数为全部）', more: '更多（{n}）',
    person: '#{id}', due: '时限 {time}', overdueBy: '超时 {h} 小时', dueIn: '剩余 {h} 小时', noTeam: '未指定队伍',
    complete: '完成本步', completeShort: '完成', refresh: '刷新', updatedAt: '{time} 更新，每 30 秒自动刷新',
    filters: { team: '责任队伍', allTeams: '全部队伍', step: '当前环节', allSteps: '全部环节', overdueOnly: '只看超时' },
    export: '导出看板', exportXlsx: '导出 Excel', exportCsv: '导出 CSV', exporting: '正在导出…', exportFailed: '导出失败：{message}',
  },
  kpis: {
    heading: '闭环指标', transferredPct: '{h} 小时内转运率', transferredPctShort: '{h}h 内转运率', open: '未闭环', overdue: '超时', filtered: '筛选后',
    latest: '{date}：{pct}', noPct: '无新增', identified: '当日新发现', median: '转运用时中位数 {h} 小时', failed: '指标加载失败：{message}',
    chartLabel: '每日 {h} 小时内转运的密接比例（最近 {n} 天）',
  },
  complete: {
    title: '完成环节：{step}', who: '人员 #{id}（{category}）', due: '时限：{time}', result: '检测结果', negative: '阴性', positive: '阳性',
    resultRequired: '请选择检测结果', positiveHint: '阳性：该人员将转为确诊病例，其余密接环节取消，并发出红色预警。',
    room: '隔离房间', roomRequired: '请选择隔离房间', suggesting: '正在推荐房间…', suggested: '推荐', current: '现住',
    noRoom: '没有可分配的房间：{reason}', roomOption: '{site} {block}区 {room}室',
    note: '备注（可选）', submit: '确认完成', submitting: '正在提交…', cancel: '取消', refused: '未完成：{message}',
  },
  rooms: {
    heading: '隔离房间', loading: '正在加载…', failed: '房间加载失败：{message}', empty: '暂无集中隔离点',
    totals: '共 {rooms} 间，已入住 {occupied} 间，空闲 {free} 间', site: '隔离点', rooms: '房间', occupied: '已入住', free: '空闲',
    siteRooms: '{occupied} / {rooms} 间已入住', siteFree: '空闲 {n} 间', siteFreed: '未来 7 天预计腾空 {n} 间', block: '{block} 区', blockRooms: '{occupied} / {rooms}',
    group: { case: '病例', close: '密接', secondary: '次密接', traveller: '来返人员', mixed: '混住（待清空）', none: '空置' },
    legend: '房间分组图例',
    status: { active: '运行', standby: '备用', closed: '关闭' },
    allocate: '分配房间',
  },
  forecast: {
    heading: '未来 7 天预计腾空房间', total: '合计 {n} 间', day: '{date}', empty: '未来 7 天无人解除隔离', undated: '另有 {n} 人解除日期未定', failed: '预测加载失败：{message}',
  },
  allocate: {
    title: '分配隔离房间', intro: '勾选待入住人员，先预览分配方案（同一房间只住一人，不同类别不混住，优先最近的隔离点），确认后写入。',
    waiting: '待入住人员（{n}）', none: '没有待分配房间的人员', selectAll: '全选', preview: '预览分配', previewing: '正在计算…',
    commit: '确认分配', committing: '正在分配…', cancel: '取消', close: '关闭', assigned: '{n} 人可分配', unplaced: '{n} 人无法分配',
    row: '#{person} → {site} {block} {room}', distance: '距住址 {km} 千米', reason: { no_room: '没有合适的空房', no_room_for_carer: '没有可容纳陪护的房间' },
    done: '已分配 {n} 人', refused: '分配失败：{message}', stale: '人员已变化，请重新预览',
  },
};
