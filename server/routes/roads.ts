// POST /roads/import (issue 8): a road file (GeoJSON lines, WGS-84/GCJ-02/BD-09) becomes the
// routing network the coverage analyses walk and drive on. Planner (the GIS engineer) and admin
// only (basemap:create). Every feature is checked first and every fault named by its index
// (422, nothing written); then one transaction writes the roads — after deleting the old ones
// when `replace` — with its audit entry and a basemap change event. After the commit the caches
// built on the roads are dropped (the coverage source and the impact index), and the answer gives
// the routing graph of the roads now in the table. The body is large (a district's roads are
// megabytes): server/app.ts gives this path the 20 MB upload cap.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { parseRoadFile, type RoadError } from '../../domain/roads/parse.ts';
import { RoadImportBody } from '../../domain/roads/schemas.ts';
import { buildRoadGraph } from '../../domain/routing/graph.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { forgetImpactIndex } from '../db/impact-source.ts';
import { writeRoads } from '../db/roads-import.ts';
import { forgetCoverageSource, loadRoads } from '../coverage/source.ts';
import { problem } from '../errors.ts';
import { emitChange } from '../live/emit.ts';
import { problems, ProblemSchema, validationHook } from './openapi.ts';
import { body, json } from './task-schemas.ts';

const RoadImportOut = z.object({
  imported: z.number().int().describe('roads written'),
  replaced: z.number().int().describe('roads deleted first (mode replace; 0 when appending)'),
  graph: z.object({ nodes: z.number().int(), edges: z.number().int() }).describe('the routing graph of every road now in the table'),
}).openapi('RoadImportOut');

const RoadFileProblem = ProblemSchema.extend({
  errorCount: z.number().int(),
  errors: z.array(z.object({ index: z.number().int().nullable().describe('0-based position in features; null: the file as a whole'),
    code: z.string(), detail: z.string() })).describe('the first 1,000 faults'),
}).openapi('RoadFileProblem');

const importRoute = policyRoute({ resource: 'basemap', action: 'create' }, { method: 'post', path: '/roads/import', tags: ['roads'],
  summary: 'Import a road file (GeoJSON lines) into the routing network: append, or replace every road',
  request: { body: body(RoadImportBody) },
  responses: { 200: { description: 'Imported; the routing graph now', ...json(RoadImportOut) },
    422: { description: 'Bad features, each named by index; nothing written (sent as application/problem+json)', ...json(RoadFileProblem) },
    ...problems(400, 401, 403, 413, 415) } });

/** The 422 of a file with faults, in problem+json (RFC 9457) with the list as an extension member. */
function roadFileProblem(c: Context<AppEnv>, errors: RoadError[], errorCount: number) {
  const first = errors.slice(0, 3).map((e) => `${e.index === null ? 'file' : `feature ${e.index}`}: ${e.code}`).join('; ');
  const detail = `${errorCount} fault${errorCount === 1 ? '' : 's'}, nothing imported (${first}${errorCount > 3 ? '; …' : ''})`;
  return c.json({ ...problem('invalid_road_file', detail), errorCount, errors }, 422, { 'content-type': 'application/problem+json; charset=utf-8' });
}

export function roads(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(importRoute, async (c) => {
      const b = c.req.valid('json');
      const file = parseRoadFile(b.data, b.crs);
      if (!file.ok) return roadFileProblem(c, file.errors, file.errorCount);
      const at = deps.now().toISOString();
      const written = await db.transaction(async (tx) => {
        const w = await writeRoads(tx, file.roads, b.mode);
        const byClass: Record<string, number> = {};
        for (const r of file.roads) byClass[r.roadClass] = (byClass[r.roadClass] ?? 0) + 1;
        await appendAudit(tx, { at, actor: access(c).viewer.username, action: b.mode === 'replace' ? 'replace' : 'create', entity: 'roads', entityId: null,
          after: { mode: b.mode, crs: b.crs, ...w, vertices: file.vertices, byClass }, route: 'POST /roads/import', ip: clientIp(c, deps.trustProxy) });
        await emitChange(tx, at, { resource: 'basemap' });
        return w;
      });
      // After the commit: a coverage question or impact computed meanwhile was on the old roads.
      forgetCoverageSource(db);
      forgetImpactIndex(db);
      const graph = buildRoadGraph(await loadRoads(db));
      return c.json({ imported: written.imported, replaced: written.replaced, graph: { nodes: graph.nodeCount, edges: graph.edgeCount } }, 200);
    });
}
