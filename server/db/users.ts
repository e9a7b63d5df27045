// Query functions for accounts, with one row mapper; the password hash never leaves this file
// except to the login check.
import type { Role } from '../../domain/auth/policy.ts';
import type { Db } from './database.ts';

export interface User {
  id: number; username: string; displayName: string; role: Role; teamId: number | null; teamName: string | null;
  disabled: boolean; createdAt: string; lastLoginAt: string | null;
}

const columns = ['users.id', 'users.username', 'users.display_name', 'users.role', 'users.team_id', 'users.disabled',
  'users.created_at', 'users.last_login_at', 'teams.name as team_name'] as const;

type Row = { id: number; username: string; display_name: string; role: Role; team_id: number | null; disabled: number;
  created_at: string; last_login_at: string | null; team_name: string | null };

const toUser = (r: Row): User => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role, teamId: r.team_id, teamName: r.team_name,
  disabled: r.disabled === 1, createdAt: r.created_at, lastLoginAt: r.last_login_at,
});

const base = (db: Db) => db.kysely.selectFrom('users').leftJoin('teams', 'teams.id', 'users.team_id').select(columns);

export async function listUsers(db: Db): Promise<User[]> {
  return ((await base(db).orderBy('users.id').execute()) as Row[]).map(toUser);
}

export async function getUser(db: Db, id: number): Promise<User | undefined> {
  const r = (await base(db).where('users.id', '=', id).executeTakeFirst()) as Row | undefined;
  return r && toUser(r);
}

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  const r = (await base(db).where('users.username', '=', username.toLowerCase()).executeTakeFirst()) as Row | undefined;
  return r && toUser(r);
}

export async function findLogin(db: Db, username: string) {
  return db.kysely.selectFrom('users').select(['id', 'username', 'password_hash', 'disabled'])
    .where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export interface NewUser { username: string; displayName: string; role: Role; teamId: number | null; passwordHash: string }

export async function insertUser(db: Db, u: NewUser, now: string): Promise<number> {
  const r = await db.kysely.insertInto('users').values({
    username: u.username.toLowerCase(), display_name: u.displayName, role: u.role, team_id: u.teamId, password_hash: u.passwordHash,
    disabled: 0, created_at: now, updated_at: now, password_changed_at: now, last_login_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export interface UserChange { displayName?: string; role?: Role; teamId?: number | null; disabled?: boolean; passwordHash?: string }

export async function updateUser(db: Db, id: number, ch: UserChange, now: string): Promise<void> {
  await db.kysely.updateTable('users').set({
    ...(ch.displayName !== undefined && { display_name: ch.displayName }),
    ...(ch.role !== undefined && { role: ch.role }),
    ...(ch.teamId !== undefined && { team_id: ch.teamId }),
    ...(ch.disabled !== undefined && { disabled: ch.disabled ? 1 : 0 }),
    ...(ch.passwordHash !== undefined && { password_hash: ch.passwordHash, password_changed_at: now }),
    updated_at: now,
  }).where('id', '=', id).execute();
}

export async function markLogin(db: Db, id: number, now: string): Promise<void> {
  await db.kysely.updateTable('users').set({ last_login_at: now }).where('id', '=', id).execute();
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.kysely.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
