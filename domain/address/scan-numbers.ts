// Numbered levels after normalisation (normalize.ts has already turned 栋/幢/座/# into 号楼 and
// "12-3-1001" into 12号楼3单元1001室). What a bare "N号" or "N" means depends on where it
// stands: after a compound "1号" is a building (峰景名邸1号3单元), before one it is a door
// number on a road or in a 组; after a unit a bare number is the room.
import type { NumberKind } from './scan.ts';

// Stage numbers as in scan.ts STAGE (repeated to avoid a cycle at module load).
const PLACE = 7;
const HOUSE = 9;

const PATTERNS: [RegExp, NumberKind][] = [
  [/^([A-Z\d]+)号楼/, 'house'],
  [/^(\d+)单元/, 'cell'],
  [/^(\d+)层/, 'floor'],
  [/^(\d+)室/, 'room'],
  [/^(\d+)组/, 'group'],
  [/^(\d+期|[东西南北中]区)/, 'subpoi'],
];
const DOOR = /^(\d+)号(附\d+号)?/;
const FLOOR_OR_HOUSE = /^(\d+)楼/;
const BARE = /^\d+/;

export function numberAt(s: string, pos: number, stage: number): { k: NumberKind; len: number; n: string } | null {
  const ch = s.charCodeAt(pos);
  const digit = ch >= 48 && ch <= 57;
  if (!digit && !(ch >= 65 && ch <= 90) && !'东西南北中'.includes(s[pos])) return null;
  const rest = s.slice(pos, pos + 16);
  for (const [re, k] of PATTERNS) {
    const m = re.exec(rest);
    if (!m) continue;
    // "1期" before any compound is part of a name nothing matched yet (中央公安1期).
    if (k === 'subpoi' && stage !== PLACE) return null;
    return { k, len: m[0].length, n: m[1] };
  }
  if (!digit) return null;
  const door = DOOR.exec(rest);
  if (door) {
    const n = door[1] + (door[2] ? door[2].replace(/号/g, '') : '');
    return stage >= PLACE ? { k: 'house', len: door[0].length, n: door[1] } : { k: 'roadno', len: door[0].length, n };
  }
  const fl = FLOOR_OR_HOUSE.exec(rest);
  if (fl) return { k: stage === PLACE ? 'house' : 'floor', len: fl[0].length, n: fl[1] };
  const bare = BARE.exec(rest)![0];
  if (stage >= HOUSE) return { k: 'room', len: bare.length, n: bare };
  if (stage >= PLACE) return { k: 'house', len: bare.length, n: bare };
  return { k: 'roadno', len: bare.length, n: bare };
}
