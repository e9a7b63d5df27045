// Travel speeds per mode and road class, and the walk between a point and the road network.
import { ROAD_CLASSES, type RoadClass } from '../layers.ts';
import type { TravelMode } from './types.ts';

/**
 * Walking speed, km/h. GB 50180-2018 《城市居住区规划设计标准》 §2.0.2 and Table 4.0.1 size the
 * 15-minute life circle as a walk of 800–1,000 m: 1,000 m in 15 minutes is 4 km/h (a slow, all-ages pace;
 * the elderly and children are who walk to a sampling point).
 */
export const WALK_KMH = 4;

/**
 * Driving speeds, km/h, from the design speeds of CJJ 37-2012 《城市道路工程设计规范》 §3.2 (设计速度 table)
 * (快速路 100/80/60, 主干路 60/50/40, 次干路 50/40/30, 支路 40/30/20), at the low end: a mining
 * district's town streets, mixed traffic, junctions every few hundred metres. A trunk (国道/省道
 * through town) sits one step above a primary. `lane` (胡同, 小区内路) has no design speed in CJJ
 * 37; 15 km/h is our assumption, below the lowest 支路 speed.
 */
export const DRIVE_KMH: Record<RoadClass, number> = {
  expressway: 60,
  trunk: 50,
  primary: 40,
  secondary: 30,
  tertiary: 30,
  residential: 20,
  lane: 15,
};

/** km/h on a road class in a mode; 0 = not allowed (pedestrians are barred from expressways:
 * 《道路交通安全法》 第六十七条). */
export function speedKmh(mode: TravelMode, roadClass: RoadClass): number {
  if (mode === 'drive') return DRIVE_KMH[roadClass];
  return roadClass === 'expressway' ? 0 : WALK_KMH;
}

/** Speeds indexed like ROAD_CLASSES (RoadGraph.edgeClass), for the per-edge loops. */
export function speedsByClassIndex(mode: TravelMode): Float64Array {
  return Float64Array.from(ROAD_CLASSES, (c) => speedKmh(mode, c));
}

/** A point farther than this from every usable road is off the network (metres): a 300 m walk
 * is ~4.5 minutes, a third of the 15-minute circle, already more than any courtyard or lane. */
export const ACCESS_MAX_METERS = 300;

/** Minutes to walk `meters` between a point and the road (off-network legs are walked in both modes). */
export function accessMinutes(meters: number): number {
  return meters / ((WALK_KMH * 1000) / 60);
}
