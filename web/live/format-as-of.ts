// How the "data as of" indicator words the stream's state, pure so it is tested without a
// browser. Times are the server's clock in Asia/Shanghai (UTC+8 all year, no DST), like every
// other time the app shows (components/plan/format.ts shanghaiTime).
import type { LiveStatus } from './frames.ts';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** 'HH:mm:ss' of an ISO instant in Shanghai; '' when there is none. */
export function asOfClock(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(11, 19) : '';
}

/** 'YYYY-MM-DD HH:mm:ss' in Shanghai, for the tooltip; '' when there is none. */
export function asOfDateTime(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ') : '';
}

/** The indicator's colour: green when live, grey while (re)connecting, red when the data may be old. */
export type LiveTone = 'live' | 'pending' | 'stale' | 'off';

export function liveTone(status: LiveStatus): LiveTone {
  if (status === 'open') return 'live';
  if (status === 'connecting') return 'pending';
  if (status === 'stale' || status === 'down') return 'stale';
  return 'off';
}
