// GET /wall/summary and GET /playback (issue 6 items 2–3): the command-centre wall's figures and
// the intervals the time playback replays, for the open incident, at the server clock. Policy
// dashboard:read — every role that reads the whole district, never a field member. Reads only:
// no audit entry (nothing personal is sent: counts, dates, points, ids of cases, sites, teams,
// zones and alerts) and no escalation run (the 60 s timer writes alerts; a wall polling or
// refetching on every live change writes nothing).
import { OpenAPIHono } from '@hono/zod-openapi';
import { playback } from '../../domain/wall/playback.ts';
import { wallSummary } from '../../domain/wall/summary.ts';
import type { AppEnv } from '../auth/context.ts';
import { policyRoute } from '../auth/route.ts';
import type { Db } from '../db/database.ts';
import { playbackInput } from '../db/wall-intervals.ts';
import { summaryInput } from '../db/wall-summary.ts';
import { problems, validationHook } from './openapi.ts';
import { json } from './task-schemas.ts';
import { PlaybackOut, WallSummaryOut } from './wall-schemas.ts';

const policy = { resource: 'dashboard', action: 'read' } as const;
const summaryRoute = policyRoute(policy, { method: 'get', path: '/wall/summary', tags: ['wall'],
  summary: 'The wall\'s KPIs, epi curve, loop funnel, overdue teams, alerts and hot areas (open incident, now)',
  responses: { 200: { description: 'The summary', ...json(WallSummaryOut) }, ...problems(401, 403) } });
const playbackRoute = policyRoute(policy, { method: 'get', path: '/playback', tags: ['wall'],
  summary: 'Zone versions, cases and quarantines as intervals over the open incident\'s days',
  responses: { 200: { description: 'The intervals', ...json(PlaybackOut) }, ...problems(401, 403) } });

export function wall(deps: { db: Db; now: () => Date }) {
  const { db } = deps;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(summaryRoute, async (c) => {
      const now = deps.now().toISOString();
      return c.json(wallSummary(await summaryInput(db, now), now), 200);
    })
    .openapi(playbackRoute, async (c) => {
      const now = deps.now().toISOString();
      return c.json(playback(await playbackInput(db), now) as never, 200);
    });
}
