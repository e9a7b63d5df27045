// 简体中文: the live strings (issue 6): the "data as of" indicator in every top bar and on the wall.
// live.en.ts has exactly the same keys.
export default {
  live: '实时',
  connecting: '连接中',
  stale: '数据可能已过期',
  asOf: '数据截至 {time}',
  noData: '尚未收到数据',
  label: '实时数据状态',
  hint: {
    open: '已连接实时数据流，数据变化时页面自动更新。最后消息时间 {time}',
    connecting: '正在连接实时数据流。最后消息时间 {time}',
    stale: '超过 {seconds} 秒未收到服务器消息，显示的数据可能已过期，正在重新连接。最后消息时间 {time}',
    down: '与服务器的实时连接已断开，正在重新连接，显示的数据可能已过期。最后消息时间 {time}',
    idle: '未连接实时数据流',
  },
};
