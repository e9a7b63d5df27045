// Synthetic Chinese personal names: surnames weighted by their frequency in northern China,
// given names (one or two characters) from pools that shift with the birth decade and sex.
import type { Rng } from '../prng.ts';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文申苗牛';
/** Rough weights: the top surnames of Hebei dominate. */
const WEIGHT = [...SURNAMES].map((_, i) => (i < 5 ? 8 : i < 12 ? 4 : i < 30 ? 2 : 1));

const OLD_M = '建国建军国强国庆志强志刚德明德福振华文明永生长青保国卫东红军铁柱金山玉林富贵树林';
const OLD_F = '秀英桂英秀兰玉兰桂兰凤英淑珍玉珍秀珍桂芝淑英玉梅秀云凤兰翠兰素芳春花爱华丽华';
const MID_M = '伟磊勇军杰涛斌超明刚平辉鹏华飞鑫波宁亮健强峰海龙洋';
const MID_F = '丽静敏燕艳娟霞芳娜玲洁丹红梅琳雪颖莉慧晶婷倩蕾';
const YOUNG_M = '浩然子轩宇航梓豪俊杰博文思远一鸣子墨浩宇天佑铭泽皓轩睿哲奕辰子涵';
const YOUNG_F = '子涵欣怡梓涵诗涵雨桐可馨一诺思琪语嫣佳怡梦琪雨萱紫涵若曦依诺欣妍';

const pairs = (s: string) => Array.from({ length: s.length / 2 }, (_, i) => s.slice(2 * i, 2 * i + 2));
const POOLS = {
  old: { male: pairs(OLD_M), female: pairs(OLD_F) },
  mid: { male: [...MID_M], female: [...MID_F] },
  young: { male: pairs(YOUNG_M), female: pairs(YOUNG_F) },
};
const SURNAME_LIST = [...SURNAMES];

export function personName(r: Rng, sex: 'male' | 'female', birthYear: number): string {
  const surname = SURNAME_LIST[r.weighted(WEIGHT)];
  if (birthYear < 1965) return surname + r.pick(POOLS.old[sex]);
  if (birthYear < 2000) {
    const pool = POOLS.mid[sex];
    return surname + (r.chance(0.45) ? r.pick(pool) : r.pick(pool) + r.pick(pool));
  }
  return surname + r.pick(POOLS.young[sex]);
}

const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156',
  '157', '158', '159', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199'];

/** An 11-digit mainland mobile number. */
export function mobileNumber(r: Rng): string {
  return r.pick(PHONE_PREFIXES) + String(r.int(0, 99_999_999)).padStart(8, '0');
}
