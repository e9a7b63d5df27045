// ECharts for the wall, drawn as SVG: the text is DOM, so the browser test can measure that no
// axis label or legend is under 20 px. Only the parts used are registered; the instance lives
// outside Vue's reactivity, follows its element's size, and is disposed with the component.
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendComponent, type GridComponentOption, type LegendComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { onMounted, onUnmounted, watch, type Ref } from 'vue';

use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export type WallChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption>;

/** The wall's chart text: never under 20 px at 1080p (legible from 5 m). */
export const CHART_TEXT_PX = 20;
export const CHART_COLORS = { text: '#c9d7ea', axis: '#3b5372', grid: '#1c2c44' } as const;

export const chartFont = (scale: number, px = CHART_TEXT_PX) =>
  ({ fontSize: Math.round(px * scale), color: CHART_COLORS.text, fontFamily: "'Noto Sans SC', sans-serif" });

export function useWallChart(el: Ref<HTMLElement | undefined>, option: () => WallChartOption): void {
  let chart: ECharts | null = null;
  let observer: ResizeObserver | null = null;
  onMounted(() => {
    if (!el.value) return;
    chart = init(el.value, undefined, { renderer: 'svg' });
    chart.setOption(option());
    observer = new ResizeObserver(() => chart?.resize());
    observer.observe(el.value);
  });
  // Merged, not replaced: a refresh moves the bars to their new values instead of redrawing from zero.
  watch(option, (next) => chart?.setOption(next));
  onUnmounted(() => {
    observer?.disconnect();
    chart?.dispose();
    chart = null;
  });
}
