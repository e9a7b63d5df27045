// 简体中文: the /cases page shell, the registry, the person's detail (流调 trajectory, contacts,
// loop, room, new contact with its schedule) and the transmission chains. cases.en.ts must have
// the same keys (tests/web/i18n.test.ts checks the merged trees).
export default {
  title: '个案与闭环',
  nav: { cases: '个案管理', map: '指挥一张图' },
  tabs: { registry: '登记', chain: '传播链', board: '闭环看板', rooms: '隔离房间', import: '导入' },
  loading: '正在加载…',
  loadFailed: '加载失败：{message}',
  retry: '重试',
  readOnly: '当前角色只能查看',
  step: {
    identified: '已发现', notified: '已告知', transferScheduled: '待转运', transferred: '已转运', quarantined: '已隔离',
    tested: '核酸检测', released: '解除隔离', homeMonitoring: '居家监测', closed: '已闭环',
  },
  status: { active: '管理中', released: '已解除', closed: '已闭环' },
  contactType: { household: '同住', work: '工作', social: '社交', transport: '交通', healthcare: '就医', other: '其他' },
  filters: {
    heading: '筛选', category: '人员类别', status: '状态', step: '当前环节', township: '乡镇/街道', from: '发现日期自',
    to: '至', overdue: '仅看逾期', q: '编号检索', qPlaceholder: '编号、乡镇或类别', all: '全部', reset: '清除筛选',
    active: '{n} 项筛选',
  },
  table: {
    id: '编号', name: '姓名', category: '类别', status: '状态', step: '当前环节', due: '截止', township: '乡镇', reportDate: '报告日期',
    team: '责任队伍', overdue: '逾期', empty: '没有符合条件的人员', page: '第 {n} 页', prev: '上一页', next: '下一页',
    total: '共 {n} 人', caption: '人员登记（姓名等个人信息已脱敏）',
  },
  detail: {
    close: '关闭', personNo: '人员 #{id}', sexAge: '{sex}，{age} 岁', onset: '发病', sample: '采样', report: '报告',
    home: '住址', township: '乡镇', team: '责任队伍', trajectory: '流调轨迹', noExposures: '暂无流调地点',
    window: '{from} 至 {to}', unnamedPlace: '未命名地点', contacts: '接触关系', infectedBy: '传染来源（上游）',
    exposedOthers: '其接触者（下游）', noUpstream: '无已知上游', noDownstream: '暂无接触者', lastExposure: '末次接触 {at}',
    loop: '闭环进度', due: '应于 {at}', done: '完成于 {at}', cancelled: '已取消', overdue: '已逾期', result: '结果：{r}',
    negative: '阴性', positive: '阳性', noSteps: '暂无闭环环节', room: '隔离房间', noRoom: '未安排房间',
    roomText: '{site} {block} {room} 房间', showOnMap: '在地图上查看', open: '查看详情',
  },
  contact: {
    add: '登记此人的接触者', title: '新增接触者', intro: '系统将按当前防控方案计算隔离与核酸检测日程。', name: '姓名',
    idNumber: '身份证号', phone: '手机号', sex: '性别', age: '年龄', homeAddress: '住址', homeHint: '写到门牌或村，系统自动定位',
    contactType: '接触方式', lastExposureAt: '末次接触时间', submit: '登记并生成日程', saving: '正在登记…', cancel: '取消',
    refused: '未登记：{message}', required: '请填写{field}', createdTitle: '已登记接触者 #{id}（{category}）',
    schedule: '隔离与检测日程', central: '集中隔离', home: '居家{kind}', homeKind: { monitoring: '健康监测', isolation: '隔离' },
    days: '{n} 天', range: '{from} 至 {to}', nat: '核酸检测日', natDay: '{phase}第 {day} 天', phase: { central: '集中', home: '居家' },
    none: '本方案不安排该类人员的隔离', steps: '已排定的闭环环节', again: '继续登记', done: '完成',
  },
  chain: {
    heading: '传播链', range: '日期范围', from: '自', to: '至', casesOnly: '仅显示病例', nodes: '{n} 人', links: '{n} 条接触关系',
    empty: '所选日期内没有传播关系', graph: '传播链关系图', map: '传播链地图', hint: '点击人员查看详情；滚轮缩放，拖动平移。',
    legendLink: '接触关系（住址之间）', legendVisit: '到访流调地点', label: '{category} #{id}', whole: '全部日期',
  },
  map: { home: '住址', legendHome: '住址', legendPlace: '流调地点（按时间编号）', legendPath: '活动轨迹', legendContact: '接触者住址' },
};
