// The audit search form ↔ GET /api/v1/audit: the form's strings become query parameters, the
// two dates become the start of the first and the end of the last day (browser time zone), and
// `next` is followed whether the server sends a URL or a bare cursor. Pure.

export interface AuditFilter {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  /** 'YYYY-MM-DD' from <input type="date">, or '' */
  from: string;
  to: string;
}

export const emptyAuditFilter = (): AuditFilter => ({ actor: '', action: '', entity: '', entityId: '', from: '', to: '' });

export const AUDIT_PAGE_SIZE = 50;

function localDay(date: string, h: number, m: number, s: number, ms: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), h, m, s, ms).toISOString();
}
/** 00:00:00.000 local time of a 'YYYY-MM-DD' day, as an ISO instant; null if not a date. */
export const dayStartIso = (date: string): string | null => localDay(date, 0, 0, 0, 0);
/** 23:59:59.999 local time of that day: `to` includes the whole day it names. */
export const dayEndIso = (date: string): string | null => localDay(date, 23, 59, 59, 999);

/** `/api/v1/audit?…` for a filter; empty fields are left out. */
export function auditUrl(filter: AuditFilter, limit = AUDIT_PAGE_SIZE, cursor?: string): string {
  const params = new URLSearchParams();
  for (const key of ['actor', 'action', 'entity', 'entityId'] as const) {
    const v = filter[key].trim();
    if (v) params.set(key, v);
  }
  const from = dayStartIso(filter.from);
  const to = dayEndIso(filter.to);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/audit?${params.toString()}`;
}

/** The next page: `next` may be a path, an absolute URL or an opaque cursor. */
export function nextAuditUrl(filter: AuditFilter, next: string, limit = AUDIT_PAGE_SIZE): string {
  return next.startsWith('/') || /^https?:\/\//.test(next) ? next : auditUrl(filter, limit, next);
}

/** Before/after values on one line; long ones are cut so a row stays one or two lines tall. */
export function compactJson(value: unknown, maxChars = 140): { text: string; full: string; cut: boolean } {
  if (value === null || value === undefined) return { text: '—', full: '—', cut: false };
  const full = typeof value === 'string' ? value : JSON.stringify(value);
  const cut = full.length > maxChars;
  return { text: cut ? `${full.slice(0, maxChars - 1)}…` : full, full, cut };
}

/** The contract leaves `actor` open: show a username, a display name or an id, whichever came. */
export function actorLabel(actor: unknown): string {
  if (actor === null || actor === undefined) return '—';
  if (typeof actor === 'object') {
    const a = actor as Record<string, unknown>;
    const name = a.username ?? a.displayName ?? a.name ?? a.id;
    return name === undefined ? JSON.stringify(actor) : String(name);
  }
  return String(actor);
}
