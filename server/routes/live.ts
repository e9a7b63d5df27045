// GET /live: the server-sent event stream of changes (issue 6 item 1; wire format in
// server/live/frames.ts). Open to every signed-in user; what each stream carries follows the
// viewer's read scopes (server/live/visible.ts). A reconnect names the last id it saw in the
// Last-Event-ID header (EventSource does this by itself) or `?lastEventId=` (a client that had to
// build a new EventSource); the header wins. Not compressed (hono's compress skips
// text/event-stream) and not buffered by a proxy (X-Accel-Buffering: no, for nginx).
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { access, type AppEnv } from '../auth/context.ts';
import { policyRoute } from '../auth/route.ts';
import type { LastEventId, LiveHub } from '../live/hub.ts';
import { problems, validationHook } from './openapi.ts';

const Query = z.object({
  lastEventId: z.coerce.number().int().min(0).optional()
    .openapi({ description: 'Replay the events after this seq (when the Last-Event-ID header is absent)' }),
});

const route = policyRoute('signedIn', {
  method: 'get', path: '/live', tags: ['live'], summary: 'Live change events (server-sent events)',
  description: 'Frames: `retry`; a replay of the visible events after Last-Event-ID (or `reset` when that id is gone: refetch); '
    + '`hello` {head, at, heartbeatMs} with id head; then `change` {seq, resource, ids, at} with id seq; `ping` {head, at} every '
    + 'heartbeatMs; `bye` {reason} when the session ends, and the stream closes. A client that does not read is dropped '
    + 'beyond the server\'s buffer cap. Events name ids only, never personal data.',
  request: { query: Query },
  responses: {
    200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string().openapi({ description: 'SSE frames' }) } } },
    ...problems(400, 401),
  },
});

/** The header wins; a header that is not a seq cannot be replayed from, so it gets a reset. */
function lastEventIdOf(header: string | undefined, query: number | undefined): LastEventId {
  if (header === undefined || header.trim() === '') return query ?? null;
  return /^\d{1,15}$/.test(header.trim()) ? Number(header.trim()) : 'invalid';
}

type NodeEnv = { outgoing?: { destroy(): void } } | undefined;

export function live(deps: { hub: LiveHub }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const { viewer } = access(c);
    // On @hono/node-server the socket is at hand: a dropped client's connection is destroyed at once.
    const outgoing = (c.env as NodeEnv)?.outgoing;
    const body = await deps.hub.open({ sessionId: viewer.sessionId, role: viewer.role, teamId: viewer.teamId },
      lastEventIdOf(c.req.header('last-event-id'), c.req.valid('query').lastEventId), outgoing && (() => outgoing.destroy()));
    return c.body(body, 200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' }) as never;
  });
}
