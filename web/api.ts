// The one way the web talks to the API: `apiGet` and `apiSend` share a single error path that turns
// any failure (network, problem+json, unexpected body) into an ApiError. `fetchLayer` pages
// through a layer. State-changing requests carry the session's CSRF token (set by the session
// store through `setCsrfToken`); a 401 is reported to `onUnauthenticated` so the app can ask
// for a login.
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
  /** From a 429/503 `Retry-After` header: how long the server asks the client to wait. */
  retryAfterSeconds?: number;

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

/** `Retry-After` as seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** Turns a non-2xx response into an ApiError, reading problem+json when the body is one. */
export async function toApiError(res: Response): Promise<ApiError> {
  const fallback: Problem = { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status, code: `http${res.status}` };
  const body: unknown = await res.json().catch(() => null);
  const err = new ApiError(isProblem(body) ? { ...fallback, ...body } : fallback);
  err.retryAfterSeconds = retryAfterSeconds(res.headers.get('retry-after'), Date.now());
  return err;
}

export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

let csrfToken: string | null = null;
let unauthenticated: (() => void) | null = null;

/** The session store hands over the token the server issued with the session. */
export function setCsrfToken(token: string | null): void { csrfToken = token; }
/** Called on every 401 (expired or ended session), e.g. to route to /login. */
export function onUnauthenticated(handler: (() => void) | null): void { unauthenticated = handler; }

async function request<T>(method: string, url: string, body: unknown, opts: RequestOptions): Promise<T> {
  const doFetch: FetchLike = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await doFetch(url, { method, signal: opts.signal, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network', detail: String(err) });
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && unauthenticated) unauthenticated();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError({ type: 'about:blank', title: 'Bad response', status: res.status, code: 'badResponse', detail: String(err) });
  }
}

/** GET a JSON resource. Aborts propagate as AbortError; everything else becomes an ApiError. */
export function apiGet<T>(url: string, opts: RequestOptions = {}): Promise<T> {
  return request<T>('GET', url, undefined, opts);
}

/** POST/PUT/PATCH/DELETE with a JSON body and the CSRF header; 204 resolves to undefined. */
export function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  return request<T>(method, url, body, opts);
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

/** POST a raw body (e.g. an uploaded file) with its own content type, through the same error
 * path and CSRF header as `apiSend`; the answer is JSON. */
export async function apiUpload<T>(url: string, body: Blob, contentType: string, opts: RequestOptions = {}): Promise<T> {
  const doFetch: FetchLike = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await doFetch(url, { method: 'POST', signal: opts.signal, headers, credentials: 'same-origin', body });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network', detail: String(err) });
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && unauthenticated) unauthenticated();
    throw err;
  }
  return (await res.json()) as T;
}
