// Time playback shared by /wall and /plan (issue 6 item 3): the open incident's intervals (GET
// /api/v1/playback), the day shown and the mode. `active` false is the live view. Indexing and
// the per-day figures are computed once per load (domain/playback/*); a tick only moves
// `dayIndex`, which the map turns into filters. The timer is the browser's, not a clock read.
// While open it follows the live stream: a change of what it replays reloads it (a day at the
// end keeps following today).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { apiGet, isAbort } from '../api.ts';
import { onLiveChange } from '../live/on-live-change.ts';
import { atDay, clampDay } from '../../domain/playback/at-day.ts';
import { dailyCounts } from '../../domain/playback/daily-counts.ts';
import { indexPlayback } from '../../domain/playback/day-index.ts';
import type { Playback, PlaybackMode } from '../../domain/playback/types.ts';

export const PLAYBACK_URL = '/api/v1/playback';
export const DEFAULT_STEP_MS = 800;

export const usePlayback = defineStore('playback', () => {
  const data = shallowRef<Playback | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const active = ref(false);
  const dayIndex = ref(0);
  const playing = ref(false);
  const cumulative = ref(false);
  const stepMs = ref(DEFAULT_STEP_MS);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let controller: AbortController | null = null;

  const indexed = computed(() => (data.value ? indexPlayback(data.value) : null));
  const counts = computed(() => (indexed.value ? dailyCounts(indexed.value) : null));
  const days = computed(() => data.value?.days ?? []);
  const lastIndex = computed(() => Math.max(0, days.value.length - 1));
  const day = computed(() => days.value[dayIndex.value] ?? null);
  const mode = computed<PlaybackMode>(() => (cumulative.value ? 'cumulative' : 'state'));
  /** What shows on the current day (for lists and tests; the map filters on its own). */
  const view = computed(() => (indexed.value ? atDay(indexed.value, dayIndex.value, mode.value) : null));

  /** Loads (or reloads) the intervals; a day at the end follows a today that moved on. */
  async function load(): Promise<void> {
    controller?.abort();
    const mine = (controller = new AbortController());
    const atEnd = data.value === null || dayIndex.value >= lastIndex.value;
    loading.value = true;
    error.value = null;
    try {
      data.value = await apiGet<Playback>(PLAYBACK_URL, { signal: mine.signal });
      dayIndex.value = atEnd ? lastIndex.value : clampDay({ days: days.value }, dayIndex.value);
    } catch (err) {
      if (!isAbort(err)) error.value = err;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  function setDay(index: number): void { dayIndex.value = clampDay({ days: days.value }, index); }

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function tick(): void {
    timer = null;
    if (!playing.value) return;
    if (dayIndex.value < lastIndex.value) dayIndex.value += 1;
    if (dayIndex.value >= lastIndex.value) { playing.value = false; return; }
    timer = setTimeout(tick, stepMs.value);
  }

  /** Plays from the current day (from the first when at the last) and stops at the last day. */
  function play(): void {
    if (days.value.length < 2) return;
    if (dayIndex.value >= lastIndex.value) dayIndex.value = 0;
    playing.value = true;
    clearTimer();
    timer = setTimeout(tick, stepMs.value);
  }

  function pause(): void {
    playing.value = false;
    clearTimer();
  }

  /** Opens the playback on the last day (today); loads the first time, refreshes afterwards. */
  async function start(): Promise<void> {
    active.value = true;
    pause();
    dayIndex.value = lastIndex.value;
    if (data.value === null) await load();
    else void load();
  }

  // Zones, cases (and contacts who became cases), quarantine (loop steps, rooms), the incident.
  onLiveChange(['zones', 'cases', 'contacts', 'loops', 'rooms', 'incidents'], () => (active.value ? load() : undefined));

  /** Back to the live view. */
  function stop(): void {
    pause();
    active.value = false;
  }

  return { data, loading, error, active, dayIndex, playing, cumulative, stepMs, indexed, counts, days, lastIndex, day, mode, view,
    load, setDay, play, pause, start, stop };
});
