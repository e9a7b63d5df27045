// bench/live-fanout.ts's figures: what the clients reported, turned into the table's rows.
import { ms, quantile, ratio, type Row } from './harness.ts';
import type { LoopDelay } from './probe-read.ts';

/** What bench/live-clients.ts reports for one measured window. */
export interface Report { latencies: number[]; others: number; frameBytes: number; seqs: number[][]; targetSeen: number[]; normalClosed: number; silentClosed: number }
export interface Outcome extends Report { silent: number; connected: number; failed: number; acked: number; rssBeforeMb: number; rssMaxMb: number; loop: LoopDelay;
  /** The machine's 1-minute load average at the window's start and end (2 cores here: above 2, processes wait for a core). */
  load: [number, number] }

export interface Latency { p50: number; p95: number; p99: number; max: number; n: number }
export function latency(samples: number[]): Latency {
  const s = Float64Array.from(samples).sort();
  return { p50: quantile([...s], 0.5), p95: quantile([...s], 0.95), p99: quantile([...s], 0.99), max: s[s.length - 1] ?? NaN, n: s.length };
}

/**
 * Seqs a client missed: every client holds the same viewer, so each must have seen every seq any
 * of them saw between its own first and last (the window's edges cut clients at different seqs).
 */
export function seqGaps(seqs: number[][]): number {
  const union = [...new Set(seqs.flat())].sort((a, b) => a - b);
  let missing = 0;
  for (const own of seqs) {
    if (!own.length) continue;
    const mine = new Set(own);
    const [lo, hi] = [own[0], own[own.length - 1]];
    for (const s of union) if (s > lo && s < hi && !mine.has(s)) missing++;
  }
  return missing;
}

const missedWrites = (o: Outcome) => o.targetSeen.reduce((n, seen) => n + Math.max(0, o.acked - seen), 0);
/** ours ÷ peer, for figures where less is better but 'faster' would not fit (memory). */
const times = (a: number, b: number) => `${(a / b).toFixed(1)}× the peer`;
const mb = (v: number) => `${v.toFixed(0)} MB`;
const growth = (o: Outcome) => o.rssMaxMb - o.rssBeforeMb;
const rss = (o: Outcome) => `${mb(o.rssMaxMb)} (${mb(o.rssBeforeMb)}; ${growth(o) < 0 ? '−' : '+'}${mb(Math.abs(growth(o)))})`;
const lat = (l: Latency) => `p99 ${ms(l.p99)} (p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)})`;
const loop = (d: LoopDelay) => `p99 ${ms(d.p99Ms)}, max ${ms(d.maxMs)}`;
const load = (o: Outcome) => `load ${o.load[0].toFixed(1)} → ${o.load[1].toFixed(1)}`;
const delivery = (o: Outcome) => `${seqGaps(o.seqs)} seq gaps; ${missedWrites(o)} missed of ${o.acked} × ${o.targetSeen.length}; `
  + `${o.failed} failed to connect, ${o.normalClosed} dropped${o.others ? `; ${o.others} other events (not timed)` : ''}`;

export function fanoutRows(r: { clients: number; rate: number; seconds: number; l4: Outcome; l7: Outcome; peer: Outcome }): Row[] {
  const [ours, peer, l7] = [latency(r.l4.latencies), latency(r.peer.latencies), latency(r.l7.latencies)];
  const what = `SSE fan-out (L4): ${r.l4.connected.toLocaleString('en')} clients × ${r.rate} events/s × ${r.seconds} s, frame ${r.l4.frameBytes} B, real writes`;
  const PEER = 'raw node:http SSE (live-peer-server.ts)';
  return [
    { figure: `${what}: delivery latency`, ours: lat(ours), target: 'p99 ≤ 500 ms', peer: `${PEER}, ${r.peer.connected} clients`, peerValue: lat(peer), ratio: ratio(ours.p99, peer.p99) },
    { figure: `${what}: delivery`, ours: delivery(r.l4), target: '0 gaps', peer: PEER, peerValue: delivery(r.peer), ratio: '' },
    { figure: `${what}: server RSS, max (before the clients connected; growth)`, ours: rss(r.l4), target: '≤ 300 MB', peer: PEER,
      peerValue: rss(r.peer), ratio: `${times(r.l4.rssMaxMb, r.peer.rssMaxMb)}${growth(r.l4) > 0 && growth(r.peer) > 0 ? `; growth ${times(growth(r.l4), growth(r.peer))}` : ''}` },
    { figure: `${what}: server event-loop delay (machine load average)`, ours: `${loop(r.l4.loop)} (${load(r.l4)})`, target: '', peer: PEER,
      peerValue: `${loop(r.peer.loop)} (${load(r.peer)})`, ratio: `p99 ${times(r.l4.loop.p99Ms, r.peer.loop.p99Ms)}` },
    { figure: `L7: ${r.l7.connected} reading clients beside ${r.l7.silent} that never read (${r.l7.silentClosed} of those closed by the server): reading clients' latency`,
      ours: `${lat(l7)}; ${delivery(r.l7)}`, target: `p99 ≤ 2× L4 (${ms(2 * ours.p99)})`, peer: 'L4 above', peerValue: ms(ours.p99),
      ratio: `${(l7.p99 / ours.p99).toFixed(2)}× L4` },
    { figure: 'L7: server RSS, max (before the clients connected; growth)', ours: rss(r.l7), target: 'bounded', peer: '', peerValue: '', ratio: '' },
    { figure: 'L7: server event-loop delay (machine load average)', ours: `${loop(r.l7.loop)} (${load(r.l7)})`, target: '', peer: '', peerValue: '', ratio: '' },
  ];
}
