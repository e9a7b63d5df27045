// Residential compounds (小区): rows of south-facing mid-rise blocks (4–7 floors, 2–4 stair
// units, 2 flats per floor per unit) with fire lanes between columns and sun-spacing between
// rows (≈ 1.7 × building height). One address point per occupied flat, at its unit's entrance.
import type { BlockFrame } from './block-frame.ts';
import type { BuildingDraft, DwellingDraft, PlaceDraft } from './model.ts';
import type { Rng } from './prng.ts';
import type { Block } from './urban.ts';

/** The compound's wall, in block parameters (the street and pavement lie outside it). */
export interface CompoundArea { a0: number; a1: number; b0: number; b1: number }
export interface CompoundAddress { road: string | null; roadno: string }

const UNIT_W = 14.5; // m per stair unit (two flats of ≈ 90 m²)
const DEPTH = 12; // m

export function buildCompound(frame: BlockFrame, block: Block, area: CompoundArea, name: string, unit: number,
  addr: CompoundAddress, r: Rng, placeIndex: number): { place: PlaceDraft; buildings: BuildingDraft[] } {
  const { widthM: W, depthM: D } = frame;
  const floors = r.int(4, 7), occupancy = r.float(0.86, 0.97);
  const M = 9; // m from the compound wall to the nearest building
  const widthM = (area.a1 - area.a0) * W - 2 * M, depthM = (area.b1 - area.b0) * D - 2 * M;
  const gap = Math.max(22, 1.7 * floors * 2.9), colGap = r.float(14, 22); // sun spacing, fire lanes
  let units = r.int(2, 4);
  while (units > 1 && units * UNIT_W > widthM) units--;
  const len = units * UNIT_W;
  const rows = Math.max(1, Math.floor((depthM + gap) / (DEPTH + gap)));
  const cols = Math.max(1, Math.floor((widthM + colGap) / (len + colGap)));
  // centre the grid in the area
  const usedW = cols * len + (cols - 1) * colGap, usedD = rows * DEPTH + (rows - 1) * gap;
  const a0 = area.a0 + (M + (widthM - usedW) / 2) / W, b0 = area.b0 + (M + (depthM - usedD) / 2) / D;
  const buildings: BuildingDraft[] = [];
  let number = 0;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      if (rows * cols > 3 && r.chance(0.15)) continue; // a garden, a kindergarten, a car park instead
      const ba0 = a0 + (col * (len + colGap)) / W, ba1 = ba0 + len / W;
      const bb0 = b0 + (row * (DEPTH + gap)) / D, bb1 = bb0 + DEPTH / D;
      const cx = (ba0 + ba1) / 2, cy = (bb0 + bb1) / 2;
      const cell = block.cells[Math.min(2, Math.floor(cy * 3)) * 3 + Math.min(2, Math.floor(cx * 3))];
      const houseno = `${++number}号楼`, dwellings: DwellingDraft[] = [];
      for (let u = 0; u < units; u++) {
        for (let f = 1; f <= floors; f++) {
          for (let k = 1; k <= 2; k++) {
            if (!r.chance(occupancy)) continue;
            const [x, y] = frame.at(ba0 + ((u + (k - 0.5) / 2) * UNIT_W) / W, bb0 + 3 / D);
            dwellings.push({ x, y, cell, road: addr.road, roadno: addr.roadno, poi: name, houseno,
              cellno: `${u + 1}单元`, roomno: `${f}0${k}室`, rural: false });
          }
        }
      }
      buildings.push({ place: placeIndex, unit, cell, name: houseno, kind: 'midrise', units, floors,
        ring: frame.rect(ba0, bb0, ba1, bb1), dwellings });
    }
  }
  const place: PlaceDraft = {
    kind: 'compound', subkind: null, name, unit,
    ring: frame.rect(area.a0, area.b0, area.a1, area.b1),
    gate: frame.at((area.a0 + area.a1) / 2, area.b0),
  };
  return { place, buildings };
}
