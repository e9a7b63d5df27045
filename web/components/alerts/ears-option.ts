// The ECharts option of an EARS alert's series (Hutwagner et al. 2003; the C1/C2/C3 detectors of
// domain/syndromic/ears.ts): the daily count as a line, each day one or more detectors flagged as
// a dot in the colour of the strongest (C3 red, C2 orange, C1 yellow — C3 pools three days of
// excess, so it is the most specific), and the alert's signal day as a dashed line. Pure, so the
// option is tested without a canvas; EarsChart.vue registers the parts and draws it.
import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { EarsMethod, SyndromicDay, SyndromicSeries } from '../../../domain/analysis/types.ts';
import { ALERT_LEVEL_COLORS } from '../../map/alert-styles.ts';

export type EarsChartOption = ComposeOption<LineSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption
  | MarkLineComponentOption | TooltipComponentOption>;

export interface EarsText {
  count: string;
  flagged: string;
  signalDay: string;
  /** 'YYYY-MM-DD' → the axis label ('6月18日'). */
  date: (d: string) => string;
  /** ['C1','C3'] → '触发方法：C1、C3'. */
  methods: (m: readonly EarsMethod[]) => string;
}

const LINE = '#44505f';
export function methodColour(methods: readonly EarsMethod[]): string {
  if (methods.includes('C3')) return ALERT_LEVEL_COLORS.red;
  if (methods.includes('C2')) return ALERT_LEVEL_COLORS.orange;
  return ALERT_LEVEL_COLORS.yellow;
}

const stat = (v: number | null) => (v === null ? '—' : v.toFixed(2));
/** One day in the tooltip: date, count, the three statistics and which detectors flagged it. */
export function dayTooltip(d: SyndromicDay, text: EarsText): string {
  const lines = [`<b>${text.date(d.date)}</b>`, `${text.count}: ${d.count}`, `C1 ${stat(d.c1)} · C2 ${stat(d.c2)} · C3 ${stat(d.c3)}`];
  if (d.methods.length > 0) lines.push(`<span style="color:${methodColour(d.methods)}">${text.methods(d.methods)}</span>`);
  return lines.join('<br>');
}

export function earsChartOption(series: SyndromicSeries, text: EarsText, signalDate: string | null): EarsChartOption {
  const days = series.days;
  const dates = days.map((d) => d.date);
  const flagged = days.filter((d) => d.methods.length > 0);
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 34, bottom: 8, containLabel: true },
    legend: { top: 0, right: 4, itemWidth: 18, textStyle: { fontSize: 13, color: '#3a3f4c' }, data: [text.count, text.flagged] },
    tooltip: { trigger: 'axis', confine: true, formatter: (p: unknown) => {
      const first = (Array.isArray(p) ? p[0] : p) as { dataIndex?: number; seriesType?: string; value?: unknown } | undefined;
      const day = first?.seriesType === 'line' ? days[first.dataIndex ?? -1] : days.find((d) => d.date === (first?.value as string[] | undefined)?.[0]);
      return day ? dayTooltip(day, text) : '';
    } },
    xAxis: { type: 'category', data: dates, boundaryGap: false, axisLabel: { fontSize: 12, color: '#4a4f5c', formatter: (v: string) => text.date(v) } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12, color: '#4a4f5c' }, splitLine: { lineStyle: { color: '#ece7df' } } },
    series: [
      { type: 'line', name: text.count, data: days.map((d) => d.count), showSymbol: false, lineStyle: { width: 2, color: LINE },
        itemStyle: { color: LINE },
        ...(signalDate && dates.includes(signalDate) ? { markLine: { symbol: 'none', silent: true,
          label: { formatter: text.signalDay, fontSize: 12, color: ALERT_LEVEL_COLORS.red },
          lineStyle: { color: ALERT_LEVEL_COLORS.red, type: 'dashed', width: 1.5 }, data: [{ xAxis: signalDate }] } } : {}) },
      { type: 'scatter', name: text.flagged, symbolSize: 10, itemStyle: { color: ALERT_LEVEL_COLORS.red, borderColor: '#fff', borderWidth: 1 }, z: 3,
        data: flagged.map((d) => ({ value: [d.date, d.count], itemStyle: { color: methodColour(d.methods) } })) },
    ],
  };
}
