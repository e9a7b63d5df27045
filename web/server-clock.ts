// The server's clock as the page sees it: the session answer carries the server's time, and the
// difference to the browser's clock is kept (also in localStorage, for a field phone reopened
// offline). The demo server runs on the scenario's time (server/clock.ts), so "today" on /plan,
// "overdue" on a phone and the time stamped on a queued field report follow the server, not
// the device, whose clock may also simply be wrong.
const OFFSET_KEY = 'shouwang.clock.offsetMs';

let offsetMs = readOffset();

function readOffset(): number {
  try {
    const v = Number(localStorage.getItem(OFFSET_KEY));
    return Number.isFinite(v) ? v : 0;
  } catch {
    return 0;
  }
}

/** Adopts the server time of a fresh answer (never a cached one: its time is stale). */
export function syncServerClock(serverTime: string | undefined, receivedAtMs = Date.now()): void {
  const t = serverTime === undefined ? NaN : Date.parse(serverTime);
  if (!Number.isFinite(t)) return;
  offsetMs = t - receivedAtMs;
  try { localStorage.setItem(OFFSET_KEY, String(offsetMs)); } catch { /* private mode: this page only */ }
}

/** Epoch ms on the server's clock. */
export const serverNowMs = (): number => Date.now() + offsetMs;
