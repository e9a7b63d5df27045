// The alerts of /alerts (GET /alerts, newest first, keyset cursor): the filters, the list with
// "load more", the open alert's detail (GET /alerts/{id}: its area, line list and series) and the
// duty actions, acknowledge and resolve (POST, audited by the server). A newer request aborts an
// older one; a refresh (the live stream said alerts changed) refetches what is on screen and,
// when it fails, keeps it. Reading a detail is audited (it names persons), so it is refetched only
// when that alert changed.
import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import type { AlertDetail, AlertLevel, AlertOut } from '../../domain/analysis/types.ts';
import { apiGet, apiSend, isAbort } from '../api.ts';

export type AlertStatusFilter = 'active' | 'open' | 'acknowledged' | 'resolved' | 'all';
export const STATUS_FILTERS: readonly AlertStatusFilter[] = ['active', 'open', 'acknowledged', 'resolved', 'all'];
/** Most severe first, as the filter and the chips list them. */
export const LEVELS: readonly AlertLevel[] = ['red', 'orange', 'yellow', 'blue'];
/** The kinds a duty officer filters by: 'warning' is the analyses' early warning as one group. */
export const WARNING_RULES = ['ears_signal', 'scan_cluster', 'st_cluster'] as const;
export const RULE_FILTERS = ['warning', ...WARNING_RULES, 'case_outside_zone', 'site_near_full', 'zone_due', 'loop_overdue', 'loop_positive'] as const;
export type RuleFilter = (typeof RULE_FILTERS)[number] | '';
export interface AlertFilters { status: AlertStatusFilter; level: AlertLevel | ''; rule: RuleFilter }
export type AlertAction = 'acknowledge' | 'resolve';

export const ALERTS_PAGE = 50;
/** The server's largest page (server/routes/alert-schemas.ts): a refresh asks at most this many. */
export const ALERTS_LIMIT_MAX = 200;
export interface AlertPage { items: AlertOut[]; next: string | null }

export function alertsUrl(f: AlertFilters, cursor: string | null = null, limit = ALERTS_PAGE): string {
  const p = new URLSearchParams({ status: f.status });
  if (f.level) p.set('level', f.level);
  if (f.rule) p.set('rule', f.rule === 'warning' ? WARNING_RULES.join(',') : f.rule);
  p.set('limit', String(limit));
  if (cursor) p.set('cursor', cursor);
  return `/api/v1/alerts?${p.toString()}`;
}

const isAlert = (v: unknown): v is AlertOut => typeof v === 'object' && v !== null && typeof (v as AlertOut).id === 'number'
  && typeof (v as AlertOut).status === 'string';

export const useAlerts = defineStore('alerts', () => {
  const filters = reactive<AlertFilters>({ status: 'active', level: '', rule: '' });
  const items = shallowRef<AlertOut[]>([]);
  const next = ref<string | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  let listController: AbortController | null = null;

  async function fetchList(cursor: string | null, limit: number, append: boolean): Promise<boolean> {
    listController?.abort();
    const mine = (listController = new AbortController());
    loading.value = true;
    try {
      const page = await apiGet<AlertPage>(alertsUrl(filters, cursor, limit), { signal: mine.signal });
      items.value = append ? [...items.value, ...page.items.filter((a) => !items.value.some((b) => b.id === a.id))] : page.items;
      next.value = page.next;
      loaded.value = true;
      error.value = null;
      return true;
    } catch (err) {
      if (!isAbort(err)) error.value = err;
      return false;
    } finally {
      if (listController === mine) loading.value = false;
    }
  }

  const load = () => fetchList(null, ALERTS_PAGE, false);
  const loadMore = () => (next.value ? fetchList(next.value, ALERTS_PAGE, true) : Promise.resolve(false));
  /** The list on screen again, as long as it was (up to the server's page limit). */
  const refresh = () => (loaded.value
    ? fetchList(null, Math.min(Math.max(ALERTS_PAGE, items.value.length), ALERTS_LIMIT_MAX), false) : Promise.resolve(false));
  function setFilters(change: Partial<AlertFilters>): Promise<boolean> {
    Object.assign(filters, change);
    return load();
  }

  const selectedId = ref<number | null>(null);
  const detail = shallowRef<AlertDetail | null>(null);
  const detailLoading = ref(false);
  const detailError = shallowRef<unknown>(null);
  let detailController: AbortController | null = null;

  async function fetchDetail(id: number, quiet: boolean): Promise<void> {
    detailController?.abort();
    const mine = (detailController = new AbortController());
    if (!quiet) detailLoading.value = true;
    try {
      const answer = await apiGet<AlertDetail>(`/api/v1/alerts/${id}`, { signal: mine.signal });
      if (selectedId.value === id) { detail.value = answer; detailError.value = null; }
    } catch (err) {
      if (!isAbort(err) && selectedId.value === id && !quiet) detailError.value = err;
    } finally {
      if (detailController === mine) detailLoading.value = false;
    }
  }

  /** Opens an alert (null closes it); the one open before stays on screen only if it is the same. */
  function open(id: number | null): Promise<void> {
    if (id === selectedId.value && (detail.value || detailLoading.value)) return Promise.resolve();
    selectedId.value = id;
    actionError.value = null;
    if (detail.value?.id !== id) detail.value = null;
    detailError.value = null;
    if (id === null) { detailController?.abort(); detailLoading.value = false; return Promise.resolve(); }
    return fetchDetail(id, false);
  }
  const refreshDetail = () => (selectedId.value !== null ? fetchDetail(selectedId.value, detail.value !== null) : Promise.resolve());

  const acting = ref<AlertAction | null>(null);
  const actionError = shallowRef<unknown>(null);

  /** Acknowledge or resolve; the answer (the alert as it now is) replaces it in the list and the
   * detail, then the list is asked again (the alert may have left the filter). */
  async function act(action: AlertAction, id: number, note?: string): Promise<boolean> {
    acting.value = action;
    actionError.value = null;
    try {
      const out = await apiSend<unknown>('POST', `/api/v1/alerts/${id}/${action}`, note ? { note } : {});
      if (isAlert(out)) {
        items.value = items.value.map((a) => (a.id === out.id ? { ...a, ...out } : a));
        if (detail.value?.id === out.id) detail.value = { ...detail.value, ...out };
      } else if (selectedId.value === id) {
        await fetchDetail(id, true);
      }
      void refresh();
      return true;
    } catch (err) {
      actionError.value = err;
      return false;
    } finally {
      acting.value = null;
    }
  }

  return {
    filters, items, next, loading, loaded, error, load, loadMore, refresh, setFilters,
    selectedId, detail, detailLoading, detailError, open, refreshDetail,
    acting, actionError, acknowledge: (id: number, note?: string) => act('acknowledge', id, note),
    resolve: (id: number, note?: string) => act('resolve', id, note),
  };
});
