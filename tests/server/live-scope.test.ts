// What each stream carries (issue 6 item 1, reliability.md A2 and A4): a change reaches a viewer
// exactly when their read of that resource would show it — field members only their team's, `all`
// readers everything they may read, a role without read nothing — live and in a replay alike. A
// field member whose team's areas move stops hearing of the old area's changes at once (events
// carry the teams of their emit time); a logout, a team change or disabling the account ends the
// stream with `bye` within 5 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM1_POINT, TEAM2_POINT } from '../support/access-fixture.ts';
import type { Change } from '../../server/live/emit.ts';
import { teamsAtPoints } from '../../server/live/event-teams.ts';
import { visible } from '../../server/live/visible.ts';
import { TEST_USERS, type TestUser } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import type { LiveClient } from '../support/live-client.ts';
import { liveTestApp, type LiveTestApp } from '../support/live-app.ts';

const firstIds = (c: LiveClient) => c.changes().map((d) => d.ids?.[0]);
const hasId = (id: number) => (e: { event: string; data: string }) => e.event === 'change' && (JSON.parse(e.data).ids as number[] | null)?.[0] === id;
const pt = (p: number[]) => [p[0], p[1]] as const;

describe.each(DIALECTS)('live stream scope on $name', (dialect) => {
  let L: LiveTestApp;
  beforeAll(async () => { L = await liveTestApp(dialect); });
  afterAll(async () => { await L.close(); });

  const changes: Change[] = [
    { resource: 'cases', ids: [9001], teams: [1] },
    { resource: 'cases', ids: [9002], teams: [2] },
    { resource: 'zones', ids: [9003], teams: [1, 2] },
    { resource: 'profiles', ids: [9004] }, // every role reads profiles district-wide
    { resource: 'users', ids: [9005] }, // the admin's only
    { resource: 'checkpoints', ids: [9006] }, // in no team's area
    { resource: 'dashboard', ids: [9007] }, // not field members'
  ];
  const marker: Change = { resource: 'profiles', ids: [9999] };
  const users: TestUser[] = ['admin', 'commander', 'planner', 'officer', 'wall', 'fieldA', 'fieldB'];

  it('delivers each change only to the viewers whose read would show it, live and in a replay', async () => {
    const from = await L.newest();
    const streams = await Promise.all(users.map((u) => L.open(u)));
    await L.emit([...changes, marker]);
    const got: Record<string, (number | undefined)[]> = {};
    for (const [i, u] of users.entries()) {
      await streams[i].waitFor(hasId(9999));
      got[u] = firstIds(streams[i]).filter((id) => id !== 9999);
    }
    expect(got).toEqual({
      admin: [9001, 9002, 9003, 9004, 9005, 9006, 9007],
      commander: [9001, 9002, 9003, 9004, 9006, 9007],
      planner: [9001, 9002, 9003, 9004, 9006, 9007],
      officer: [9001, 9002, 9003, 9004, 9006, 9007],
      wall: [9001, 9002, 9003, 9004, 9006, 9007], // no users: the wall does not read accounts
      fieldA: [9001, 9003, 9004], // team 1's case, the zone meeting both teams' areas, the profile
      fieldB: [9002, 9003, 9004],
    });
    // The same set the rule gives, change by change.
    for (const u of users) {
      const [role, teamId] = TEST_USERS[u];
      expect(got[u]).toEqual(changes.filter((c) => visible({ role, teamId }, { resource: c.resource, teams: c.teams ?? [] })).map((c) => c.ids![0]));
    }
    // A replay filters the same way.
    const again = await L.open('fieldB', { lastEventId: from });
    expect(firstIds(again).filter((id) => id! >= 9000)).toEqual([9002, 9003, 9004, 9999]);
  });

  it('stops a field member\'s stream carrying an area as soon as it leaves their team (PUT /teams/{id}/areas)', async () => {
    const a = await L.open('fieldA');
    await L.emit({ resource: 'cases', ids: [7001], teams: await teamsAtPoints(L.t.db, [pt(TEAM1_POINT)]) });
    await a.waitFor(hasId(7001));
    const moved = await L.t.as('admin')('/api/v1/teams/1/areas', 'PUT', { areas: [{ adminUnitId: 4 }] });
    expect(moved.status).toBe(200);
    try {
      const t0 = performance.now();
      expect(await teamsAtPoints(L.t.db, [pt(TEAM1_POINT)])).toEqual([]);
      await L.emit([
        { resource: 'cases', ids: [7002], teams: await teamsAtPoints(L.t.db, [pt(TEAM1_POINT)]) }, // the old area: not theirs now
        { resource: 'cases', ids: [7003], teams: await teamsAtPoints(L.t.db, [pt(TEAM2_POINT)]) }, // the new one
        { resource: 'profiles', ids: [7999] },
      ]);
      await a.waitFor(hasId(7999));
      console.log(`live scope on ${dialect.name}: after the area change, the next events reached fieldA in ${Math.round(performance.now() - t0)} ms, out-of-scope ones never`);
      expect(firstIds(a).filter((id) => id! >= 7000)).toEqual([7001, 7003, 7999]);
      expect(a.closed).toBe(false); // an area change does not end the session
    } finally {
      expect((await L.t.as('admin')('/api/v1/teams/1/areas', 'PUT', { areas: [{ adminUnitId: 3 }] })).status).toBe(200);
    }
  });

  it.each([
    ['the user signs out (DELETE /session)', async (c: Awaited<ReturnType<LiveTestApp['open']>>) => c.session.send('/api/v1/session', 'DELETE')],
    ['an admin moves the user to another team (PATCH /users/{id})', async (_c: unknown, id: number) => L.t.as('admin')(`/api/v1/users/${id}`, 'PATCH', { teamId: 2 })],
    ['an admin disables the user', async (_c: unknown, id: number) => L.t.as('admin')(`/api/v1/users/${id}`, 'PATCH', { disabled: true })],
  ])('ends the stream with bye within 5 s when %s', async (what, act) => {
    const name = `live${Math.random().toString(36).slice(2, 8)}`;
    const id = await L.addUser(name, 'fieldMember', 1);
    const c = await L.open(name);
    const res = await act(c, id);
    expect(res.status).toBeLessThan(300);
    const t0 = performance.now();
    const bye = await c.waitFor((e) => e.event === 'bye', 5_000);
    await c.waitForClose(1_000);
    const ms = Math.round(performance.now() - t0);
    console.log(`live scope on ${dialect.name}: ${what}: bye and close after ${ms} ms`);
    expect(JSON.parse(bye.data)).toEqual({ reason: 'session_ended' });
    expect(c.endedCleanly).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });
});
