// The frames of GET /api/v1/live as the page reads them (contract-issue6.md, "SSE wire format"):
// hello / change / ping / reset / bye, each a JSON `data` line. Parsed here, at the edge, with
// plain guards (no zod in the bundle for five tiny shapes): a frame that does not parse is
// dropped, never half-applied.
import type { Resource } from '../../domain/auth/policy.ts';

/** Connection state as the page shows it: `stale` = no frame for > 2.5 × heartbeatMs. */
export type LiveStatus = 'idle' | 'connecting' | 'open' | 'stale' | 'down';

export interface HelloFrame { type: 'hello'; head: number; at: string; heartbeatMs: number }
/** `ids: null` means "many" (over 100) or not row-shaped: refetch the resource. */
export interface LiveChange { seq: number; resource: Resource; ids: number[] | null; at: string }
export interface ChangeFrame extends LiveChange { type: 'change' }
export interface PingFrame { type: 'ping'; head: number; at: string }
export interface ResetFrame { type: 'reset'; head: number }
export interface ByeFrame { type: 'bye'; reason: string }
export type LiveFrame = HelloFrame | ChangeFrame | PingFrame | ResetFrame | ByeFrame;

export const FRAME_TYPES = ['hello', 'change', 'ping', 'reset', 'bye'] as const;
export type FrameType = (typeof FRAME_TYPES)[number];

/** What subscribers hear: a change, a reset (refetch everything), or a resync (the stream came
 * back after a drop; events were replayed, refetching anyway is cheap and safe). */
export type LiveEvent = { type: 'change'; change: LiveChange } | { type: 'reset' } | { type: 'resync' };

const seqLike = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isoLike = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const idList = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number' && Number.isFinite(n));

/** One frame from its event name and data text; null when either is not what the contract says. */
export function parseFrame(type: string, data: string): LiveFrame | null {
  let d: Record<string, unknown>;
  try {
    const v: unknown = JSON.parse(data);
    if (typeof v !== 'object' || v === null) return null;
    d = v as Record<string, unknown>;
  } catch {
    return null;
  }
  switch (type) {
    case 'hello':
      return seqLike(d.head) && isoLike(d.at) && typeof d.heartbeatMs === 'number' && d.heartbeatMs > 0
        ? { type, head: d.head, at: d.at, heartbeatMs: d.heartbeatMs } : null;
    case 'change':
      return seqLike(d.seq) && typeof d.resource === 'string' && (d.ids === null || d.ids === undefined || idList(d.ids)) && isoLike(d.at)
        ? { type, seq: d.seq, resource: d.resource as Resource, ids: (d.ids as number[] | undefined) ?? null, at: d.at } : null;
    case 'ping':
      return seqLike(d.head) && isoLike(d.at) ? { type, head: d.head, at: d.at } : null;
    case 'reset':
      return seqLike(d.head) ? { type, head: d.head } : null;
    case 'bye':
      return { type, reason: typeof d.reason === 'string' ? d.reason : 'unknown' };
    default:
      return null;
  }
}

/** The `id:` the browser reports with a frame (MessageEvent.lastEventId), when it is a seq. */
export function eventId(lastEventId: string | undefined): number | null {
  if (!lastEventId || !/^\d+$/.test(lastEventId)) return null;
  const n = Number(lastEventId);
  return Number.isSafeInteger(n) ? n : null;
}
