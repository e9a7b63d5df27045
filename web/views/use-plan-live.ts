// What /plan keeps current from the live stream (issue 6 item 1): the zones of the day on screen,
// the open zone's versions and test rounds (only when that zone changed), the impact numbers on
// screen, the proposals on screen (drawn from the cases and the standing zones), the incident's
// profile, and the cases drawn on the map. Each refetch keeps the selection; a failed one keeps
// what is shown (the stores' refresh functions).
import { onLiveChange, touchesIds } from '../live/on-live-change.ts';
import { useLayerDataStore } from '../stores/layer-data.ts';
import { usePlanImpact } from '../stores/plan-impact.ts';
import { usePlanIncident } from '../stores/plan-incident.ts';
import { usePlanProposals } from '../stores/plan-proposals.ts';
import { usePlanZoneDetail } from '../stores/plan-zone-detail.ts';
import { usePlanZones } from '../stores/plan-zones.ts';

export function usePlanLive(): void {
  const zones = usePlanZones();
  const detail = usePlanZoneDetail();
  const impact = usePlanImpact();
  const proposals = usePlanProposals();
  const incident = usePlanIncident();
  const data = useLayerDataStore();

  onLiveChange(['zones'], () => zones.load());
  onLiveChange(['zones'], () => detail.refresh(), { match: touchesIds(() => (zones.selectedId === null ? [] : [zones.selectedId])) });
  // Impact counts people, buildings and checkpoints inside the shape; a zone's is its stored shape's.
  onLiveChange(['zones', 'cases', 'contacts', 'checkpoints'], () => impact.refresh());
  onLiveChange(['cases', 'contacts', 'zones'], () => proposals.refresh());
  onLiveChange(['incidents', 'profiles'], async () => {
    await incident.load();
    if (incident.profiles.length > 0) await incident.loadProfiles().catch(() => undefined);
  });
  onLiveChange(['cases', 'contacts'], () => data.refresh(['cases']));
}
