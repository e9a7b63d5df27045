import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../web/components/field/format.ts';

const NOW = Date.parse('2022-04-01T08:00:00Z');

describe('formatDateTime', () => {
  it('shows month, day and 24-hour time in the UI language, the year only when it differs', () => {
    expect(formatDateTime('2022-04-01T08:30:00Z', 'zh-CN', NOW, 'Asia/Shanghai')).toBe('4月1日 16:30');
    expect(formatDateTime('2022-04-01T08:30:00Z', 'en', NOW, 'Asia/Shanghai')).toMatch(/^Apr 1, 16:30$/);
    expect(formatDateTime('2021-12-31T20:00:00Z', 'zh-CN', NOW, 'UTC')).toMatch(/^2021年12月31日 20:00$/);
  });

  it('passes an unreadable value through', () => {
    expect(formatDateTime('soon', 'zh-CN', NOW)).toBe('soon');
  });
});
