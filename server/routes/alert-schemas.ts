// The shapes of the alert and incident-grade endpoints (contract-issue7.md, "S-ALERTS"): the wire
// types are domain/analysis/types.ts (AlertOut, AlertDetail, IncidentGrade); these zod twins give
// the OpenAPI document and the request validation. Ids, levels, figures and masked line lists only.
import { z } from '@hono/zod-openapi';

export const ALERT_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export const ALERT_STATUS_FILTERS = ['active', 'open', 'acknowledged', 'resolved', 'all'] as const;
export const GRADES = ['I', 'II', 'III', 'IV'] as const;

const Level = z.enum(ALERT_LEVELS);
const Day = z.string().describe('Asia/Shanghai day, YYYY-MM-DD');
const Polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) });
/** Comma-separated allow-listed values; a value outside the list is a 400, never a silent miss. */
const csv = <T extends string>(what: string, values?: readonly T[]) => z.string().max(300).optional()
  .transform((text, ctx) => {
    const items = text?.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = values && items?.find((s) => !(values as readonly string[]).includes(s));
    if (bad) ctx.addIssue({ code: 'custom', message: `${what}: ${bad} is not one of ${values!.join(', ')}` });
    if (!values && items?.some((s) => !/^[a-z_]{1,40}$/.test(s))) ctx.addIssue({ code: 'custom', message: `${what}: rule keys are lower_snake_case` });
    return items?.length ? (items as T[]) : undefined;
  });

export const AlertQuery = z.strictObject({
  status: z.enum(ALERT_STATUS_FILTERS).default('active').describe('active = open or acknowledged'),
  level: csv('level', ALERT_LEVELS).describe(`comma-separated: ${ALERT_LEVELS.join(', ')}`),
  rule: csv<string>('rule').describe('comma-separated rule keys, e.g. scan_cluster,ears_signal'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(64).optional(),
});

export const AlertNote = z.strictObject({ note: z.string().trim().min(1).max(500).optional() });

export const AlertOutSchema = z.object({
  id: z.number(), level: Level, rule: z.string(), title: z.string().describe('zh-CN text for logs and the wall ticker'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).describe('fills the i18n message alerts.rule.<rule>'),
  status: z.enum(['open', 'acknowledged', 'resolved']), raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(), acknowledgedBy: z.string().nullable().describe('null for the wall'),
  resolvedAt: z.string().nullable(), resolvedBy: z.string().nullable().describe('null for the wall'), escalatedAt: z.string().nullable(),
}).openapi('Alert');

const SyndromicDay = z.object({ date: Day, count: z.number(), c1: z.number().nullable(), c2: z.number().nullable(), c3: z.number().nullable(),
  methods: z.array(z.enum(['C1', 'C2', 'C3'])) });

export const AlertDetailSchema = AlertOutSchema.extend({
  geometry: Polygon.nullable().describe('the area the alert concerns'),
  persons: z.array(z.object({ id: z.number(), category: z.string(), name: z.string().nullable().describe('masked; null for the wall'),
    sex: z.string().nullable(), age: z.number().nullable(), village: z.string().nullable(), onsetDate: Day.nullable(), reportDate: Day.nullable(),
    status: z.string() })).describe('the line list, masked by role'),
  series: z.object({ adminUnitId: z.number().nullable(), name: z.string(), kind: z.enum(['feverClinic', 'feverDrug']), days: z.array(SyndromicDay) })
    .nullable().describe('EARS alerts: the village series, 28 days before to 7 after the signal'),
}).openapi('AlertDetail');

export const AlertPage = z.object({ items: z.array(AlertOutSchema), next: z.string().nullable() });

const Criterion = z.object({ key: z.string(), met: z.boolean(), text: z.object({ 'zh-CN': z.string(), en: z.string() }) });
export const IncidentGradeOut = z.object({
  incidentId: z.number(), disease: z.string(),
  suggested: z.object({ applicable: z.boolean(), grade: z.enum(GRADES).nullable(), colour: Level.nullable(), criteria: z.array(Criterion) })
    .describe('computed from the 2006 plan\'s criteria (domain-rules.md §2.2); never stored as the grade'),
  confirmed: z.enum(GRADES).nullable(), warningColour: Level.nullable(), confirmedBy: z.string().nullable(), confirmedAt: z.string().nullable(),
  reason: z.string().nullable(),
}).openapi('IncidentGrade');

/** A grade decision is the commander's, on the record: a reason of a few words at least. */
export const GradeConfirm = z.strictObject({
  grade: z.enum(GRADES),
  warningColour: Level.optional().describe('default: the grade\'s colour (I red, II orange, III yellow, IV blue)'),
  reason: z.string().trim().min(4).max(500),
});
