// The peer of bench/live-fanout.ts: a minimal raw node:http SSE server (reliability.md §5's
// sse-server, the baseline p99 151 ms / ~130 MB at 1,000 clients) speaking our wire format —
// hello on connect, then `id/event: change/data` frames stamped with the server clock `at` —
// with the same slow-client cap (1 MiB unsent → closed). No database, no auth, no hub: what
// any SSE fan-out costs on this machine. Control over HTTP from the bench:
//   POST /start?rate=10&durationMs=20000&bytes=150  broadcast `rate` events/s of ~`bytes` each
//   GET  /stats                                     { clients, sent, dropped, running }
// Usage: node --import tsx bench/live-peer-server.ts <port>
import http from 'node:http';

const CAP_BYTES = 1_048_576;
const streams = new Set<http.ServerResponse>();
let seq = 0;
let sent = 0;
let dropped = 0;
let running = false;

function frame(bytes: number): string {
  seq++;
  const base = { seq, resource: 'checkpoints', ids: [1], at: new Date().toISOString() };
  const head = `id: ${seq}\nevent: change\ndata: `;
  const bare = `${head}${JSON.stringify({ ...base, pad: '' })}\n\n`;
  return `${head}${JSON.stringify({ ...base, pad: 'x'.repeat(Math.max(0, bytes - bare.length)) })}\n\n`;
}

function broadcast(bytes: number): void {
  const f = frame(bytes);
  for (const res of streams) {
    if (res.writableLength > CAP_BYTES) { dropped++; streams.delete(res); res.destroy(); continue; }
    res.write(f);
    sent++;
  }
}

function start(rate: number, durationMs: number, bytes: number): void {
  running = true;
  const t0 = performance.now();
  let i = 0;
  // Ticks on a schedule (t0 + i/rate), not a drifting interval: the same cadence as the bench's writes.
  const count = Math.round((rate * durationMs) / 1000);
  const tick = () => {
    if (i >= count) { running = false; return; }
    broadcast(bytes);
    i++;
    setTimeout(tick, Math.max(0, t0 + (i * 1000) / rate - performance.now()));
  };
  tick();
}

const server = http.createServer((req, res) => {
  const u = new URL(req.url ?? '/', 'http://peer');
  if (u.pathname === '/api/v1/live') {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    res.write(`retry: 2000\n\nid: ${seq}\nevent: hello\ndata: ${JSON.stringify({ head: seq, at: new Date().toISOString(), heartbeatMs: 15_000 })}\n\n`);
    streams.add(res);
    req.on('close', () => streams.delete(res));
    return;
  }
  if (u.pathname === '/start' && req.method === 'POST') {
    start(Number(u.searchParams.get('rate') ?? 10), Number(u.searchParams.get('durationMs') ?? 20_000), Number(u.searchParams.get('bytes') ?? 150));
    res.writeHead(204).end();
    return;
  }
  if (u.pathname === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ clients: streams.size, sent, dropped, running }));
    return;
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 0;
server.headersTimeout = 0;
server.requestTimeout = 0;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
process.on('SIGTERM', () => { for (const r of streams) r.destroy(); server.close(() => process.exit(0)); });
