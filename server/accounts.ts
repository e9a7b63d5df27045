// Accounts the server makes itself. No default passwords: the first start creates `admin` with
// a generated password printed once (or SHOUWANG_ADMIN_PASSWORD); demo mode adds one account
// per role, two of them field members of the two grid teams with the most people in their
// areas, with a few open tasks — and only in demo mode (README says so).
import type { Role } from '../domain/auth/policy.ts';
import { checkPassword } from '../domain/auth/passwords.ts';
import { hashPassword, newPassword } from './auth/passwords.ts';
import { appendAudit } from './db/audit.ts';
import type { Db } from './db/database.ts';
import { countUsers, findLogin, insertUser } from './db/users.ts';

function usable(password: string | undefined, username: string): string {
  if (password === undefined) return newPassword();
  const check = checkPassword(password, username);
  if (!check.ok) throw new Error(`the configured password for ${username} is too weak: ${check.reason}`);
  return password;
}

/** Creates `admin` when there are no users at all; returns the password to print, once. */
export async function ensureFirstAdmin(db: Db, now: Date, configured?: string): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const password = usable(configured, 'admin');
  const passwordHash = await hashPassword(password);
  // One transaction: a start that fails half-way leaves no admin whose password was never shown.
  await db.transaction(async (tx) => {
    const id = await insertUser(tx, { username: 'admin', displayName: '系统管理员', role: 'admin', teamId: null, passwordHash }, now.toISOString());
    await appendAudit(tx, { at: now.toISOString(), actor: 'system', action: 'create', entity: 'users', entityId: id, after: { username: 'admin', role: 'admin' } });
  });
  return configured === undefined ? password : null;
}

/** Two field teams with people in their areas: the grid teams ranked by persons inside. */
async function busiestFieldTeams(db: Db): Promise<number[]> {
  const teams = await db.kysely.selectFrom('teams').select('id').where('kind', '=', 'field').where('name', 'like', '%网格%').execute();
  const ranked: { id: number; people: number }[] = [];
  for (const { id } of teams) {
    const r = await db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n'))
      .where(db.inTeamAreas('persons', id, 'point')).executeTakeFirstOrThrow();
    ranked.push({ id, people: Number(r.n) });
  }
  return ranked.sort((a, b) => b.people - a.people || a.id - b.id).slice(0, 2).map((r) => r.id);
}

const TASKS: [string, string, number][] = [
  ['visit', '上门核查密接人员健康状况', 2], ['sampling', '组织楼栋核酸采样', 4], ['delivery', '为封控楼栋配送生活物资', 6],
  ['patrol', '小区门岗巡查', 26], ['visit', '回访居家健康监测人员', -3],
];

async function demoTasks(db: Db, teamId: number, now: Date): Promise<void> {
  const incident = await db.kysely.selectFrom('incidents').select('id').orderBy('id', 'desc').executeTakeFirst();
  const places = await db.kysely.selectFrom('places').select(['id', 'name', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where(db.inTeamAreas('places', teamId, 'bbox')).orderBy('id').limit(TASKS.length).execute();
  if (!incident || !places.length) return;
  const stamp = now.toISOString();
  await db.kysely.insertInto('tasks').values(TASKS.map(([type, title, dueHours], i) => {
    const p = places[i % places.length];
    const lng = (p.min_lng + p.max_lng) / 2, lat = (p.min_lat + p.max_lat) / 2;
    return { incident_id: incident.id, type, title: `${title}（${p.name}）`, team_id: teamId, place_id: p.id, status: 'open' as const,
      due_at: new Date(now.getTime() + dueHours * 3_600_000).toISOString(), note: null, created_at: stamp, updated_at: stamp,
      geometry: JSON.stringify({ type: 'Point', coordinates: [lng, lat] }), min_lng: lng, min_lat: lat, max_lng: lng, max_lat: lat };
  })).execute();
}

/** Demo mode, on the demo district only (its seed leaves `demo.scenario_now` in meta; a real
 * database never gets these accounts): one account per role, all in one transaction. Returns the
 * password to print when it was generated. */
export async function ensureDemoAccounts(db: Db, now: Date, configured?: string): Promise<string | null> {
  const demoData = await db.kysely.selectFrom('meta').select('key').where('key', '=', 'demo.scenario_now').executeTakeFirst();
  if (!demoData || (await findLogin(db, 'commander'))) return null;
  const password = usable(configured, 'demo');
  const hash = await hashPassword(password);
  await db.transaction((tx) => createDemoAccounts(tx, now, hash));
  return configured === undefined ? password : null;
}

async function createDemoAccounts(db: Db, now: Date, hash: string): Promise<void> {
  const [teamA, teamB] = await busiestFieldTeams(db);
  const accounts: [string, string, Role, number | null][] = [
    ['commander', '指挥长（演示）', 'commander', null], ['planner', '规划员（演示）', 'planner', null],
    ['officer', '流调专员（演示）', 'caseOfficer', null], ['wall', '指挥大屏（演示）', 'wall', null],
    ['field1', '网格员甲（演示）', 'fieldMember', teamA ?? null], ['field2', '网格员乙（演示）', 'fieldMember', teamB ?? null],
  ];
  for (const [username, displayName, role, teamId] of accounts) {
    await insertUser(db, { username, displayName, role, teamId, passwordHash: hash }, now.toISOString());
  }
  for (const team of [teamA, teamB]) if (team !== undefined) await demoTasks(db, team, now);
  await appendAudit(db, { at: now.toISOString(), actor: 'system', action: 'create', entity: 'users',
    after: { demoAccounts: accounts.map((a) => a[0]), demoTasksForTeams: [teamA, teamB] } });
}
