// Keeps the operational map layers current (issue 6 item 1): each live change refetches only the
// layers its resource draws — a new case refetches cases and contacts (a contact who tests
// positive moves from one to the other), a room allocation the quarantine sites (their occupancy
// is on the layer) — with the query each layer was last loaded with (a field phone's own box).
// A reset or a reconnect refetches them all. Used by the command map and the field map; layers
// not loaded on the page are skipped by the store.
import type { Resource } from '../../domain/auth/policy.ts';
import type { LayerId } from '../../domain/layers.ts';
import { onLiveChange } from '../live/on-live-change.ts';
import { useLayerDataStore } from '../stores/layer-data.ts';

/** Which layers a change of each resource concerns. */
export const LIVE_LAYER_GROUPS: readonly { resources: readonly Resource[]; layers: readonly LayerId[] }[] = [
  { resources: ['cases', 'contacts'], layers: ['cases', 'contacts'] },
  { resources: ['zones'], layers: ['zones'] },
  { resources: ['checkpoints'], layers: ['checkpoints'] },
  { resources: ['quarantineSites', 'rooms'], layers: ['quarantine-sites'] },
  { resources: ['testingSites'], layers: ['testing-sites'] },
  { resources: ['resources'], layers: ['resources'] },
];

export function useLiveLayers(): void {
  const data = useLayerDataStore();
  for (const group of LIVE_LAYER_GROUPS) onLiveChange(group.resources, () => data.refresh(group.layers));
}
