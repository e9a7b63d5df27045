// The ECharts option of the transmission-chain graph, pure: nodes at the positions of
// chain-layout.ts (layout 'none', so the picture never moves under the user), coloured by
// category like the map, cases larger than contacts, arrows from infector to infectee, the
// selected person ringed. Labels only on cases: 2,000 contact labels would be unreadable.
import type { GraphSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { categoryColor } from '../../map/palette.ts';
import { CASE_CATEGORY_SET, type ChainData } from '../../stores/cases-types.ts';
import { layoutExtent, type Placed } from './chain-layout.ts';

export type ChainGraphOption = ComposeOption<GraphSeriesOption | TooltipComponentOption>;
export interface GraphText { label: (category: string, id: number) => string; tooltip: (category: string, id: number, day: string | null) => string }

/** The largest rectangle of the layout's proportions inside the panel (px), less a margin: ECharts
 * stretches a 'none' layout to whatever box it is given, which would squash the contact rings. */
export function containBox(layout: ReadonlyMap<number, Placed>, panel: { width: number; height: number }, margin = 24): { width: number; height: number } {
  const { width, height } = layoutExtent(layout);
  const [w, h] = [Math.max(10, panel.width - 2 * margin), Math.max(10, panel.height - 2 * margin)];
  const scale = Math.min(w / width, h / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

export function chainGraphOption(data: ChainData, layout: ReadonlyMap<number, Placed>, selectedId: number | null, text: GraphText,
  panel = { width: 600, height: 400 }): ChainGraphOption {
  const nodes = data.nodes.filter((n) => layout.has(n.id)).map((n) => {
    const at = layout.get(n.id)!;
    const isCase = CASE_CATEGORY_SET.has(n.category);
    const selected = n.id === selectedId;
    return {
      id: String(n.id), name: text.label(n.category, n.id), x: at.x, y: at.y, value: n.id,
      symbolSize: selected ? 20 : isCase ? 12 : 7,
      itemStyle: { color: categoryColor(n.category), borderColor: selected ? '#1f2430' : '#ffffff', borderWidth: selected ? 3 : 1 },
      label: { show: isCase || selected, fontWeight: selected ? ('bold' as const) : ('normal' as const) },
      tooltip: { formatter: text.tooltip(n.category, n.id, n.reportDate ?? n.onsetDate) },
    };
  });
  const ids = new Set(nodes.map((n) => n.id));
  const categoryOf = new Map(data.nodes.map((n) => [n.id, n.category]));
  const edges = data.links.filter((l) => ids.has(String(l.from)) && ids.has(String(l.to))).map((l) => ({
    source: String(l.from), target: String(l.to),
    lineStyle: { color: categoryColor(categoryOf.get(l.from) ?? ''),
      width: l.from === selectedId || l.to === selectedId ? 2.5 : 1, opacity: l.from === selectedId || l.to === selectedId ? 1 : 0.55 },
  }));
  return {
    animation: false,
    tooltip: { trigger: 'item', confine: true },
    series: [{
      type: 'graph', layout: 'none', roam: true, scaleLimit: { min: 0.3, max: 12 }, data: nodes, edges,
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: [0, 6],
      label: { position: 'right', fontSize: 12, color: '#1f2430', fontFamily: '"Noto Sans SC", sans-serif' },
      labelLayout: { hideOverlap: true },
      emphasis: { focus: 'adjacency', lineStyle: { width: 3 } },
      left: 'center', top: 'middle', ...containBox(layout, panel),
    }],
  };
}
