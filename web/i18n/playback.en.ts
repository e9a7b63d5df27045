// English: the playback strings (issue 6). Same keys as playback.zh-CN.ts.
import type zhCN from './playback.zh-CN.ts';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zhCN> = {
  title: '',
};

export default en;
