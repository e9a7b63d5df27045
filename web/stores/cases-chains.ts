// The incident's transmission chains (GET /chains): persons as nodes, contact links, and the
// exposure places of each person. Loaded once; the date-range slider then filters on the client
// so dragging it needs no round trip. The filter follows the server's rules for ?from=&to=
// (server/db/chains.ts: links by their last exposure day, persons by their report day or else
// the day they were identified, places whose visit overlaps the range), and keeps both ends of
// every link shown so the graph never has a dangling edge.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import { apiGet } from '../api.ts';
import type { ChainData, ChainNode } from './cases-types.ts';

export interface DayRange { from: string; to: string }

const EMPTY: ChainData = { nodes: [], links: [], places: [] };
/** The day that dates a person in the chain: report day, else the day they were identified. */
export const nodeDay = (n: ChainNode): string | null => n.reportDate ?? (n.identifiedAt ? shanghaiDate(n.identifiedAt) : null);

/** First and last day anything in the chains happened (report days and last exposures). */
export function chainExtent(data: ChainData): DayRange | null {
  const days = [...data.nodes.map(nodeDay), ...data.links.map((l) => shanghaiDate(l.lastExposureAt))]
    .filter((d): d is string => d !== null).sort();
  return days.length ? { from: days[0], to: days[days.length - 1] } : null;
}

export function chainsInRange(data: ChainData, range: DayRange | null): ChainData {
  if (!range) return data;
  const within = (day: string | null) => day !== null && day >= range.from && day <= range.to;
  const links = data.links.filter((l) => within(shanghaiDate(l.lastExposureAt)));
  const keep = new Set(data.nodes.filter((n) => within(nodeDay(n))).map((n) => n.id));
  for (const l of links) { keep.add(l.from); keep.add(l.to); }
  const nodes = data.nodes.filter((n) => keep.has(n.id));
  const places = data.places.filter((p) => keep.has(p.personId) && shanghaiDate(p.startAt) <= range.to && shanghaiDate(p.endAt) >= range.from);
  return { nodes, links, places };
}

export const useCasesChains = defineStore('casesChains', () => {
  const all = shallowRef<ChainData>(EMPTY);
  const range = ref<DayRange | null>(null);
  const casesOnly = ref(false);
  const loading = ref(false);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);

  const extent = computed(() => chainExtent(all.value));
  const shown = computed(() => {
    const inRange = chainsInRange(all.value, range.value);
    if (!casesOnly.value) return inRange;
    const cases = new Set(inRange.nodes.filter((n) => ['confirmed', 'asymptomatic', 'suspected'].includes(n.category)).map((n) => n.id));
    return { nodes: inRange.nodes.filter((n) => cases.has(n.id)),
      links: inRange.links.filter((l) => cases.has(l.from) && cases.has(l.to)),
      places: inRange.places.filter((p) => cases.has(p.personId)) };
  });

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      all.value = await apiGet<ChainData>('/api/v1/chains');
      loaded.value = true;
      if (range.value === null) range.value = extent.value;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  /** The live stream says persons changed: fetch the chains again. A range that spanned all the
   * days grows with new ones; a range the officer narrowed stays. A failure keeps the graph. */
  async function refresh(): Promise<void> {
    if (!loaded.value) return;
    const before = extent.value;
    try {
      const next = await apiGet<ChainData>('/api/v1/chains');
      const whole = range.value === null || (before !== null && range.value.from === before.from && range.value.to === before.to);
      all.value = next;
      if (whole) range.value = extent.value;
    } catch { /* kept: the next change or reconnect tries again */ }
  }

  /** Clamped to the extent; from ≤ to. */
  function setRange(next: DayRange): void {
    const e = extent.value;
    if (!e) return;
    const clamp = (d: string) => (d < e.from ? e.from : d > e.to ? e.to : d);
    const [from, to] = [clamp(next.from), clamp(next.to)].sort();
    range.value = { from, to };
  }

  return { all, range, casesOnly, loading, loaded, error, extent, shown, load, refresh, setRange };
});
