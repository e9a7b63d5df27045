// The one way the web talks to the API: `apiGet` has a single error path that turns any failure
// (network, problem+json, unexpected body) into an ApiError. `fetchLayer` pages through a layer.
import type { Feature, FeatureCollection } from 'geojson';
import { LAYER_LIMIT_MAX, type LayerId } from '../domain/layers.ts';

export interface LocalizedText { 'zh-CN': string; en: string }

/** RFC 9457 problem details as the server sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  message?: LocalizedText;
}

export class ApiError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly localized?: LocalizedText;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.localized = problem.message;
  }

  /** The server's own wording in the UI language when it sent one, else the title/detail. */
  messageFor(locale: string): string {
    return this.localized?.[locale === 'en' ? 'en' : 'zh-CN'] ?? this.message;
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
export interface RequestOptions { signal?: AbortSignal; fetch?: FetchLike }

const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' && v !== null && typeof (v as Problem).code === 'string' && typeof (v as Problem).status === 'number';

/** Turns a non-2xx response into an ApiError, reading problem+json when the body is one. */
export async function toApiError(res: Response): Promise<ApiError> {
  const fallback: Problem = { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status, code: `http${res.status}` };
  const body: unknown = await res.json().catch(() => null);
  if (!isProblem(body)) return new ApiError(fallback);
  return new ApiError({ ...fallback, ...body });
}

export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

/** GET a JSON resource. Aborts propagate as AbortError; everything else becomes an ApiError. */
export async function apiGet<T>(url: string, opts: RequestOptions = {}): Promise<T> {
  const doFetch: FetchLike = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let res: Response;
  try {
    res = await doFetch(url, { signal: opts.signal, headers: { accept: 'application/json, application/problem+json' } });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network', detail: String(err) });
  }
  if (!res.ok) throw await toApiError(res);
  try {
    return (await res.json()) as T;
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError({ type: 'about:blank', title: 'Bad response', status: res.status, code: 'badResponse', detail: String(err) });
  }
}

export type Bbox = readonly [number, number, number, number];
export interface LayerQuery { bbox?: Bbox; at?: string; kind?: readonly string[]; limit?: number }
export interface LayerPage extends FeatureCollection { next: string | null; numberReturned?: number }

/** `/api/v1/layers/<layer>?bbox=…&at=…&kind=…&limit=…&cursor=…`; bbox to 6 decimals (~0.1 m). */
export function layerUrl(layer: LayerId, q: LayerQuery = {}, cursor?: string): string {
  const params = new URLSearchParams();
  if (q.bbox) params.set('bbox', q.bbox.map((v) => Number(v.toFixed(6))).join(','));
  if (q.at) params.set('at', q.at);
  if (q.kind && q.kind.length > 0) params.set('kind', q.kind.join(','));
  params.set('limit', String(q.limit ?? LAYER_LIMIT_MAX));
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/layers/${encodeURIComponent(layer)}?${params.toString().replaceAll('%2C', ',')}`;
}

/** `next` may be a URL (absolute or path) or a bare cursor; both are followed. */
export function nextPageUrl(layer: LayerId, q: LayerQuery, next: string): string {
  return next.startsWith('/') || /^https?:\/\//.test(next) ? next : layerUrl(layer, q, next);
}

const MAX_PAGES = 500;

/** All features of a layer matching the query, following `next` page by page. */
export async function fetchLayer(layer: LayerId, q: LayerQuery = {}, opts: RequestOptions = {}): Promise<FeatureCollection> {
  const features: Feature[] = [];
  let url = layerUrl(layer, q);
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await apiGet<LayerPage>(url, opts);
    if (body?.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
      throw new ApiError({ type: 'about:blank', title: 'Bad response', status: 200, code: 'badResponse', detail: `${layer}: not a FeatureCollection` });
    }
    for (const f of body.features) features.push(f);
    if (!body.next) return { type: 'FeatureCollection', features };
    url = nextPageUrl(layer, q, body.next);
  }
  throw new ApiError({ type: 'about:blank', title: 'Too many pages', status: 200, code: 'tooManyPages', detail: `${layer}: over ${MAX_PAGES} pages` });
}
