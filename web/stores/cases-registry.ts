// The registry of persons on /cases (GET /people): filters, keyset paging and the rows as the
// server sends them (masked). A filter change starts again at the first page; the cursors of the
// pages already seen are kept so "previous" needs no offset. A newer request aborts an older one.
import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef } from 'vue';
import { apiGet, isAbort } from '../api.ts';
import type { RegistryPage, RegistryRow } from './cases-types.ts';

export interface RegistryFilters {
  category: string;
  status: string;
  step: string;
  township: string; // admin unit id, '' = all
  from: string; // report date, YYYY-MM-DD
  to: string;
  overdue: boolean;
  q: string;
}

export const PAGE_SIZE = 50;
export const emptyFilters = (): RegistryFilters =>
  ({ category: '', status: '', step: '', township: '', from: '', to: '', overdue: false, q: '' });

/** `/api/v1/people?…` with only the filters that are set, in a stable order. */
export function peopleUrl(f: RegistryFilters, cursor: string | null = null, limit = PAGE_SIZE): string {
  const p = new URLSearchParams();
  for (const key of ['category', 'status', 'step', 'township', 'from', 'to'] as const) if (f[key]) p.set(key, f[key]);
  if (f.overdue) p.set('overdue', 'true');
  if (f.q.trim()) p.set('q', f.q.trim());
  p.set('limit', String(limit));
  if (cursor) p.set('cursor', cursor);
  return `/api/v1/people?${p.toString()}`;
}

export const useCasesRegistry = defineStore('casesRegistry', () => {
  const filters = reactive<RegistryFilters>(emptyFilters());
  const rows = shallowRef<RegistryRow[]>([]);
  const next = ref<string | null>(null);
  const total = ref<number | null>(null);
  /** Cursor of each page shown so far; [0] is null (the first page). */
  const cursors = ref<(string | null)[]>([null]);
  const loading = ref(false);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;
  let inflight: Promise<boolean> = Promise.resolve(true);

  const page = computed(() => cursors.value.length); // 1-based
  const hasPrev = computed(() => cursors.value.length > 1);
  const hasNext = computed(() => next.value !== null);
  const activeFilters = computed(() => Object.entries(filters).filter(([, v]) => v !== '' && v !== false).length);

  function fetchPage(cursor: string | null): Promise<boolean> {
    inflight = fetchOne(cursor);
    return inflight;
  }

  async function fetchOne(cursor: string | null): Promise<boolean> {
    controller?.abort();
    const mine = (controller = new AbortController());
    loading.value = true;
    error.value = null;
    try {
      const answer = await apiGet<RegistryPage>(peopleUrl(filters, cursor), { signal: mine.signal });
      rows.value = answer.items;
      next.value = answer.next;
      total.value = answer.total ?? null;
      loaded.value = true;
      return true;
    } catch (err) {
      if (!isAbort(err)) error.value = err;
      return false;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  /** First page for the current filters. */
  function load(): Promise<boolean> {
    cursors.value = [null];
    return fetchPage(null);
  }

  /** The page on screen again (the live stream says persons changed): same filters, same page,
   * after any page turn in flight, which it would otherwise abort. A failure keeps the rows. */
  async function refresh(): Promise<boolean> {
    if (!loaded.value) return false;
    await inflight.catch(() => false);
    return fetchPage(cursors.value[cursors.value.length - 1] ?? null);
  }

  async function nextPage(): Promise<void> {
    const cursor = next.value;
    if (!cursor) return;
    if (await fetchPage(cursor)) cursors.value = [...cursors.value, cursor];
  }

  async function prevPage(): Promise<void> {
    if (cursors.value.length < 2) return;
    const before = cursors.value.slice(0, -1);
    if (await fetchPage(before[before.length - 1])) cursors.value = before;
  }

  function setFilters(change: Partial<RegistryFilters>): Promise<boolean> {
    Object.assign(filters, change);
    return load();
  }

  function reset(): Promise<boolean> {
    Object.assign(filters, emptyFilters());
    return load();
  }

  return { filters, rows, next, total, loading, loaded, error, page, hasPrev, hasNext, activeFilters,
    load, refresh, nextPage, prevPage, setFilters, reset };
});
