// GET/POST /users, PATCH /users/{id}, POST /users/{id}/password: the administrator's account
// management. The rules live in account-admin.ts (shared with the CLI); this file is the HTTP
// edge: zod bodies, the `users` policy on every route, the actor for the audit entry.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ROLES } from '../../domain/auth/policy.ts';
import { UserCreate, UserUpdate } from '../../domain/schemas/accounts.ts';
import { changeAccount, createAccount, resetAccountPassword, userJson, type Actor } from '../account-admin.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import type { Db } from '../db/database.ts';
import { listUsers } from '../db/users.ts';
import { problems, validationHook } from './openapi.ts';

const User = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), teamId: z.number().nullable(),
  disabled: z.boolean(), createdAt: z.string(), lastLoginAt: z.string().nullable(),
}).openapi('User');
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const body = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } }, required: true });
const json = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } } });
const policy = (action: 'read' | 'create' | 'update') => ({ resource: 'users' as const, action });
// Generated passwords go out once, in this answer; nobody may keep a copy of it.
const noStore = { 'cache-control': 'no-store' };

const list = policyRoute(policy('read'), { method: 'get', path: '/users', tags: ['users'], summary: 'All accounts',
  responses: { 200: { description: 'The accounts', ...json(z.object({ items: z.array(User) })) }, ...problems(401, 403) } });
const create = policyRoute(policy('create'), { method: 'post', path: '/users', tags: ['users'], summary: 'Add an account with a generated password',
  request: { body: body(UserCreate) },
  responses: { 201: { description: 'The account and its password, shown this once', ...json(z.object({ user: User, password: z.string() })) },
    ...problems(400, 401, 403, 409, 415, 422) } });
const update = policyRoute(policy('update'), { method: 'patch', path: '/users/{id}', tags: ['users'],
  summary: 'Change name, role, team or status; role, team and disabling end the sessions',
  request: { params: IdParam, body: body(UserUpdate) },
  responses: { 200: { description: 'The account', ...json(User) }, ...problems(400, 401, 403, 404, 409, 415, 422) } });
const reset = policyRoute(policy('update'), { method: 'post', path: '/users/{id}/password', tags: ['users'],
  summary: 'A new generated password; ends the sessions',
  request: { params: IdParam, body: body(z.strictObject({})) },
  responses: { 200: { description: 'The new password, shown this once', ...json(z.object({ password: z.string() })) }, ...problems(400, 401, 403, 404, 415) } });

export function users(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const actor = (c: Context<AppEnv>, route: string): Actor => {
    const { viewer } = access(c);
    return { name: viewer.username, userId: viewer.userId, route, ip: clientIp(c, deps.trustProxy) };
  };
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json({ items: (await listUsers(db)).map(userJson) }, 200))
    .openapi(create, async (c) => {
      const created = await createAccount(db, deps.now(), c.req.valid('json'), actor(c, 'POST /users'));
      return c.json(created, 201, { ...noStore, location: `/api/v1/users/${created.user.id}` });
    })
    .openapi(update, async (c) => {
      const user = await changeAccount(db, deps.now(), c.req.valid('param').id, c.req.valid('json'), actor(c, 'PATCH /users/{id}'));
      return c.json(user, 200);
    })
    .openapi(reset, async (c) => {
      const r = await resetAccountPassword(db, deps.now(), c.req.valid('param').id, actor(c, 'POST /users/{id}/password'));
      return c.json(r, 200, noStore);
    });
}
