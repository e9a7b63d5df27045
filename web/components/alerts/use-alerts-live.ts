// What /alerts keeps current from the live stream: the list on screen (any alert raised, escalated,
// acknowledged or resolved), the open alert's detail only when that alert changed (reading it is
// audited: it names persons), and the incident grade and name when the incident changed (a grade
// confirmed elsewhere). Without the stream the page still works: actions refetch by themselves.
import { onLiveChange, touchesIds } from '../../live/on-live-change.ts';
import { useAlerts } from '../../stores/alerts.ts';
import { useIncidentGrade } from '../../stores/incident-grade.ts';
import { usePlanIncident } from '../../stores/plan-incident.ts';

export function useAlertsLive(): void {
  const alerts = useAlerts();
  const grade = useIncidentGrade();
  const incident = usePlanIncident();
  onLiveChange(['alerts'], () => alerts.refresh());
  onLiveChange(['alerts'], () => alerts.refreshDetail(), { match: touchesIds(() => (alerts.selectedId === null ? [] : [alerts.selectedId])) });
  // New cases move the suggestion (cases in the last 6 days); a confirmation changes the rest.
  onLiveChange(['incidents', 'cases'], () => grade.load(), { debounceMs: 1_000, maxWaitMs: 5_000 });
  onLiveChange(['incidents'], () => incident.load());
}
