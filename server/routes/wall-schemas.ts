// The shapes GET /wall/summary and GET /playback send (contract-issue6.md, "Wall data API";
// domain/wall/types.ts). Counts, dates, points and the ids a client keys rows by: no personal
// field of anyone (the wall role reads these, and they are district-wide).
import { z } from '@hono/zod-openapi';
import { LOOP_STEPS } from '../../domain/loop/types.ts';
import { COLOURS } from '../../domain/wall/types.ts';
import { AreaGeometry } from './zone-schemas.ts';

const Colour = z.enum(COLOURS);
const Day = z.string().describe('Asia/Shanghai day, YYYY-MM-DD');
const LngLat = z.tuple([z.number(), z.number()]);
const Bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const Label = z.object({ zh: z.string(), en: z.string() });

export const WallSummaryOut = z.object({
  asOf: z.string().describe('server clock, ISO-8601 UTC'),
  incident: z.object({ id: z.number(), name: z.string(), startedAt: z.string(), today: Day }).nullable().describe('the open incident; null when none'),
  cases: z.object({ today: z.number(), last7: z.array(z.object({ date: Day, count: z.number() })), total: z.number(), active: z.number() })
    .describe('confirmed, asymptomatic and suspected cases by the day known (report date, else identified)'),
  zones: z.array(z.object({ kind: z.string(), label: Label, colour: z.string(), rank: z.number(), count: z.number() }))
    .describe('active zone versions now per kind of the incident\'s profile, most severe first; every kind listed'),
  quarantine: z.object({ central: z.number(), home: z.number(), roomsTotal: z.number(), roomsFree: z.number(),
    sites: z.array(z.object({ id: z.number(), name: z.string(), status: z.string(), total: z.number(), occupied: z.number() })) }),
  loops: z.object({
    open: z.number().describe('loops with an open step'), overdue: z.number().describe('loops whose current step is past its deadline'),
    funnel: z.array(z.object({ step: z.enum(LOOP_STEPS), reached: z.number() })).describe('LOOP_STEPS order: distinct persons with that step done'),
    overdueByTeam: z.array(z.object({ teamId: z.number().nullable(), team: z.string(), overdue: z.number(), worstHours: z.number(),
      level: z.union([z.literal(1), z.literal(2), z.literal(3)]) })).describe('by the team of the late current step, most overdue first, top 8'),
  }),
  tasks: z.object({ open: z.number(), overdue: z.number() }),
  alerts: z.object({ byLevel: z.object({ red: z.number(), orange: z.number(), yellow: z.number(), blue: z.number() }),
    latest: z.array(z.object({ id: z.number(), level: Colour, rule: z.string(), title: z.string(), raisedAt: z.string() })).describe('open alerts, latest 20') }),
  epi: z.object({ dates: z.array(Day), byOnset: z.array(z.number()), byReport: z.array(z.number()) })
    .describe('cases per day from the earlier of the incident\'s first day and the first onset (≤ 30 days before) to today'),
  hotAreas: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(['village', 'township']), cases7d: z.number(), bbox: Bbox }))
    .describe('top 5 villages by cases known in the last 7 days'),
  coverage: z.object({ minutes: z.number(), residents: z.number(), covered: z.number(), share: z.number().describe('covered / residents, 0–1') }).nullable()
    .describe('residents within 15 minutes\' walk of an active testing site; null without roads or residents'),
}).openapi('WallSummary');

export const PlaybackOut = z.object({
  days: z.array(Day).describe('the incident\'s first day to today'),
  zones: z.array(z.object({ id: z.number().describe('zone version id'), zoneId: z.number(), kind: z.string(), colour: z.string(),
    from: z.string(), to: z.string().nullable(), geometry: AreaGeometry })).describe('active versions in force during the days'),
  cases: z.array(z.object({ id: z.number(), category: z.string(), knownOn: Day, closedOn: Day.nullable(), point: LngLat })),
  quarantine: z.array(z.object({ from: z.string(), to: z.string().nullable(), point: LngLat, central: z.boolean() }))
    .describe('central: at the site of the room; home isolation: at the home (rounded to ~10 m)'),
}).openapi('Playback');
