// The live client's clock rules, pure: when a silent stream counts as stale, and how long to wait
// before each reconnect attempt (contract-issue6.md: stale after 2.5 heartbeats; backoff 1 s → 30 s).
/** The server's default heartbeat, assumed until hello says otherwise. */
export const DEFAULT_HEARTBEAT_MS = 15_000;
/** No frame for this many heartbeats: the stream is stale (contract: 2.5 ×). */
export const STALE_HEARTBEATS = 2.5;
export const BACKOFF_FIRST_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;
/** Up to this share is taken off a delay at random, so a thousand walls do not retry in step. */
export const BACKOFF_JITTER = 0.2;

/** The delay before reconnect attempt `attempt` (0-based): 1 s doubling to 30 s, minus jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 - BACKOFF_JITTER * random()));
}

export const staleAfterMs = (heartbeatMs: number): number => STALE_HEARTBEATS * heartbeatMs;
