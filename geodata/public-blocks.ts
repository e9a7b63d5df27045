// Non-housing town blocks: government offices, squares, markets, health centres, schools,
// industry (彭城: ceramics, 磁州窑), and hotels/training centres that the scenario uses as
// quarantine sites. Each gets a place (for placement analyses later) and its buildings.
import { townShort } from './address-book.ts';
import { blockFrame } from './block-frame.ts';
import type { BlockUse } from './blocks.ts';
import { DISTRICT, TOWNSHIPS } from './design.ts';
import type { Layout } from './layout.ts';
import type { Built, PlaceDraft, XY } from './model.ts';
import type { Rng } from './prng.ts';

export interface Landmark { use: BlockUse; place: number; town: number; block: number; at: XY; name: string; road: string | null; roadno: string }

const CERAMICS = ['彭城陶瓷一厂', '彭城陶瓷二厂', '磁州窑艺术瓷厂', '彭城耐火材料厂', '彭城缸器厂', '彭城建筑陶瓷厂', '彭城日用瓷厂'];
const WORKS = ['建材厂', '机械厂', '物流园', '煤机配件厂', '洗选厂', '电力设备厂', '水泥制品厂', '汽修厂'];
const HOTELS = ['宾馆', '职工培训中心', '商务酒店', '会议中心', '党校培训楼', '招待所'];

function officeName(town: number): string {
  const t = TOWNSHIPS[town];
  return t.kind === 'subdistrict' ? `${t.name}办事处` : `${t.name}人民政府`;
}

/** `door` gives the block's street and a door number on it. */
export function publicBlock(layout: Layout, built: Built, k: number, use: BlockUse, unit: number, r: Rng,
  counters: Map<string, number>, door: () => { road: string | null; roadno: string }): Landmark[] {
  const block = layout.urban.blocks[k], frame = blockFrame(layout.L, block), t = TOWNSHIPS[block.town];
  const short = townShort(t.name), nth = (key: string) => { const n = (counters.get(key) ?? 0) + 1; counters.set(key, n); return n; };
  const wa = 9 / frame.widthM, wb = 9 / frame.depthM;
  const out: Landmark[] = [];
  const addPlace = (kind: PlaceDraft['kind'], subkind: string | null, name: string, a0: number, a1: number,
    floors: number, bkind: 'public' | 'industrial', nBuildings: number) => {
    const place = built.places.length;
    built.places.push({ kind, subkind, name, unit, ring: frame.rect(a0, wb, a1, 1 - wb), gate: frame.at((a0 + a1) / 2, wb) });
    for (let n = 0; n < nBuildings; n++) {
      const ba0 = a0 + ((a1 - a0) * (n + 0.15)) / nBuildings, ba1 = a0 + ((a1 - a0) * (n + 0.85)) / nBuildings;
      const bb0 = r.float(0.3, 0.45), bb1 = bb0 + r.float(0.12, 0.3);
      const cx = (ba0 + ba1) / 2, cy = (bb0 + bb1) / 2;
      built.buildings.push({ place, unit, cell: block.cells[Math.floor(cy * 3) * 3 + Math.floor(cx * 3)], name: `${name}${n + 1}号楼`,
        kind: bkind, units: 1, floors, ring: frame.rect(ba0, bb0, ba1, bb1), dwellings: [] });
    }
    out.push({ use, place, town: block.town, block: k, at: frame.at((a0 + a1) / 2, 0.5), name, ...door() });
  };
  switch (use) {
    case 'government':
      if (t.name === '滏阳东路街道') {
        addPlace('publicBuilding', 'government', `${DISTRICT.name}人民政府`, wa, 0.48, 6, 'public', 1);
        addPlace('publicBuilding', 'government', officeName(block.town), 0.52, 1 - wa, 5, 'public', 1);
      } else addPlace('publicBuilding', 'government', officeName(block.town), wa, 1 - wa, 4, 'public', 1);
      break;
    case 'square': addPlace('square', null, `${short}广场`, wa, 1 - wa, 1, 'public', 0); break;
    case 'market': addPlace('market', null, `${short}农贸市场`, wa, 1 - wa, 1, 'public', 2); break;
    case 'hospital':
      addPlace('clinic', 'healthCentre', t.kind === 'subdistrict' ? `${t.name}社区卫生服务中心` : `${t.name}卫生院`, wa, 1 - wa, 4, 'public', 2);
      break;
    case 'school': {
      const n = nth(`school${block.town}`);
      addPlace('school', null, n === 1 ? `${short}中学` : n === 2 ? `${short}中心小学` : `${short}第${n - 1}小学`, wa, 1 - wa, 4, 'public', 2);
      break;
    }
    case 'industrial': {
      const n = nth(`works${block.town}`);
      const name = t.name === '彭城镇' ? CERAMICS[(n - 1) % CERAMICS.length] : `${short}${WORKS[(n - 1) % WORKS.length]}`;
      addPlace('workplace', 'enterprise', name, wa, 1 - wa, 2, 'industrial', r.int(2, 4));
      break;
    }
    case 'hotel': {
      const n = nth('hotel');
      addPlace('publicBuilding', 'hotel', `${short}${HOTELS[(n - 1 + block.town) % HOTELS.length]}`, wa, 1 - wa, r.int(5, 8), 'public', r.int(1, 2));
      break;
    }
    default: break; // parks: landuse only
  }
  return out;
}
