// English: the live strings (issue 6). Same keys as live.zh-CN.ts.
import type zhCN from './live.zh-CN.ts';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zhCN> = {
  live: 'Live',
  connecting: 'Connecting',
  stale: 'Data may be stale',
  asOf: 'data as of {time}',
  noData: 'no data yet',
  label: 'Live data status',
  hint: {
    open: 'Connected to the live stream: the page updates itself when data change. Last message {time}',
    connecting: 'Connecting to the live stream. Last message {time}',
    stale: 'No message from the server for over {seconds} s: the data shown may be out of date. Reconnecting. Last message {time}',
    down: 'The live connection to the server is down: the data shown may be out of date. Reconnecting. Last message {time}',
    idle: 'Not connected to the live stream',
  },
};

export default en;
