// English: the wall strings (issue 6). Same keys as wall.zh-CN.ts.
import type zhCN from './wall.zh-CN.ts';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zhCN> = {
  title: '',
};

export default en;
