// `policyRoute` is `createRoute` with the route's policy attached twice: as middleware that
// enforces it, and as the `x-policy` extension in the OpenAPI document, which `assertAllGuarded`
// checks at start-up (deny by default: a route without a policy stops the server) and from
// which tests/server/access-matrix.test.ts generates its cases.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { authorize, type RoutePolicy } from './middleware.ts';

type RouteInput = Parameters<typeof createRoute>[0];

export function policyRoute<R extends RouteInput>(policy: RoutePolicy, route: R) {
  return createRoute({ ...route, middleware: authorize(policy), 'x-policy': policy } as R & { middleware: ReturnType<typeof authorize> });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function assertAllGuarded(api: OpenAPIHono<any, any, any>): void {
  const unguarded = api.openAPIRegistry.definitions
    .filter((d) => d.type === 'route' && !(d.route as Record<string, unknown>)['x-policy'])
    .map((d) => (d.type === 'route' ? `${d.route.method.toUpperCase()} ${d.route.path}` : ''));
  if (unguarded.length) throw new Error(`routes without an access policy: ${unguarded.join(', ')}`);
}
