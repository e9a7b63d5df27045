// The API: small sub-apps chained under /api/v1, with the edge rules that apply to all of them
// (body cap before parsing, JSON-only bodies, security headers, session and CSRF checks,
// problem+json errors). Every route carries an access policy; start-up fails if one does not.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './auth/context.ts';
import { authorize, csrfGuard, sessionLoader } from './auth/middleware.ts';
import { assertAllGuarded } from './auth/route.ts';
import type { Db } from './db/database.ts';
import type { SessionTimes } from './db/sessions.ts';
import { createLiveHub, type LiveHub } from './live/hub.ts';
import { onError, problemResponse } from './errors.ts';
import { UPLOAD_TYPE_NAMES, UPLOAD_TYPES } from './import/upload-types.ts';
import { docs } from './routes/docs.ts';
import { health } from './routes/health.ts';
import { impact } from './routes/impact.ts';
import { exportFiles } from './routes/exports.ts';
import { imports } from './routes/imports.ts';
import { incidents } from './routes/incidents.ts';
import { layers } from './routes/layers.ts';
import { live } from './routes/live.ts';
import { loops } from './routes/loops.ts';
import { people } from './routes/people.ts';
import { records } from './routes/records.ts';
import { auditLog } from './routes/audit.ts';
import { RESOURCES } from './routes/resources.ts';
import { reveal } from './routes/reveal.ts';
import { roads } from './routes/roads.ts';
import { rooms } from './routes/rooms.ts';
import { session } from './routes/session.ts';
import { policy } from './routes/policy.ts';
import { profiles } from './routes/profiles.ts';
import { taskUpdates } from './routes/task-updates.ts';
import { tasks } from './routes/tasks.ts';
import { teams } from './routes/teams.ts';
import { users } from './routes/users.ts';
import { wall } from './routes/wall.ts';
import { alerts } from './routes/alerts.ts';
import { analysis } from './routes/analysis.ts';
import { coverage } from './routes/coverage.ts';
import { incidentGrade } from './routes/incident-grade.ts';
import { points } from './routes/points.ts';
import { zoneLifecycle } from './routes/zone-lifecycle.ts';
import { zoneProposals } from './routes/zone-proposals.ts';
import { zones } from './routes/zones.ts';

export interface AppDeps {
  db: Db;
  bodyLimitBytes: number;
  /** Cap on a sheet uploaded to POST /imports, the one route that takes a non-JSON body (default 20 MB). */
  importMaxBytes?: number;
  session: SessionTimes;
  /** Behind a reverse proxy: take the client address and scheme from X-Forwarded-*. */
  trustProxy?: boolean;
  now?: () => Date;
  log?: { error: (obj: unknown, msg?: string) => void };
  /** Serves the built web app for every path the API does not claim (production, e2e). */
  web?: MiddlewareHandler;
  /** The live stream's hub (server/live/hub.ts); created with defaults when absent. It starts on
   * the first stream; whoever made it stops it (main.ts at shutdown, tests at close). */
  live?: LiveHub;
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

/** POST /imports takes the raw sheet (CSV or XLSX; the importer sniffs the bytes) under its own cap. */
const isUpload = (c: Context) => c.req.method === 'POST' && c.req.path === '/api/v1/imports';
/** POST /roads/import is JSON, but a district's road file is megabytes: it shares the upload cap. */
const isLargeBody = (c: Context) => isUpload(c) || (c.req.method === 'POST' && c.req.path === '/api/v1/roads/import');
const uploadTypesOnly: MiddlewareHandler = async (c, next) => {
  if (!UPLOAD_TYPES.test(c.req.header('content-type') ?? '')) return problemResponse('unsupported_media_type', `a sheet upload is ${UPLOAD_TYPE_NAMES}`);
  return next();
};
const either = (upload: MiddlewareHandler, other: MiddlewareHandler, test = isUpload): MiddlewareHandler => (c, next) => (test(c) ? upload : other)(c, next);

export function createApp(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const trustProxy = deps.trustProxy ?? false;
  const ctx = { db: deps.db, now, trustProxy, session: deps.session };
  const hub = deps.live ?? createLiveHub({ db: deps.db, now, session: deps.session, log: deps.log });
  const api = new OpenAPIHono<AppEnv>()
    .route('/', health(deps))
    .route('/', session({ ...ctx, onSignOut: () => hub.sessionsChanged() }))
    .route('/', layers(ctx))
    .route('/', reveal(ctx))
    .route('/', auditLog(ctx))
    .route('/', users(ctx))
    .route('/', policy())
    .route('/', teams(ctx))
    .route('/', tasks(ctx))
    .route('/', taskUpdates(ctx))
    .route('/', profiles(ctx))
    .route('/', incidents(ctx))
    .route('/', zoneProposals(ctx))
    .route('/', zones(ctx))
    .route('/', zoneLifecycle(ctx))
    .route('/', impact(ctx))
    .route('/', rooms(ctx))
    .route('/', people(ctx))
    .route('/', loops(ctx))
    .route('/', imports(ctx))
    .route('/', exportFiles(ctx))
    .route('/', wall(ctx))
    .route('/', alerts(ctx))
    .route('/', analysis(ctx))
    .route('/', incidentGrade(ctx))
    .route('/', points(ctx))
    .route('/', coverage(ctx))
    .route('/', roads(ctx))
    .route('/', live({ hub }))
    .route('/', docs());
  for (const spec of RESOURCES) api.route('/', records(spec, ctx));
  assertAllGuarded(api);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: '守望 Shouwang API', version: '1', description: 'Township public-health-emergency GIS command dashboard' },
  });

  const app = new OpenAPIHono<AppEnv>();
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: 'no-referrer',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains' }));
  // Answers may hold personal data: no shared or browser cache keeps them.
  app.use('/api/*', async (c, next) => { await next(); if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store'); });
  app.use('/api/*', compress()); // district-wide layers shrink ~5× for phones on weak networks
  const tooLarge = () => problemResponse('payload_too_large');
  app.use('/api/*', either(bodyLimit({ maxSize: deps.importMaxBytes ?? 20 * 1024 * 1024, onError: tooLarge }),
    bodyLimit({ maxSize: deps.bodyLimitBytes, onError: tooLarge }), isLargeBody));
  app.use('/api/*', either(uploadTypesOnly, jsonBodiesOnly));
  app.use('/api/*', sessionLoader(ctx));
  app.use('/api/*', csrfGuard(trustProxy));
  // The API description is for people who work here, not for anyone probing (ASVS 13.4.5).
  for (const path of ['/api/v1/openapi.json', '/api/v1/docs', '/api/v1/docs/*']) app.use(path, authorize('signedIn'));
  app.route('/api/v1', api);
  app.all('/api/*', () => problemResponse('not_found', 'no such API route'));
  if (deps.web) app.use('*', deps.web);
  app.onError(onError(deps.log ?? console));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
