// Wording helpers of /plan's coverage mode, pure: shares as percentages, distances in m or km,
// a point's small box for the map to fit (a row clicked in a list of sites or crossings).
import type { Bbox } from '../../map/bbox.ts';

export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Metres below 1 km, else kilometres to 0.1: the i18n key (`plan.coverage.route.*`) and the figure. */
export function distanceParts(meters: number): { key: 'meters' | 'km'; value: number; digits: number } {
  return meters < 1000 ? { key: 'meters', value: Math.round(meters), digits: 0 } : { key: 'km', value: meters / 1000, digits: 1 };
}

/** About `halfMeters` around a point: enough for the camera to show the street it stands on. */
export function pointBox(lng: number, lat: number, halfMeters = 250): Bbox {
  const dLat = halfMeters / 111_320;
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}
