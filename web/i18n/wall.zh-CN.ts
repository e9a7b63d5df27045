// 简体中文: the wall strings (issue 6). wall.en.ts has exactly the same keys.
export default {
  title: '',
};
