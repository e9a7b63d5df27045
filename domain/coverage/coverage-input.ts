// The per-household input of the coverage sums (area-coverage.ts, uncovered-cells.ts): typed
// arrays indexed by household point, built once per database by the server (server/coverage/).
type Counts = Float64Array | Int32Array;

export interface AreaUnit { level: 'district' | 'township' | 'village' | 'grid'; id: number; code: string | null; name: string; parentId: number | null }

/** One entry per household point (index i everywhere). */
export interface CoverageInput {
  residents: Counts;
  /** Households per point; absent: one per point (the demo's address points hold one each). */
  households?: Counts;
  /** Travel minutes to the nearest facility; Infinity when unreachable or off the network. */
  pointMinutes: Float64Array;
  /** 1: the point lies inside a sealed zone. */
  insideSealed: Uint8Array;
  /** Village unit id of the point (-1: none). */
  village: Int32Array;
  /** Grid id of the point (-1: none). */
  grid: Int32Array;
  units: AreaUnit[];
}

/** True when point i is covered within `minutes` (NaN and Infinity are not). */
export const isCovered = (input: CoverageInput, i: number, minutes: number): boolean =>
  input.insideSealed[i] === 0 && input.pointMinutes[i] <= minutes;
