// Preloaded (node --import) into the benchmarked servers, ours and the peer: the event-loop
// delay histogram (10 ms resolution, as in reliability.md §5), written to BENCH_PROBE_FILE and
// reset on SIGUSR2, so the bench reads the delay of exactly the window it measured.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

process.on('SIGUSR2', () => {
  const file = process.env.BENCH_PROBE_FILE;
  if (file) {
    writeFileSync(file, JSON.stringify({ p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)),
      maxMs: ms(histogram.max), samples: histogram.count }));
  }
  histogram.reset();
});
