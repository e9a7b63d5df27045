// The operator's account tool, for the server's own database (same config as the server):
//   npm run user -- add <username> --role <role> [--name 显示名] [--team <id>]
//   npm run user -- list | disable <username> | enable <username> | reset-password <username>
//   npm run user -- set-role <username> <role> [--team <id>]
// It applies the same rules as the admin API (server/account-admin.ts) and audits as actor `cli`.
// It is the way back in when no admin can sign in, so it may disable or demote any account.
import { parseArgs } from 'node:util';
import { isRole, ROLES, type Role } from '../domain/auth/policy.ts';
import { changeAccount, createAccount, resetAccountPassword, type Actor } from '../server/account-admin.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrations/index.ts';
import { findUserByUsername, listUsers, type User } from '../server/db/users.ts';
import { ApiError, problem } from '../server/errors.ts';

const USAGE = `usage: npm run user -- <command>
  add <username> --role <role> [--name <display name>] [--team <team id>]
  list
  disable <username>
  enable <username>
  reset-password <username>
  set-role <username> <role> [--team <team id>]
roles: ${ROLES.join(', ')}`;

/** A mistake in the command line: the message and the usage. */
class UsageError extends Error {}
/** A request that cannot be done (an unknown user): the message alone. */
class CliError extends Error {}

function role(value: string | undefined): Role {
  if (value === undefined) throw new UsageError(`a role is required; roles: ${ROLES.join(', ')}`);
  if (!isRole(value)) throw new UsageError(`unknown role ${JSON.stringify(value)}; roles: ${ROLES.join(', ')}`);
  return value;
}

function team(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--team needs a team id (a positive number), got ${JSON.stringify(value)}`);
  return Number(value);
}

async function user(db: Db, username: string | undefined): Promise<User> {
  if (!username) throw new UsageError('a username is required');
  const u = await findUserByUsername(db, username);
  if (!u) throw new CliError(`no user named ${JSON.stringify(username)} / 没有这个用户`);
  return u;
}

function printList(users: User[]): void {
  const rows = users.map((u) => [String(u.id), u.username, u.role, u.teamId === null ? '-' : `${u.teamId} ${u.teamName ?? ''}`.trim(),
    u.disabled ? 'disabled' : 'active', u.lastLoginAt ?? '-', u.displayName]);
  const head = ['id', 'username', 'role', 'team', 'status', 'last login', 'name'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [head, ...rows]) console.log(r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
}

async function run(db: Db, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, team: { type: 'string' } } });
  const [command, username, roleArg] = positionals;
  const actor: Actor = { name: 'cli', userId: null, route: `cli user ${command ?? ''}`.trim(), ip: null };
  const now = new Date();
  switch (command) {
    case 'add': {
      if (!username) throw new UsageError('add needs a username');
      const r = await createAccount(db, now, { username, displayName: values.name ?? username, role: role(values.role), teamId: team(values.team) }, actor);
      console.log(`已创建 / created ${r.user.username} (${r.user.role}, id ${r.user.id})`);
      console.log(`密码（只显示这一次）/ password (shown once): ${r.password}`);
      return;
    }
    case 'list': return printList(await listUsers(db));
    case 'disable': case 'enable': {
      const u = await changeAccount(db, now, (await user(db, username)).id, { disabled: command === 'disable' }, actor);
      console.log(`${u.username}: ${u.disabled ? '已停用 / disabled, sessions ended' : '已启用 / enabled'}`);
      return;
    }
    case 'reset-password': {
      const u = await user(db, username);
      const { password } = await resetAccountPassword(db, now, u.id, actor);
      console.log(`${u.username}: 新密码（只显示这一次）/ new password (shown once): ${password}`);
      return;
    }
    case 'set-role': {
      const u = await user(db, username);
      const changed = await changeAccount(db, now, u.id, { role: role(roleArg), teamId: team(values.team) }, actor);
      console.log(`${changed.username}: ${changed.role}${changed.teamId === null ? '' : `, team ${changed.teamId}`}`);
      return;
    }
    default: throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : 'no command given');
  }
}

const config = loadConfig();
const db = openDatabase({ file: config.dbFile, url: config.dbUrl });
let code = 0;
try {
  await migrateToLatest(db.kysely as never);
  await run(db, process.argv.slice(2));
} catch (err) {
  code = 1;
  if (err instanceof ApiError) {
    const p = problem(err.code, err.detail);
    console.error(`error: ${p.message['zh-CN']} / ${p.message.en}${p.detail && p.detail !== p.message.en ? ` (${p.detail})` : ''}`);
  } else if (err instanceof CliError) {
    console.error(`error: ${err.message}`);
  } else if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`error: ${(err as Error).message}\n\n${USAGE}`);
  } else {
    console.error(err);
  }
} finally {
  await db.close();
}
process.exit(code);
