// The loop KPIs per Shanghai day (GET /loops/kpis?from=&to=, domain/loop/kpi.ts dailyKpis): above
// all "% of contacts transferred within N h", N being the transfer deadline the server applies.
// The window is the last KPI_DAYS days up to the server's today (the demo runs on the scenario's
// clock, web/server-clock.ts), so a board opened in 2026 still shows the outbreak's days.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { addDays, shanghaiDate } from '../../domain/zones/calendar.ts';
import type { DailyKpi as KpiDay } from '../../domain/loop/kpi.ts';
import { apiGet, isAbort } from '../api.ts';
import { serverNowMs } from '../server-clock.ts';

export const KPI_DAYS = 14;

/** One Shanghai day (domain/loop/kpi.ts DailyKpi): transferredPct is a percentage with one decimal,
 * null when no contact identified that day had a transfer planned. */
export type { DailyKpi as KpiDay } from '../../domain/loop/kpi.ts';
/** GET /loops/kpis (server/routes/loop-schemas.ts KpiOut); N = `withinHours`, the transfer deadline. */
export interface KpiAnswer { from: string; to: string; withinHours: number; items: KpiDay[] }

export function kpiWindow(today: string, days = KPI_DAYS): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

export const kpisUrl = (w: { from: string; to: string }): string =>
  `/api/v1/loops/kpis?from=${encodeURIComponent(w.from)}&to=${encodeURIComponent(w.to)}`;

/** The newest finished day (before `today`) that has a percentage: today's contacts are mostly
 * still inside their transfer deadline, so today's share is not a result yet. */
export function latestPct(days: readonly KpiDay[], today: string): KpiDay | null {
  for (let i = days.length - 1; i >= 0; i--) if (days[i].date < today && days[i].transferredPct !== null) return days[i];
  return null;
}

export const useLoopKpis = defineStore('loopKpis', () => {
  const answer = shallowRef<KpiAnswer | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  const days = computed(() => answer.value?.items ?? []);
  const withinHours = computed(() => answer.value?.withinHours ?? null);
  const latest = computed(() => latestPct(days.value, answer.value?.to ?? ''));

  async function load(today = shanghaiDate(new Date(serverNowMs()).toISOString())): Promise<void> {
    controller?.abort();
    const mine = (controller = new AbortController());
    loading.value = true;
    try {
      answer.value = await apiGet<KpiAnswer>(kpisUrl(kpiWindow(today)), { signal: mine.signal });
      error.value = null;
    } catch (err) {
      if (!isAbort(err)) error.value = err;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  return { answer, loading, error, days, withinHours, latest, load };
});
