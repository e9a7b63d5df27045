import { describe, expect, it } from 'vitest';
import { ApiError, apiGet, fetchLayer, layerUrl, type FetchLike } from '../../web/api.ts';

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** A fake fetch answering from a table of URL → response factories, recording the calls. */
function fakeFetch(routes: Record<string, () => Response>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const route = routes[url];
    if (!route) throw new TypeError(`fetch failed: ${url}`);
    return route();
  };
  return { fetch, calls };
}

const problem = {
  type: 'https://shouwang.example/problems/layer-not-found', title: 'Layer not found', status: 404,
  code: 'layerNotFound', detail: 'no layer "nope"', message: { 'zh-CN': '图层不存在', en: 'No such layer' },
};

describe('apiGet error path', () => {
  it('turns problem+json into an ApiError with code, status and both languages', async () => {
    const { fetch } = fakeFetch({ '/x': () => json(problem, 404, 'application/problem+json') });
    const err = await apiGet('/x', { fetch }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'layerNotFound', status: 404, title: 'Layer not found', detail: 'no layer "nope"' });
    expect((err as ApiError).messageFor('zh-CN')).toBe('图层不存在');
    expect((err as ApiError).messageFor('en')).toBe('No such layer');
  });

  it('gives a non-problem error body a code from its HTTP status', async () => {
    const { fetch } = fakeFetch({ '/x': () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }) });
    const err = (await apiGet('/x', { fetch }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'http502', status: 502, title: 'Bad Gateway' });
    expect(err.messageFor('en')).toBe('Bad Gateway');
  });

  it('reports a failed connection as code "network"', async () => {
    const { fetch } = fakeFetch({});
    await expect(apiGet('/down', { fetch })).rejects.toMatchObject({ name: 'ApiError', code: 'network', status: 0 });
  });

  it('reports an unreadable 200 body as code "badResponse"', async () => {
    const { fetch } = fakeFetch({ '/x': () => new Response('not json', { status: 200 }) });
    await expect(apiGet('/x', { fetch })).rejects.toMatchObject({ code: 'badResponse' });
  });

  it('lets an abort through as an AbortError, not an ApiError', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch: FetchLike = (_url, init) => Promise.reject(init?.signal?.reason ?? new DOMException('aborted', 'AbortError'));
    const err = await apiGet('/x', { fetch, signal: controller.signal }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ApiError);
    expect((err as DOMException).name).toBe('AbortError');
  });
});

describe('fetchLayer', () => {
  const feature = (id: number) => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [114.2, 36.4] }, properties: { id } });
  const page = (ids: number[], next: string | null) => () =>
    json({ type: 'FeatureCollection', features: ids.map(feature), next, numberReturned: ids.length });

  it('builds the query with bbox, at, kind and the maximum page size', () => {
    expect(layerUrl('roads', { bbox: [114.1, 36.3, 114.2, 36.4], kind: ['trunk', 'primary'], at: '2022-04-10T00:00:00Z' }))
      .toBe('/api/v1/layers/roads?bbox=114.1,36.3,114.2,36.4&at=2022-04-10T00%3A00%3A00Z&kind=trunk,primary&limit=10000');
  });

  it('follows next as a bare cursor and as a URL until it is null', async () => {
    const first = layerUrl('cases', { kind: ['confirmed'] });
    const second = layerUrl('cases', { kind: ['confirmed'] }, 'c2');
    const { fetch, calls } = fakeFetch({
      [first]: page([1, 2], 'c2'),
      [second]: page([3], '/api/v1/layers/cases?cursor=c3'),
      '/api/v1/layers/cases?cursor=c3': page([4], null),
    });
    const fc = await fetchLayer('cases', { kind: ['confirmed'] }, { fetch });
    expect(fc.features.map((f) => f.id)).toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([first, second, '/api/v1/layers/cases?cursor=c3']);
  });

  it('rejects a body that is not a FeatureCollection', async () => {
    const { fetch } = fakeFetch({ [layerUrl('zones')]: () => json({ hello: 'world' }) });
    await expect(fetchLayer('zones', {}, { fetch })).rejects.toMatchObject({ code: 'badResponse' });
  });

  it('passes a problem from any page through unchanged', async () => {
    const { fetch } = fakeFetch({
      [layerUrl('zones')]: page([1], 'c2'),
      [layerUrl('zones', {}, 'c2')]: () => json({ ...problem, code: 'badCursor', status: 400 }, 400, 'application/problem+json'),
    });
    await expect(fetchLayer('zones', {}, { fetch })).rejects.toMatchObject({ code: 'badCursor', status: 400 });
  });
});
