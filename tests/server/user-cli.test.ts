// The operator's CLI (scripts/user.ts) and audit check (scripts/audit-verify.ts) run as separate
// processes against a temp SQLite file, the way an operator runs them beside the server.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrations/index.ts';
import { loadRows } from '../../server/db/seed.ts';
import { tinyDistrict } from '../fixtures/tiny-district.ts';

const root = resolve(import.meta.dirname, '../..');
let dir: string;
let file: string;

const argv = (script: string, args: string[]) => ['--import', 'tsx', join(root, 'scripts', script), ...args];
const env = () => ({ ...process.env, SHOUWANG_DB_FILE: file, SHOUWANG_DB_URL: undefined });

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, argv(script, args), { cwd: root, encoding: 'utf8', env: env() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function runAsync(script: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, argv(script, args), { cwd: root, env: env() });
    let out = '', err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; });
    p.on('close', (code) => done({ code, out, err }));
  });
}
const cli = (...args: string[]) => run('user.ts', ...args);

async function withDb<T>(fn: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase({ file });
  try { return await fn(db); } finally { await db.close(); }
}

// Each run starts a process (tsx + argon2): seconds each on a busy machine.
describe('npm run user / npm run audit:verify', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shouwang-cli-'));
    file = join(dir, 'cli.sqlite');
    await withDb(async (db) => { await migrateToLatest(db.kysely as never); await loadRows(db, tinyDistrict()); });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a field member with a generated password that verifies, printed once', async () => {
    const r = cli('add', 'field9', '--role', 'fieldMember', '--name', '网格员九', '--team', '2');
    expect(r.code).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(r.out)?.[1];
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const row = await withDb((db) => db.kysely.selectFrom('users').selectAll().where('username', '=', 'field9').executeTakeFirstOrThrow());
    expect(row).toMatchObject({ display_name: '网格员九', role: 'fieldMember', team_id: 2, disabled: 0 });
    expect(await verifyPassword(row.password_hash, password!)).toBe(true);
  });

  it('lists, disables, enables, resets and changes roles, ending sessions', async () => {
    expect(cli('add', 'planner2', '--role', 'planner').code).toBe(0);
    const list = cli('list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/field9\s+fieldMember\s+2 大社社区网格工作组\s+active/);
    await withDb(async (db) => {
      const user = await db.kysely.selectFrom('users').select('id').where('username', '=', 'field9').executeTakeFirstOrThrow();
      await db.kysely.insertInto('sessions').values({ id: 'x'.repeat(64), user_id: user.id, csrf_token: 'c', created_at: '2022-06-12T00:00:00Z',
        last_seen_at: '2022-06-12T00:00:00Z', expires_at: '2099-01-01T00:00:00Z', ip: null, user_agent: null }).execute();
    });
    expect(cli('disable', 'field9').code).toBe(0);
    expect(cli('list').out).toMatch(/field9\s+fieldMember\s+2 \S+\s+disabled/);
    expect(await withDb((db) => db.kysely.selectFrom('sessions').select('id').execute())).toEqual([]);
    expect(cli('enable', 'field9').code).toBe(0);
    const reset = cli('reset-password', 'field9');
    expect(reset.out).toMatch(/new password \(shown once\): [a-z2-9-]{23}/);
    expect(cli('set-role', 'field9', 'caseOfficer').out).toContain('field9: caseOfficer, team 2');
    expect(cli('set-role', 'planner2', 'fieldMember', '--team', '1').code).toBe(0);
    const rows = await withDb((db) => db.kysely.selectFrom('users').select(['username', 'role', 'team_id', 'disabled']).orderBy('id').execute());
    expect(rows).toEqual([{ username: 'field9', role: 'caseOfficer', team_id: 2, disabled: 0 }, { username: 'planner2', role: 'fieldMember', team_id: 1, disabled: 0 }]);
  });

  it('fails with a clear message and exit 1 on unknown users, roles, commands and broken rules', async () => {
    const cases: [string[], RegExp][] = [
      [['disable', 'nobody'], /no user named "nobody"/],
      [['add', 'x9x', '--role', 'boss'], /unknown role "boss"/],
      [['set-role', 'field9', 'king'], /unknown role "king"/],
      [['add', 'field9', '--role', 'planner'], /field9 is taken/],
      [['add', 'lonely', '--role', 'fieldMember'], /must belong to a team/],
      [['add', 'Bad Name', '--role', 'planner'], /username/],
      [['add', 'teamless', '--role', 'fieldMember', '--team', '99'], /does not exist \(team 99\)/],
      [['frobnicate'], /unknown command "frobnicate"[\s\S]*usage:/],
    ];
    // None of these writes, so they may run side by side.
    const results = await Promise.all(cases.map(([args]) => runAsync('user.ts', ...args)));
    results.forEach((r, i) => expect([r.code, r.err]).toEqual([1, expect.stringMatching(cases[i][1])]));
  });

  it('audits as actor cli, and audit:verify finds the chain intact, then the first broken entry', async () => {
    const rows = await withDb((db) => db.kysely.selectFrom('audit_entries').selectAll().orderBy('id').execute());
    expect(rows.map((r) => r.actor)).toEqual(Array(rows.length).fill('cli'));
    expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'update', 'update', 'password.reset', 'update', 'update']);
    expect(JSON.stringify(rows)).not.toMatch(/argon2|password_hash/);
    const ok = run('audit-verify.ts');
    expect([ok.code, ok.out]).toEqual([0, expect.stringContaining(`ok: ${rows.length} entries`)]);
    // Tamper underneath the append-only trigger, as someone with the file in hand could.
    await withDb(async (db) => {
      await sql`drop trigger audit_entries_no_update`.execute(db.kysely);
      await db.kysely.updateTable('audit_entries').set({ actor: 'someone' }).where('id', '=', rows[3].id).execute();
    });
    const broken = run('audit-verify.ts');
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`entry ${rows[3].id}`);
  });
});
