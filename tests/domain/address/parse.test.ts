import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../domain/address/gazetteer.ts';
import { parseAddress } from '../../../domain/address/parse.ts';
import { ADDRESS_GAZETTEER_INPUT } from '../../fixtures/address-gazetteer.ts';

const gaz = buildGazetteer(ADDRESS_GAZETTEER_INPUT);

describe('parseAddress: the §5.3 spec examples', () => {
  it('reads the building-unit-room dash pattern after a compound and its sub-compound', () => {
    expect(parseAddress('竹海水韵春风里12-3-1001', gaz)).toEqual({
      poi: '竹海水韵', subpoi: '春风里', houseno: '12号楼', cellno: '3单元', roomno: '1001室',
    });
  });

  it('keeps a rural door in its 组 as one roadno', () => {
    expect(parseAddress('沿山村5组6号')).toEqual({ community: '沿山村', group: '5组', roadno: '5组6号' });
  });

  it('labels a township and a village it has never seen by their suffixes', () => {
    expect(parseAddress('张庆乡北胡乔村')).toEqual({ town: '张庆乡', community: '北胡乔村' });
  });
});

describe('parseAddress: the ways people write Fengfeng addresses', () => {
  it('labels the full urban form of the demo', () => {
    expect(parseAddress('河北省邯郸市峰峰矿区临水镇团结社区南环路19号峰景名邸1号楼3单元401室', gaz)).toEqual({
      prov: '河北省', city: '邯郸市', district: '峰峰矿区', town: '临水镇', community: '团结社区', road: '南环路',
      roadno: '19号', poi: '峰景名邸', houseno: '1号楼', cellno: '3单元', roomno: '401室',
    });
  });

  it('reads short prefixes (河北邯郸峰峰矿区) and a township written without 镇', () => {
    expect(parseAddress('河北邯郸峰峰矿区临水团结社区峰景名邸2栋', gaz)).toEqual({
      prov: '河北', city: '邯郸', district: '峰峰矿区', town: '临水', community: '团结社区', poi: '峰景名邸', houseno: '2号楼',
    });
  });

  it('labels a natural village written after its village, and a 村委会 suffix', () => {
    expect(parseAddress('彭城镇上常坡村委会小宋窑5组12号', gaz)).toEqual({
      town: '彭城镇', community: '上常坡村委会', natural: '小宋窑', group: '5组', roadno: '5组12号',
    });
  });

  it('tells the road 滏阳东路 from the township 滏阳东路街道', () => {
    expect(parseAddress('滏阳东路街道春光社区滏阳东路9号', gaz)).toEqual({
      town: '滏阳东路街道', community: '春光社区', road: '滏阳东路', roadno: '9号',
    });
  });

  it('labels a misspelt compound by where it stands, and a floor', () => {
    expect(parseAddress('临水镇团结社区峰景明邸1号楼3单元4楼1室', gaz)).toEqual({
      town: '临水镇', community: '团结社区', poi: '峰景明邸', houseno: '1号楼', cellno: '3单元', floorno: '4层', roomno: '1室',
    });
  });

  it('reads "1号" after a compound as its building', () => {
    expect(parseAddress('峰景名邸1号3单元401', gaz)).toMatchObject({ poi: '峰景名邸', houseno: '1号', cellno: '3单元', roomno: '401室' });
  });
});
