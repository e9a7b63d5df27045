// What /cases keeps current from the live stream (issue 6 item 1), besides the loop board, KPIs and
// rooms (components/cases/use-loop-live.ts): the registry page (same filters, same page; each read
// of it is audited, so only while its tab is open, and once on coming back after a change),
// the chains (a range spanning every day grows with new days), the open person's file when they
// or one of their contacts changed, the import in progress when it changed elsewhere, and the
// incident's name. Persons are read as 'cases' (registry, chains) and 'contacts'; their loop
// steps as 'loops'; a room held shows in the file. Each refetch keeps the selection and, when it
// fails, what is on screen.
import { watch, type Ref } from 'vue';
import type { LiveChange } from '../live/frames.ts';
import { onLiveChange, touchesIds } from '../live/on-live-change.ts';
import { useCasesChains } from '../stores/cases-chains.ts';
import { useCasesPerson } from '../stores/cases-person.ts';
import { useCasesRegistry } from '../stores/cases-registry.ts';
import { useImports } from '../stores/imports.ts';
import { usePlanIncident } from '../stores/plan-incident.ts';

export function useCasesLive(tab: Ref<string>): void {
  const registry = useCasesRegistry();
  const chains = useCasesChains();
  const person = useCasesPerson();
  const imports = useImports();
  const incident = usePlanIncident();

  let registryBehind = false;
  onLiveChange(['cases', 'contacts', 'loops'], () => {
    if (tab.value === 'registry') return registry.refresh();
    registryBehind = registry.loaded;
  });
  watch(tab, (next) => {
    if (next !== 'registry' || !registryBehind) return;
    registryBehind = false;
    void registry.refresh();
  });
  onLiveChange(['cases', 'contacts'], () => chains.refresh());
  const ofPersons = touchesIds(() => person.shownPersons);
  const ofRoom = touchesIds(() => (person.detail?.room ? [person.detail.room.roomId] : []));
  onLiveChange(['cases', 'contacts', 'loops', 'rooms'], () => person.refresh(),
    { match: (c: LiveChange) => (c.resource === 'rooms' ? ofRoom(c) : ofPersons(c)) });
  onLiveChange(['imports'], () => imports.refresh(), { match: touchesIds(() => (imports.id === null ? [] : [imports.id])) });
  onLiveChange(['incidents'], () => incident.load());
}
