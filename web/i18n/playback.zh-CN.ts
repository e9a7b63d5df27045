// 简体中文: the playback strings (issue 6). playback.en.ts has exactly the same keys.
export default {
  title: '',
};
