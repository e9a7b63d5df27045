// The shapes of the /analysis routes (contract-issue7.md, S-ANALYSIS; wire types in
// domain/analysis/types.ts): ids, dates, figures and geometries of clusters and grid cells, no
// personal field (the wall reads these too; line lists are the alert routes' business).
import { z } from '@hono/zod-openapi';
import { DbId, IsoDate } from '../../domain/schemas/common.ts';

const Day = z.string().describe('Asia/Shanghai day, YYYY-MM-DD');
const LngLat = z.tuple([z.number(), z.number()]);
const Polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(LngLat)) });
const Params = z.record(z.string(), z.number()).describe('the parameters the run used (radii in metres, windows in days, …)');
const Head = { day: Day, ranAt: z.string().describe('ISO-8601 UTC; 23:00 of the day (T15:00Z) for a backfilled day'), params: Params };
const Kind = z.enum(['feverClinic', 'feverDrug']);
const Methods = z.array(z.enum(['C1', 'C2', 'C3']));

const Cluster = z.object({ id: z.number(), count: z.number(), memberIds: z.array(z.number()).describe('person ids'), firstDay: Day, lastDay: Day,
  growth: z.object({ last7: z.number(), prev7: z.number() }), centroid: LngLat, hull: Polygon });
const ScanCluster = z.object({ rank: z.number(), locationIds: z.array(z.number()).describe('village admin_units ids'), centre: LngLat,
  radiusMeters: z.number(), startDay: Day, endDay: Day, observed: z.number(), expected: z.number(), relativeRisk: z.number(), llr: z.number(),
  pValue: z.number(), recurrenceDays: z.number(), status: z.enum(['new', 'ongoing']), circle: Polygon, memberIds: z.array(z.number()) });
const Cell = z.object({ gridId: z.number(), count: z.number(), z: z.number(), p: z.number(),
  class: z.enum(['hot99', 'hot95', 'hot90', 'cold99', 'cold95', 'cold90', 'none']), geometry: Polygon });
const Signal = z.object({ adminUnitId: z.number(), name: z.string(), kind: Kind, date: Day, count: z.number(),
  c1: z.number().nullable(), c2: z.number().nullable(), c3: z.number().nullable(), methods: Methods });

export const AnalysisLatestOut = z.object({
  incidentId: z.number().nullable().describe('the open incident; null when none (every run null)'),
  day: Day.nullable().describe('the newest analysed day'),
  stDbscan: z.object({ ...Head, clusters: z.array(Cluster) }).nullable().describe('ST-DBSCAN (Birant & Kut 2007) over the cases of the last 28 days'),
  scan: z.object({ ...Head, clusters: z.array(ScanCluster) }).nullable()
    .describe('prospective space-time permutation scan (Kulldorff et al. 2005) by village; clusters with p ≤ 0.05'),
  hotspots: z.object({ ...Head, cells: z.array(Cell) }).nullable().describe('Getis-Ord Gi* over the grids, FDR-corrected; significant cells only'),
  ears: z.object({ ...Head, signals: z.array(Signal) }).nullable().describe('EARS C1–C3 signals of the day, per village and kind'),
}).openapi('AnalysisLatest');

export const SyndromicQuery = z.object({
  adminUnitId: DbId.optional().describe('a village, township or the district; omitted: the district sum'),
  kind: Kind.default('feverClinic'),
  days: z.coerce.number().int().min(7).max(365).default(90),
  until: IsoDate.optional().describe('the last day; default the newest complete day by the server clock'),
});

export const SyndromicOut = z.object({
  adminUnitId: z.number().nullable(), name: z.string(), kind: Kind,
  days: z.array(z.object({ date: Day, count: z.number(), c1: z.number().nullable(), c2: z.number().nullable(), c3: z.number().nullable(), methods: Methods })),
}).openapi('SyndromicSeries');

export const RunBody = z.object({ day: IsoDate.optional().describe('the day to analyse; default the newest complete day') }).strict();

export const RunOut = z.object({
  day: Day,
  counts: z.object({ clusters: z.number(), scan: z.number(), hotspots: z.number(), signals: z.number() }),
  alerts: z.object({ raised: z.number(), updated: z.number() }),
}).openapi('AnalysisRun');
