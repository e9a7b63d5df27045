import { describe, expect, it } from 'vitest';
import { ApiError, apiSend, retryAfterSeconds, type FetchLike } from '../../web/api.ts';

describe('Retry-After on an ApiError', () => {
  it('reads delta-seconds and HTTP dates, and ignores junk', () => {
    const now = Date.parse('2022-04-01T08:00:00Z');
    expect(retryAfterSeconds('899', now)).toBe(899);
    expect(retryAfterSeconds('Fri, 01 Apr 2022 08:02:00 GMT', now)).toBe(120);
    expect(retryAfterSeconds('Fri, 01 Apr 2022 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });

  it('carries the header of a 429 problem', async () => {
    const fetch: FetchLike = async () => new Response(JSON.stringify({ type: '/problems/too_many_attempts', title: 'Too many',
      status: 429, code: 'too_many_attempts', message: { 'zh-CN': '登录失败次数过多，请稍后再试', en: 'Too many' } }),
    { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '899' } });
    const err = await apiSend('POST', '/api/v1/session', { username: 'a', password: 'b' }, { fetch }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: 'too_many_attempts', retryAfterSeconds: 899 });
  });
});
