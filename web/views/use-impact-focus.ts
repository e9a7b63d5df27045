// Which shape the /plan impact card is about: the one in the editor while drawing or editing,
// else the proposal selected in the proposals tab, else the zone selected in the zones tab (its
// stored impact). Also the card's title and what closing it means.
import { computed, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { usePlanEditor } from '../stores/plan-editor.ts';
import { usePlanImpact } from '../stores/plan-impact.ts';
import { usePlanProposals } from '../stores/plan-proposals.ts';
import { usePlanZones } from '../stores/plan-zones.ts';

export function useImpactFocus(tab: Ref<string>, deselectZone: () => void) {
  const { t } = useI18n();
  const editor = usePlanEditor();
  const impact = usePlanImpact();
  const proposals = usePlanProposals();
  const zones = usePlanZones();

  watch(() => [editor.active, editor.geometry, tab.value, zones.selectedId, proposals.selectedKey] as const, () => {
    if (editor.active) { impact.ofGeometry('draft', editor.geometry); return; }
    const p = proposals.selected;
    if (tab.value === 'proposals' && p) { impact.ofGeometry(`proposal:${p.properties.key}`, p.geometry, 0); return; }
    const id = zones.selectedId;
    if (tab.value === 'zones' && id !== null) { if (impact.subject !== `zone:${id}`) void impact.ofZone(id); return; }
    impact.clear();
  });

  const impactTitle = computed(() => {
    const s = impact.subject ?? '';
    if (s === 'draft') return editor.name ? t('plan.impact.draftNamed', { name: editor.name }) : t('plan.impact.draft');
    if (s.startsWith('proposal:')) return t('plan.impact.proposal', { name: proposals.selected?.properties.name ?? '' });
    return t('plan.impact.zone', { name: zones.selected?.properties.name ?? '' });
  });

  /** Closing drops the focus: the drawing stays, a selected proposal or zone is let go. */
  function closeImpact(): void {
    if (editor.active) return impact.clear();
    proposals.select(null);
    deselectZone();
  }

  return { impactTitle, closeImpact };
}
