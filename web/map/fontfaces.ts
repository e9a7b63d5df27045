// Offline glyphs (stack.md §4 mode A): MapLibre's `font-faces` maps the label font to the
// @fontsource/noto-sans-sc woff2 slices, fetched lazily per unicode range and drawn with TinySDF.
import type { FontFacesSpecification } from 'maplibre-gl';
import unicode from '@fontsource/noto-sans-sc/unicode.json';
import { FONT } from './style-kit.ts';

// URLs only: Vite copies the slices to dist/ and the browser fetches just the ones labels use.
const files = import.meta.glob<string>(
  '../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff2',
  { query: '?url', import: 'default', eager: true });

export function notoSansScFontFaces(base: string): FontFacesSpecification {
  const bySubset = new Map<string, string>();
  for (const [path, url] of Object.entries(files)) {
    const m = /noto-sans-sc-(.+)-400-normal\.woff2$/.exec(path);
    if (m) bySubset.set(m[1], url);
  }
  // unicode.json names subsets "[118]" or "latin"; the files are "…-118-400-normal.woff2".
  const faces = Object.entries(unicode as Record<string, string>).flatMap(([subset, ranges]) => {
    const url = bySubset.get(subset.replace(/^\[(\d+)\]$/, '$1'));
    return url ? [{ url: new URL(url, base).href, 'unicode-range': ranges.split(',') }] : [];
  });
  return { [FONT]: faces };
}
