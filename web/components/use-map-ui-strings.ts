// MapLibre's own control labels (zoom, attribution, scale, popup close) in the UI language: one
// list for every map of the app, passed to MapView as `ui-strings`.
import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';

export function useMapUiStrings(): ComputedRef<Record<string, string>> {
  const { t } = useI18n();
  return computed(() => ({
    'NavigationControl.ZoomIn': t('mapUi.zoomIn'), 'NavigationControl.ZoomOut': t('mapUi.zoomOut'),
    'AttributionControl.ToggleAttribution': t('mapUi.toggleAttribution'), 'Popup.Close': t('mapUi.close'),
    'Map.Title': t('mapUi.map'), 'ScaleControl.Meters': t('mapUi.meters'), 'ScaleControl.Kilometers': t('mapUi.kilometers'),
  }));
}
