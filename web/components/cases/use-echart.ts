// A small ECharts canvas for the board's KPI and the rooms' forecast: only the parts used are
// registered (echarts/core + bar chart + grid/tooltip + canvas). `useEchart` is the one lifecycle
// every chart shares (the wall's SVG charts too): the instance lives outside Vue's reactivity,
// follows its element's size, and is disposed with the component.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts, type EChartsCoreOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { onMounted, onUnmounted, watch, type Ref } from 'vue';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type BarChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** `merge`: a new option is merged into the old (bars move to their new values) instead of replacing it. */
export function useEchart<O extends EChartsCoreOption = BarChartOption>(el: Ref<HTMLElement | undefined>, option: () => O,
  how: { renderer: 'canvas' | 'svg'; merge: boolean } = { renderer: 'canvas', merge: false }): void {
  let chart: ECharts | null = null;
  let observer: ResizeObserver | null = null;
  onMounted(() => {
    if (!el.value) return;
    chart = init(el.value, undefined, { renderer: how.renderer });
    chart.setOption(option());
    observer = new ResizeObserver(() => chart?.resize());
    observer.observe(el.value);
  });
  watch(option, (next) => chart?.setOption(next, { notMerge: !how.merge }));
  onUnmounted(() => {
    observer?.disconnect();
    chart?.dispose();
    chart = null;
  });
}
