// The map's shareable state in the query string: `?c=114.2039,36.4204&z=11.5&l=cases,zones`.
// Pure: parse and print only; the map page reads it once and writes it on moveend.
import type { LayerId } from '../../domain/layers.ts';

export interface MapUrlState {
  center?: [number, number];
  zoom?: number;
  /** Visible toggleable layers; absent = defaults, empty = none. */
  layers?: LayerId[];
}

const finite = (s: string): number | undefined => {
  const n = Number(s);
  return s.trim() !== '' && Number.isFinite(n) ? n : undefined;
};

/** Reads c, z and l from a query string; invalid or unknown values are dropped, not guessed. */
export function decodeMapUrl(search: string, allowedLayers: readonly LayerId[]): MapUrlState {
  const params = new URLSearchParams(search);
  const state: MapUrlState = {};
  const c = params.get('c')?.split(',');
  if (c && c.length === 2) {
    const [lng, lat] = c.map(finite);
    if (lng !== undefined && lat !== undefined && Math.abs(lng) <= 180 && Math.abs(lat) <= 90) state.center = [lng, lat];
  }
  const z = finite(params.get('z') ?? '');
  if (z !== undefined && z >= 0 && z <= 24) state.zoom = z;
  const l = params.get('l');
  if (l !== null) {
    const wanted = new Set(l.split(',').map((s) => s.trim()));
    state.layers = allowedLayers.filter((id) => wanted.has(id));
  }
  return state;
}

/**
 * Writes c (5 decimals ≈ 1 m), z (2 decimals) and l into `search`, keeping any other parameter.
 * Commas stay literal so the URL reads as in the docs.
 */
export function encodeMapUrl(state: Required<MapUrlState>, search = ''): string {
  const params = new URLSearchParams(search);
  params.set('c', state.center.map((v) => Number(v.toFixed(5))).join(','));
  params.set('z', String(Number(state.zoom.toFixed(2))));
  params.set('l', state.layers.join(','));
  return `?${params.toString().replaceAll('%2C', ',')}`;
}
