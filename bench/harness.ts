// A small benchmark harness: repeated timings → median and p95, and one table that puts each
// figure beside its target and the peer measured in the same run (machines are noisy: compare
// ratios, not absolute numbers from another day).
export interface Row {
  figure: string;
  ours: string;
  target: string;
  peer: string;
  peerValue: string;
  ratio: string;
}

export const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

export function summarise(samplesMs: number[]): { p50: number; p95: number } {
  const s = [...samplesMs].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95) };
}

export const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
export const ratio = (ours: number, peer: number) =>
  peer >= ours ? `${(peer / ours).toFixed(1)}× faster` : `${(ours / peer).toFixed(1)}× slower`;

export function printTable(rows: Row[]): void {
  const head: Row = { figure: 'figure', ours: 'Shouwang', target: 'target', peer: 'peer', peerValue: 'peer value', ratio: 'vs peer' };
  const all = [head, ...rows];
  const keys = Object.keys(head) as (keyof Row)[];
  const width = (k: keyof Row) => Math.max(...all.map((r) => [...r[k]].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  const widths = keys.map(width);
  for (const [i, r] of all.entries()) {
    console.log(keys.map((k, j) => pad(r[k], widths[j])).join(' │ '));
    if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  }
}
