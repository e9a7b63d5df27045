// Place-name vocabularies: village, community, compound and street names in the style of
// southern Hebei. Generated names are synthetic (README says so); the few real ones come from
// design.ts (大峪镇's villages) and the June 2022 notice (scenario.ts).
import type { Rng } from './prng.ts';

const DIRECTION = ['东', '西', '南', '北', '前', '后', '上', '下', '中', '大', '小'];
const SURNAME = ['王', '李', '张', '刘', '赵', '杨', '郭', '马', '孙', '高', '贾', '申', '苗', '郝', '牛', '韩', '胡', '冯', '彭', '史', '曹', '魏', '程', '吕', '闫', '尚', '齐', '常', '薛', '邵', '路', '范', '宋', '庞', '桑', '石', '左'];
const PLAIN_END = ['庄', '屯', '营', '寨', '店', '固', '堡', '头', '城', '台', '集'];
const HILL_END = ['沟', '峪', '岭', '坡', '坪', '洼', '垴', '岩', '窑', '河'];
const NATURE = ['石', '柳', '杨', '槐', '枣', '泉', '龙', '凤', '白', '黄', '青', '红', '羊', '马', '牛', '鹿', '银', '金', '桃', '杏', '北山', '南山', '西山', '和', '安', '兴', '太平', '义', '仁', '德', '新', '水', '井', '磁'];

/** A village name ending in 村, unique in `used`. */
export function villageName(r: Rng, used: Set<string>, hilly: boolean): string {
  for (let tries = 0; tries < 200; tries++) {
    const end = r.pick(hilly && r.chance(0.75) ? HILL_END : PLAIN_END);
    const pattern = r.int(0, 3);
    const base = pattern === 0 ? r.pick(DIRECTION) + r.pick(SURNAME) + end
      : pattern === 1 ? r.pick(SURNAME) + '家' + end
        : pattern === 2 ? r.pick(DIRECTION) + r.pick(NATURE) + end
          : r.pick(NATURE) + r.pick(HILL_END.concat(PLAIN_END));
    const name = base + '村';
    if (!used.has(name) && base.length >= 2 && base.length <= 4) { used.add(name); return name; }
  }
  throw new Error('villageName: vocabulary exhausted');
}

const COMMUNITY = ['滏阳', '鼓山', '和平', '建设', '光明', '新华', '团结', '幸福', '文化', '振兴', '朝阳', '东风', '红旗',
  '胜利', '工农', '矿建', '兴隆', '康乐', '龙泉', '清泉', '跃进', '前进', '育才', '春光', '南街', '北街', '东街', '西街',
  '新村', '北岭', '南岭', '机厂', '电厂', '山底', '河畔', '府前', '兴华', '通顺', '富田', '盐店', '陶瓷', '瓷都', '窑头',
  '站前', '东环', '西环', '北环', '南环', '繁荣', '长安', '永安', '晨光', '民主', '新兴', '金鼎', '华安', '安康', '广场',
  '铁路', '园林', '商贸', '中心', '新城', '滨河', '北关', '南关', '丰收', '桥西', '桥东', '响堂'];

export function communityName(r: Rng, used: Set<string>, prefer?: string): string {
  if (prefer && !used.has(`${prefer}社区`)) { used.add(`${prefer}社区`); return `${prefer}社区`; }
  const pool = COMMUNITY.filter((n) => !used.has(`${n}社区`));
  const name = `${r.pick(pool)}社区`;
  used.add(name);
  return name;
}

const COMPOUND_HEAD = ['锦绣', '阳光', '和谐', '鼓山', '滏源', '金色', '怡景', '翠苑', '龙城', '磁州', '兴隆', '康乐', '幸福',
  '盛世', '御景', '紫荆', '丽景', '泰和', '东方', '瑞祥', '明珠', '馨园', '滨河', '城南', '城北', '峰景', '宏达', '福泰',
  '安居', '嘉和', '天和', '晨光', '鑫源', '世纪', '凤凰', '桃园', '雅居', '润和', '金鼎', '中兴', '建业', '恒信', '颐和',
  '书香', '文苑', '银河', '星河', '春晖', '荣华', '德馨', '华城', '时代', '蓝天', '绿洲', '清华', '泉景', '响堂', '富康'];
const COMPOUND_TAIL = ['小区', '家园', '花园', '佳苑', '苑', '新村', '公寓', '雅居', '华庭', '名邸', '嘉园', '花苑', '福邸', '府'];

export function compoundName(r: Rng, used: Set<string>): string {
  for (let tries = 0; tries < 500; tries++) {
    let name = r.pick(COMPOUND_HEAD) + r.pick(COMPOUND_TAIL);
    if (r.chance(0.12)) name += r.pick(['1期', '2期', '东区', '西区', '南区', '北区']);
    if (!used.has(name)) { used.add(name); return name; }
  }
  throw new Error('compoundName: vocabulary exhausted');
}

export const MINE_COMPOUND_TAIL = ['家属院', '工人村', '东小区', '西小区', '南苑', '新村', '职工公寓'];

/** East–west streets (…路) and north–south streets (…街 / …大街). */
export const ROAD_EW = ['建设路', '和平路', '光明路', '新华路', '团结路', '人民路', '胜利路', '工农路', '矿建路', '文化路',
  '育才路', '振兴路', '迎宾路', '朝阳路', '东风路', '红旗路', '兴业路', '康宁路', '泰山路', '黄河路', '长江路', '滨河路',
  '民主路', '解放路', '友谊路', '幸福路', '前进路', '跃进路', '北环路', '南环路', '复兴路', '健康路', '永安路', '新兴路'];
export const ROAD_NS = ['中华大街', '和平街', '新兴街', '光明街', '建华街', '青年街', '商贸街', '丰收街', '矿山街',
  '鼓山大街', '响堂大街', '兴华街', '振兴大街', '府前街', '市场街', '育红街', '富强街', '春晖街', '龙山街', '东环街',
  '西环街', '铁西街', '车站街', '学府街', '园林街', '公园街', '安乐街', '长春街', '同心街', '福源街'];
