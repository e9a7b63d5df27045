import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../domain/address/gazetteer.ts';
import { geocode } from '../../../domain/address/geocode.ts';
import { REVIEW_BELOW } from '../../../domain/address/types.ts';
import { ADDRESS_GAZETTEER_INPUT, pointId } from '../../fixtures/address-gazetteer.ts';

const gaz = buildGazetteer(ADDRESS_GAZETTEER_INPUT);
const fengjing = { town: '临水镇', community: '团结社区', road: '南环路', roadno: '19号', poi: '峰景名邸' };
const ROOM_401 = pointId({ ...fengjing, houseno: '1号楼', cellno: '3单元', roomno: '401室' });
const BEIMA_5_29 = pointId({ town: '大社镇', community: '北马庄村', roadno: '5组29号' });
const best = (text: string) => geocode(gaz, text).best;

describe('geocode: one flat written the ways people write it', () => {
  it.each([
    ['河北省邯郸市峰峰矿区临水镇团结社区南环路19号峰景名邸1号楼3单元401室', 1],
    ['峰峰矿区临水镇团结社区峰景名邸1号楼3单元401室', 1],
    ['临水镇团结社区峰景名邸1栋3单元401', 1],
    ['临水团结社区峰景名邸1幢3单元401室', 1],
    ['临水镇团结社区峰景名邸1座3单元401室', 1],
    ['临水镇团结社区峰景名邸1-3-401', 1],
    ['临水镇团结社区峰景名邸1#3-401', 1],
    ['临水镇团结社区峰景名邸１号楼３单元４０１室', 1],
    ['临水镇 团结社区  峰景名邸 1号楼 3单元 401室', 1],
    ['临水镇团结社区居委会峰景名邸一号楼三单元四〇一室', 1],
    ['临水镇团结社区峰景名邸1号楼3单元401室（门口）', 1],
    ['临水镇团结社区峰景名邸1号楼3单元4楼1室', 1],
    ['团结社区峰景名邸1号楼3单元401室', 0.98],
    ['峰景名邸1号楼3单元401室', 0.95],
    ['临水镇团结社区峰景明邸1号楼3单元401室', 0.93],
    ['临水镇团吉社区峰景名邸1号楼3单元401室', 0.93],
  ])('%s → room 401 at %f', (text, confidence) => {
    const b = best(text);
    expect(b).toMatchObject({ level: 'room', addressPointId: ROOM_401, placeId: 100, adminUnitId: 10 });
    expect(b!.confidence).toBe(confidence);
    expect(b!.confidence).toBeGreaterThanOrEqual(REVIEW_BELOW);
  });

  it('labels the candidate with the stored address and returns the address point', () => {
    const r = geocode(gaz, '峰景名邸1-3-401');
    expect(r.best!.label).toBe('临水镇团结社区南环路19号峰景名邸1号楼3单元401室');
    expect(r.best!.point).toEqual(ADDRESS_GAZETTEER_INPUT.addressPoints.find((a) => a.id === ROOM_401)!.point);
    expect(r.parts).toMatchObject({ poi: '峰景名邸', houseno: '1号楼', cellno: '3单元', roomno: '401室' });
  });
});

describe('geocode: rural doors, 组 and natural villages', () => {
  it.each([
    ['河北省邯郸市峰峰矿区大社镇北马庄村5组29号', 1],
    ['大社镇北马庄村五组二十九号', 1],
    ['大社镇北马庄村委会5组29号附近', 1],
    ['北马庄村5组29号', 0.98],
    ['北马庄5组29号', 0.98],
    ['大社镇北马装村5组29号', 0.93],
  ])('%s → the door at %f', (text, confidence) => {
    expect(best(text)).toMatchObject({ level: 'doorplate', addressPointId: BEIMA_5_29, confidence });
  });

  it('finds a door by the natural village written after, or instead of, its village', () => {
    const door = pointId({ town: '彭城镇', community: '上常坡村', roadno: '5组12号' });
    expect(best('彭城镇上常坡村小宋窑5组12号')).toMatchObject({ addressPointId: door, confidence: 1 });
    expect(best('彭城镇小宋窑5组12号')).toMatchObject({ addressPointId: door, confidence: 1 });
    expect(best('小宋窑村5组12号')).toMatchObject({ addressPointId: door, confidence: 0.98 });
  });

  it('places a 组 without a door at its natural village, for review', () => {
    const b = best('彭城镇上常坡村5组');
    expect(b).toMatchObject({ level: 'village', adminUnitId: 14, point: ADDRESS_GAZETTEER_INPUT.places.find((p) => p.id === 201)!.point });
    expect(b!.confidence).toBeLessThan(REVIEW_BELOW);
  });

  it('finds a door written without its 组 when only one 组 has it, and offers each 组 when several do', () => {
    expect(best('大社镇北马庄村29号')).toMatchObject({ addressPointId: BEIMA_5_29, confidence: 0.97 });
    const r = geocode(gaz, '大社镇北马庄村3号');
    expect(r.candidates.map((c) => c.addressPointId).sort()).toEqual([
      pointId({ town: '大社镇', community: '北马庄村', roadno: '1组3号' }), pointId({ town: '大社镇', community: '北马庄村', roadno: '5组3号' }),
    ].sort());
    expect(r.best!.confidence).toBeLessThan(REVIEW_BELOW);
  });
});

describe('geocode: roads, gates and the fall-back levels', () => {
  it('finds a courtyard door on a road, and tells the road 滏阳东路 from the township', () => {
    const door = pointId({ town: '滏阳东路街道', community: '春光社区', road: '东风路', roadno: '7号' });
    expect(best('滏阳东路街道春光社区东风路7号')).toMatchObject({ level: 'doorplate', addressPointId: door, confidence: 1 });
    const fuyang = pointId({ town: '滏阳东路街道', community: '春光社区', road: '滏阳东路', roadno: '9号' });
    expect(best('滏阳东路9号')).toMatchObject({ addressPointId: fuyang });
    expect(best('春光社区东风路7号')).toMatchObject({ addressPointId: door, confidence: 0.98 });
  });

  it('offers both doors when a road number exists in two townships and neither is written', () => {
    const r = geocode(gaz, '东风路5号');
    expect(r.candidates).toHaveLength(2);
    expect(r.best!.confidence).toBeLessThan(REVIEW_BELOW);
  });

  it('falls back to the building, the compound, the village and the township', () => {
    expect(best('临水镇团结社区峰景名邸2号楼')).toMatchObject({ level: 'building', buildingId: 1001, confidence: 0.9 });
    expect(best('临水镇团结社区峰景名邸2号楼9单元901室')).toMatchObject({ level: 'building', buildingId: 1001, confidence: 0.85 });
    expect(best('临水镇团结社区南环路19号')).toMatchObject({ level: 'compound', placeId: 100, confidence: 0.75 });
    expect(best('临水镇团结社区峰景名邸')).toMatchObject({ level: 'compound', placeId: 100 });
    expect(best('临水镇团结社区')).toMatchObject({ level: 'village', adminUnitId: 10, confidence: 0.6 });
    expect(best('临水镇')).toMatchObject({ level: 'township', adminUnitId: 3, confidence: 0.4 });
    expect(geocode(gaz, '北京市朝阳区建国路88号')).toMatchObject({ best: null, candidates: [] });
  });
});

describe('geocode: ambiguity and contradictions', () => {
  it('gives two candidates at a lower confidence when a compound name exists in two townships', () => {
    const r = geocode(gaz, '幸福家园3号楼2单元501室');
    expect(r.candidates).toHaveLength(2);
    expect(r.candidates.map((c) => c.placeId).sort()).toEqual([104, 105]);
    expect(r.best!.confidence).toBeLessThan(REVIEW_BELOW);
    expect(best('临水镇幸福家园3号楼2单元501室')).toMatchObject({ placeId: 104, confidence: 0.97 });
    expect(best('峰峰镇和平社区幸福家园3号楼2单元501室')).toMatchObject({ placeId: 105, confidence: 1 });
  });

  it('takes the compound that has the building when a short form fits two', () => {
    expect(best('嘉和雅居5号楼1单元101室')).toMatchObject({ placeId: 103, level: 'room' });
    expect(geocode(gaz, '嘉和雅居').candidates.map((c) => c.placeId).sort()).toEqual([102, 103]);
  });

  it('keeps a community written under the wrong township, at a penalty that sends it to review', () => {
    const b = best('峰峰镇团结社区峰景名邸1号楼3单元401室');
    expect(b).toMatchObject({ addressPointId: ROOM_401 });
    expect(b!.confidence).toBeLessThan(REVIEW_BELOW);
  });

  it('never fuzzily matches outside the resolved parent', () => {
    // 峰景明邸 is one edit from 峰景名邸 (团结社区), but 建设社区 has no such compound.
    expect(best('临水镇建设社区峰景明邸1号楼3单元401室')).toMatchObject({ level: 'village', adminUnitId: 11 });
  });

  it('returns at most five candidates, best first', () => {
    const r = geocode(gaz, '大社镇北马庄村3号');
    expect(r.candidates.length).toBeLessThanOrEqual(5);
    const confs = r.candidates.map((c) => c.confidence);
    expect([...confs].sort((a, b) => b - a)).toEqual(confs);
  });
});

describe('geocode: input that is not an address', () => {
  it('answers nothing for empty or foreign text, and reads only the start of a very long cell', () => {
    expect(geocode(gaz, '')).toMatchObject({ best: null, candidates: [] });
    expect(geocode(gaz, '=HYPERLINK("http://x")')).toMatchObject({ best: null });
    const long = '临水镇团结社区峰景名邸1号楼3单元401室' + '某'.repeat(100_000);
    const t = performance.now();
    expect(geocode(gaz, long).best).toMatchObject({ addressPointId: ROOM_401 });
    expect(performance.now() - t).toBeLessThan(200);
  });
});
