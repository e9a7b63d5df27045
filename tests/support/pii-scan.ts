// P1 (reliability.md §7.5): every response a test app produces during a Vitest run is recorded
// (one JSON-lines file per worker, in a directory the global setup creates and hands over with
// `provide`), and the global teardown scans them all for clear ID numbers and mobile numbers.
// Only the audited reveal route may send them. `recordApp` wraps an app's `request`, so every
// test that builds an app (tests/support/app.ts, demo.test.ts) goes through the recorder.
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { inject } from 'vitest';
import { isValidIdNumber } from '../../domain/people/id-number.ts';

declare module 'vitest' {
  export interface ProvidedContext { piiDir: string }
}

export interface Recorded { method: string; path: string; status: number; body: string }
export interface Hit { kind: 'idNumber' | 'phone'; value: string; route: string; status: number }
export interface ScanResult { scanned: number; exempt: number; hits: Hit[] }

// Not next to letters or digits: hex hashes and base64 tokens hold long digit runs by chance. Not
// after a '.' either: the fraction digits of a coordinate or a p-value (0.005052619572457728 has
// a valid check character) are neither an ID number nor a phone number.
const ID_NUMBER = /(?<![0-9A-Za-z.])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z.])1[3-9]\d{9}(?![0-9A-Za-z])/g;
const REVEAL = /^POST \/api\/v1\/persons\/[^/]+\/reveal$/;

/** Clear ID numbers (valid GB 11643 check character) and mobile numbers in a text. */
export function findPii(text: string): { kind: Hit['kind']; value: string }[] {
  const ids = [...text.matchAll(ID_NUMBER)].map((m) => m[0]).filter((v) => isValidIdNumber(v.toUpperCase()));
  const phones = [...text.matchAll(MOBILE)].map((m) => m[0]);
  return [...ids.map((value) => ({ kind: 'idNumber' as const, value })), ...phones.map((value) => ({ kind: 'phone' as const, value }))];
}

/** The one route whose answers are personal data in clear, by design (and audited). */
export const isExempt = (r: Pick<Recorded, 'method' | 'path'>): boolean => REVEAL.test(`${r.method} ${r.path.split('?')[0]}`);

export function scanRecords(records: Iterable<Recorded>): ScanResult {
  const out: ScanResult = { scanned: 0, exempt: 0, hits: [] };
  for (const r of records) {
    if (isExempt(r)) { out.exempt++; continue; }
    out.scanned++;
    for (const h of findPii(r.body)) out.hits.push({ ...h, route: `${r.method} ${r.path}`, status: r.status });
  }
  return out;
}

export function* readRecords(dir: string): Generator<Recorded> {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line) yield JSON.parse(line) as Recorded;
  }
}

export const scanDir = (dir: string): ScanResult => scanRecords(readRecords(dir));

/** Fails (with every offending route) when a scan found personal data. */
export function assertClean(result: ScanResult): void {
  if (!result.hits.length) return;
  const lines = result.hits.slice(0, 50).map((h) => `  ${h.route} (${h.status}): ${h.kind} ${h.value}`);
  throw new Error(`PII scan: ${result.hits.length} clear ID/phone numbers in responses outside the reveal route:\n${lines.join('\n')}`);
}

let runDir: string | null | undefined;
function defaultDir(): string | null {
  if (runDir === undefined) {
    try { runDir = inject('piiDir') ?? null; } catch { runDir = null; }
  }
  return runDir;
}

function decode(bytes: Uint8Array, encoding: string | null): string {
  const buf = Buffer.from(bytes);
  const raw = encoding === 'gzip' ? gunzipSync(buf) : encoding === 'deflate' ? inflateSync(buf) : encoding === 'br' ? brotliDecompressSync(buf) : buf;
  return raw.toString('utf8');
}

/** Appends one response to the run's record and returns the response for the test. Event streams
 * may never end: they pass through a tap that records each chunk, so cancelling still reaches the
 * server. Everything else is read whole (from a clone) before the test sees it. */
export async function recordResponse(method: string, url: string, res: Response, dir = defaultDir()): Promise<Response> {
  if (!dir) return res;
  const file = join(dir, `${process.pid}-${threadId}.jsonl`);
  const write = (body: string) => appendFileSync(file, `${JSON.stringify({ method, path: pathOf(url), status: res.status, body } satisfies Recorded)}\n`);
  if (!res.body) { write(''); return res; }
  if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    const text = new TextDecoder();
    const tap = new TransformStream<Uint8Array, Uint8Array>({ transform(chunk, ctl) { write(text.decode(chunk, { stream: true })); ctl.enqueue(chunk); } });
    return new Response(res.body.pipeThrough(tap), { status: res.status, statusText: res.statusText, headers: res.headers });
  }
  write(decode(new Uint8Array(await res.clone().arrayBuffer()), res.headers.get('content-encoding')));
  return res;
}

const pathOf = (url: string) => { const u = new URL(url, 'http://localhost'); return u.pathname + u.search; };

type Requester = (input: RequestInfo | URL, init?: RequestInit, ...rest: never[]) => Response | Promise<Response>;

/** Wraps `app.request` (Hono's in-process client) so every answer is recorded. */
export function recordApp<A extends { request: unknown }>(app: A, dir?: string): A {
  const original = app.request as Requester;
  const request: Requester = async (input, init, ...rest) => {
    const res = await original(input, init, ...rest);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = input instanceof Request ? input.url : String(input);
    return recordResponse(method.toUpperCase(), url, res, dir);
  };
  (app as { request: unknown }).request = request;
  return app;
}
