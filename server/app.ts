// The API: small sub-apps chained under /api/v1, with the edge rules that apply to all of them
// (body cap before parsing, JSON-only bodies, security headers, problem+json errors).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/database.ts';
import { onError, problemResponse } from './errors.ts';
import { docs } from './routes/docs.ts';
import { health } from './routes/health.ts';
import { layers } from './routes/layers.ts';
import { records } from './routes/records.ts';
import { RESOURCES } from './routes/resources.ts';

export interface AppDeps {
  db: Db;
  bodyLimitBytes: number;
  now?: () => Date;
  log?: { error: (obj: unknown, msg?: string) => void };
  /** Serves the built web app for every path the API does not claim (production, e2e). */
  web?: MiddlewareHandler;
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  imgSrc: ["'self'", 'data:', 'blob:'],
  styleSrc: ["'self'", "'unsafe-inline'"], // MapLibre and Vue set element styles
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
};

const jsonBodiesOnly: MiddlewareHandler = async (c, next) => {
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && !/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    return problemResponse('unsupported_media_type');
  }
  return next();
};

export function createApp(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const api = new OpenAPIHono()
    .route('/', health(deps))
    .route('/', layers({ db: deps.db, now }))
    .route('/', docs());
  for (const spec of RESOURCES) api.route('/', records(spec, { db: deps.db, now }));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: '守望 Shouwang API', version: '1', description: 'Township public-health-emergency GIS command dashboard' },
  });

  const app = new OpenAPIHono();
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: 'no-referrer' }));
  app.use('/api/*', compress()); // district-wide layers shrink ~5× for phones on weak networks
  app.use('/api/*', bodyLimit({ maxSize: deps.bodyLimitBytes, onError: () => problemResponse('payload_too_large') }));
  app.use('/api/*', jsonBodiesOnly);
  app.route('/api/v1', api);
  app.all('/api/*', () => problemResponse('not_found', 'no such API route'));
  if (deps.web) app.use('*', deps.web);
  app.onError(onError(deps.log ?? console));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
