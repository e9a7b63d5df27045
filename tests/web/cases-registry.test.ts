// The /cases registry against a fake API: filters become an allow-listed query, a filter change
// starts again on page 1, keyset paging goes forward and back by the cursors it was given, and an
// older request overtaken by a newer one never overwrites it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { emptyFilters, peopleUrl, useCasesRegistry } from '../../web/stores/cases-registry.ts';
import { fakeFetch, json, problem, type Call } from './plan-fixtures.ts';
import { row } from './cases-fixtures.ts';

let calls: Call[];
beforeEach(() => {
  calls = fakeFetch((call) => {
    const url = new URL(call.url, 'http://x');
    if (url.searchParams.get('category') === 'bad') return problem(400, 'invalid_query', '查询参数无效');
    const cursor = url.searchParams.get('cursor');
    if (cursor === 'c2') return json({ items: [row(3)], next: null });
    return json({ items: [row(1), row(2, { overdue: true })], next: 'c2' });
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('cases registry', () => {
  it('sends only the filters that are set', () => {
    expect(peopleUrl(emptyFilters())).toBe('/api/v1/people?limit=50');
    expect(peopleUrl({ ...emptyFilters(), category: 'closeContact', step: 'transferred', township: '3', from: '2022-06-01', to: '2022-06-10',
      overdue: true, q: ' 临水 ' }, 'abc', 20))
      .toBe('/api/v1/people?category=closeContact&step=transferred&township=3&from=2022-06-01&to=2022-06-10&overdue=true&q=%E4%B8%B4%E6%B0%B4&limit=20&cursor=abc');
  });

  it('loads the first page, goes forward and back by cursor', async () => {
    const registry = useCasesRegistry();
    await registry.load();
    expect(registry.rows.map((r) => r.id)).toEqual([1, 2]);
    expect([registry.page, registry.hasPrev, registry.hasNext]).toEqual([1, false, true]);
    await registry.nextPage();
    expect(calls.at(-1)?.url).toBe('/api/v1/people?limit=50&cursor=c2');
    expect(registry.rows.map((r) => r.id)).toEqual([3]);
    expect([registry.page, registry.hasPrev, registry.hasNext]).toEqual([2, true, false]);
    await registry.nextPage(); // no next: nothing asked
    expect(calls).toHaveLength(2);
    await registry.prevPage();
    expect(calls.at(-1)?.url).toBe('/api/v1/people?limit=50');
    expect(registry.page).toBe(1);
  });

  it('restarts at page 1 when a filter changes, and clears them all', async () => {
    const registry = useCasesRegistry();
    await registry.load();
    await registry.nextPage();
    await registry.setFilters({ overdue: true, category: 'confirmed' });
    expect(calls.at(-1)?.url).toBe('/api/v1/people?category=confirmed&overdue=true&limit=50');
    expect(registry.page).toBe(1);
    expect(registry.activeFilters).toBe(2);
    await registry.reset();
    expect(registry.activeFilters).toBe(0);
    expect(calls.at(-1)?.url).toBe('/api/v1/people?limit=50');
  });

  it('keeps the refusal as the error and the rows it had', async () => {
    const registry = useCasesRegistry();
    await registry.load();
    expect(await registry.setFilters({ category: 'bad' })).toBe(false);
    expect(registry.error).toMatchObject({ code: 'invalid_query' });
    expect(registry.rows).toHaveLength(2);
  });

  it('lets the newest request win when filters change quickly', async () => {
    const slow: ((r: Response) => void)[] = [];
    calls = fakeFetch((call, signal) => new Promise<Response>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      if (call.url.includes('status=released')) resolve(json({ items: [row(7)], next: null }));
      else slow.push(resolve);
    }));
    const registry = useCasesRegistry();
    const first = registry.setFilters({ status: 'active' });
    const second = registry.setFilters({ status: 'released' });
    slow.forEach((r) => r(json({ items: [row(1)], next: null })));
    await Promise.all([first, second]);
    expect(registry.rows.map((r) => r.id)).toEqual([7]);
    expect(registry.loading).toBe(false);
    expect(registry.error).toBeNull();
  });
});
