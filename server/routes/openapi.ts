// Shared OpenAPI pieces: the problem+json schema and the hook that turns zod failures into it.
import { z } from '@hono/zod-openapi';
import { ApiError } from '../errors.ts';

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  message: z.object({ 'zh-CN': z.string(), en: z.string() }),
}).openapi('Problem');

type HookResult = { success: true } | { success: false; error: z.ZodError; target: string };

/** Validation failures: query/param → invalid_query, body → validation_failed; issues in `detail`. */
export function validationHook(result: HookResult): void {
  if (result.success) return;
  const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new ApiError(result.target === 'json' ? 'validation_failed' : 'invalid_query', detail);
}

/** Problem responses for the given statuses, for a route's `responses`. */
export const problems = (...codes: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429)[]) =>
  Object.fromEntries(codes.map((s) => [s, { description: 'Problem', content: { 'application/problem+json': { schema: ProblemSchema } } }]));
