// 简体中文: the live strings (issue 6). live.en.ts has exactly the same keys.
export default {
  title: '',
};
