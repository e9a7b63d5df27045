// Keeps the wall current with no reload, for days: each live change refetches what it affects
// (debounced by onLiveChange), and every 60 s everything is refetched as a safety net (a change
// lost with a dropped stream, a day rolling over). Fetch failures keep the old data on screen.
// The safety net runs for the kiosk `wall` role only: any other role's requests count as activity,
// and a commander's session left on /wall must still end after its idle timeout (ASVS 7.3).
import { onScopeDispose } from 'vue';
import type { Resource } from '../../../domain/auth/policy.ts';
import { onLiveChange } from '../../live/on-live-change.ts';
import { useSession } from '../../stores/session.ts';
import { LAYER_RESOURCES, WALL_LAYERS, type WallLayer } from '../../stores/wall-layers.ts';

/** Every resource the summary aggregates. */
export const SUMMARY_RESOURCES: readonly Resource[] = [
  'cases', 'contacts', 'loops', 'rooms', 'zones', 'tasks', 'dashboard', 'checkpoints', 'quarantineSites', 'testingSites',
  'basemap', // a road import changes the coverage KPI
];
export const SAFETY_REFRESH_MS = 60_000;
/** Shorter than the default 300 ms: the wall must show a change within 2 s, and a burst of
 * events (a case with its loop and contacts) still costs one refetch. */
const DEBOUNCE_MS = 150;

export function useWallRefresh(loadSummary: () => Promise<unknown>, loadLayers: (layers: WallLayer[]) => Promise<unknown>): void {
  onLiveChange(SUMMARY_RESOURCES, loadSummary, { debounceMs: DEBOUNCE_MS });
  for (const layer of WALL_LAYERS) onLiveChange(LAYER_RESOURCES[layer], () => loadLayers([layer]), { debounceMs: DEBOUNCE_MS });
  if (useSession().role !== 'wall') return;
  const timer = setInterval(() => {
    void loadSummary();
    void loadLayers([...WALL_LAYERS]);
  }, SAFETY_REFRESH_MS);
  onScopeDispose(() => clearInterval(timer));
}
