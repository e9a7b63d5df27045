// ECharts for the wall, drawn as SVG: the text is DOM, so the browser test can measure that no
// axis label or legend is under 20 px. Only the parts used are registered; the lifecycle is the
// cases charts' useEchart.
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendComponent, type GridComponentOption, type LegendComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Ref } from 'vue';
import { useEchart } from '../cases/use-echart.ts';

use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export type WallChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption>;

/** The wall's chart text: never under 20 px at 1080p (legible from 5 m). */
export const CHART_TEXT_PX = 20;
export const CHART_COLORS = { text: '#c9d7ea', axis: '#3b5372', grid: '#1c2c44' } as const;

export const chartFont = (scale: number, px = CHART_TEXT_PX) =>
  ({ fontSize: Math.round(px * scale), color: CHART_COLORS.text, fontFamily: "'Noto Sans SC', sans-serif" });

export function useWallChart(el: Ref<HTMLElement | undefined>, option: () => WallChartOption): void {
  // Merged, not replaced: a refresh moves the bars to their new values instead of redrawing from zero.
  useEchart(el, option, { renderer: 'svg', merge: true });
}
