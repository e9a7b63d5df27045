import { describe, expect, it } from 'vitest';
import {
  actorLabel, auditUrl, compactJson, dayEndIso, dayStartIso, emptyAuditFilter, nextAuditUrl,
} from '../../web/components/admin/audit-query.ts';
import { formatTime } from '../../web/components/admin/format-time.ts';

describe('audit search', () => {
  it('sends only the filled fields, trimmed, with a page size', () => {
    const url = auditUrl({ ...emptyAuditFilter(), actor: ' admin ', entity: 'team', entityId: '12' });
    expect(url).toBe('/api/v1/audit?actor=admin&entity=team&entityId=12&limit=50');
    expect(auditUrl(emptyAuditFilter(), 20)).toBe('/api/v1/audit?limit=20');
  });

  it('turns the dates into the start of the first and the end of the last local day', () => {
    expect(dayStartIso('2022-06-01')).toBe(new Date(2022, 5, 1, 0, 0, 0, 0).toISOString());
    expect(dayEndIso('2022-06-03')).toBe(new Date(2022, 5, 3, 23, 59, 59, 999).toISOString());
    expect(dayStartIso('')).toBeNull();
    const params = new URL(auditUrl({ ...emptyAuditFilter(), from: '2022-06-01', to: '2022-06-03' }), 'http://x').searchParams;
    expect(params.get('from')).toBe(dayStartIso('2022-06-01'));
    expect(params.get('to')).toBe(dayEndIso('2022-06-03'));
  });

  it('follows `next` as a URL or as a cursor on the searched filter', () => {
    const f = { ...emptyAuditFilter(), action: 'team.areas' };
    expect(nextAuditUrl(f, '/api/v1/audit?cursor=abc')).toBe('/api/v1/audit?cursor=abc');
    expect(nextAuditUrl(f, 'abc')).toBe('/api/v1/audit?action=team.areas&limit=50&cursor=abc');
  });

  it('shows before/after as one line of JSON, cut when long', () => {
    expect(compactJson({ a: 1, b: [1, 2] })).toEqual({ text: '{"a":1,"b":[1,2]}', full: '{"a":1,"b":[1,2]}', cut: false });
    expect(compactJson(null).text).toBe('—');
    const long = compactJson({ s: 'x'.repeat(300) }, 40);
    expect(long.cut).toBe(true);
    expect(long.text).toHaveLength(40);
    expect(long.text.endsWith('…')).toBe(true);
  });

  it('names the actor whatever shape it comes in', () => {
    expect(actorLabel('admin')).toBe('admin');
    expect(actorLabel({ id: 3, username: 'planner' })).toBe('planner');
    expect(actorLabel(7)).toBe('7');
    expect(actorLabel(null)).toBe('—');
  });

  it('formats instants as local date and time in the given zone', () => {
    expect(formatTime('2022-06-01T16:05:09Z', 'Asia/Shanghai')).toBe('2022-06-02 00:05:09');
    expect(formatTime(null)).toBeNull();
    expect(formatTime('not a date')).toBe('not a date');
  });
});
