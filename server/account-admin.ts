// Account administration shared by the API (routes/users.ts) and the operator's CLI
// (scripts/user.ts), so both apply the same rules: a field member belongs to an existing team,
// usernames are unique, a change of role, team or status ends the account's sessions (the
// session row carries no role: ending it forces a fresh sign-in under the new rights), and every
// write commits with its audit entry and its live change event ('users'; 'teams' when a team's
// member count moves). Passwords are generated, returned once, stored only hashed.
import type { Role } from '../domain/auth/policy.ts';
import { isUsername } from '../domain/schemas/accounts.ts';
import { hashPassword, newPassword } from './auth/passwords.ts';
import { appendAudit } from './db/audit.ts';
import { isUniqueViolation, type Db } from './db/database.ts';
import { deleteUserSessions } from './db/sessions.ts';
import { teamExists } from './db/teams.ts';
import { findUserByUsername, getUser, insertUser, updateUser, type User, type UserChange } from './db/users.ts';
import { ApiError } from './errors.ts';
import { emitChanges, type Change } from './live/emit.ts';
import { teamChange } from './live/team-changes.ts';

/** Who makes the change: a signed-in admin (with user id, route and address) or the CLI. */
export interface Actor { name: string; userId: number | null; route: string | null; ip: string | null }

/** The contract's `User`: no team name, never a hash. */
export const userJson = (u: User) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, teamId: u.teamId,
  disabled: u.disabled, createdAt: u.createdAt, lastLoginAt: u.lastLoginAt });
export type UserJson = ReturnType<typeof userJson>;

async function checkTeam(db: Db, role: Role, teamId: number | null): Promise<void> {
  if (teamId !== null && !(await teamExists(db, teamId))) throw new ApiError('unknown_reference', `team ${teamId}`);
  if (role === 'fieldMember' && teamId === null) throw new ApiError('team_required');
}

/** 'users' for the account, and 'teams' for the teams whose member count it changes (active members). */
function accountChanges(id: number, before: User | undefined, after: User): Change[] {
  const counted = (u: User | undefined) => (u && !u.disabled ? u.teamId : null);
  const [was, is] = [counted(before), counted(after)];
  return was === is ? [{ resource: 'users', ids: [id] }] : [{ resource: 'users', ids: [id] }, teamChange(was, is)];
}

const entry = (actor: Actor, now: Date, action: string, entityId: number) =>
  ({ at: now.toISOString(), actor: actor.name, action, entity: 'users', entityId, route: actor.route, ip: actor.ip });

export interface NewAccount { username: string; displayName: string; role: Role; teamId?: number | null }

export async function createAccount(db: Db, now: Date, input: NewAccount, actor: Actor): Promise<{ user: UserJson; password: string }> {
  if (!isUsername(input.username)) throw new ApiError('validation_failed', 'username: 3–32 characters: a-z 0-9 _ . -');
  const teamId = input.teamId ?? null;
  await checkTeam(db, input.role, teamId);
  if (await findUserByUsername(db, input.username)) throw new ApiError('conflict', `username ${input.username} is taken`);
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.transaction(async (tx) => {
      const id = await insertUser(tx, { username: input.username, displayName: input.displayName, role: input.role, teamId, passwordHash }, now.toISOString());
      const user = (await getUser(tx, id))!;
      const created = userJson(user);
      await appendAudit(tx, { ...entry(actor, now, 'create', id), after: created });
      await emitChanges(tx, now.toISOString(), accountChanges(id, undefined, user));
      return created;
    });
    return { user, password };
  } catch (err) {
    // Two admins adding the same name at once: the unique index decides, the loser gets 409.
    if (isUniqueViolation(err)) throw new ApiError('conflict', `username ${input.username} is taken`);
    throw err;
  }
}

export async function changeAccount(db: Db, now: Date, id: number, change: Omit<UserChange, 'passwordHash'>, actor: Actor): Promise<UserJson> {
  return db.transaction(async (tx) => {
    const before = await getUser(tx, id);
    if (!before) throw new ApiError('not_found', `user ${id}`);
    const role = change.role ?? before.role;
    const teamId = change.teamId === undefined ? before.teamId : change.teamId;
    const disabled = change.disabled ?? before.disabled;
    // An admin locking themself out would leave nobody to undo it from the web.
    if (actor.userId === id && (disabled || role !== 'admin')) throw new ApiError('self_lockout');
    if (change.role !== undefined || change.teamId !== undefined) await checkTeam(tx, role, teamId);
    await updateUser(tx, id, change, now.toISOString());
    const endsSessions = role !== before.role || teamId !== before.teamId || (disabled && !before.disabled);
    const sessionsEnded = endsSessions ? await deleteUserSessions(tx, id) : 0;
    const changed = (await getUser(tx, id))!;
    const after = userJson(changed);
    await appendAudit(tx, { ...entry(actor, now, 'update', id), before: userJson(before), after: { ...after, sessionsEnded } });
    await emitChanges(tx, now.toISOString(), accountChanges(id, before, changed));
    return after;
  });
}

export async function resetAccountPassword(db: Db, now: Date, id: number, actor: Actor): Promise<{ password: string }> {
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await getUser(tx, id);
    if (!user) throw new ApiError('not_found', `user ${id}`);
    await updateUser(tx, id, { passwordHash }, now.toISOString());
    const sessionsEnded = await deleteUserSessions(tx, id);
    await appendAudit(tx, { ...entry(actor, now, 'password.reset', id), after: { username: user.username, sessionsEnded } });
    await emitChanges(tx, now.toISOString(), accountChanges(id, user, user));
  });
  return { password };
}
