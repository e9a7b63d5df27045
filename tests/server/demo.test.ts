// The whole demo district through the real loader and API: what a newcomer sees after npm start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIdNumber } from '../../domain/people/id-number.ts';
import { generateDemo } from '../../geodata/generate.ts';
import { ensureDemoAccounts } from '../../server/accounts.ts';
import { createApp } from '../../server/app.ts';
import type { Db } from '../../server/db/database.ts';
import { loadRows } from '../../server/db/seed.ts';
import { SESSION, TEST_PASSWORD } from '../support/app.ts';
import { recordApp } from '../support/pii-scan.ts';
import { DIALECTS } from '../support/dialects.ts';

describe('the demo district loaded into SQLite', () => {
  let db: Db;
  let counts: Record<string, number>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await DIALECTS[0].open();
    counts = await loadRows(db, generateDemo({ seed: 20220607, scale: 'demo' }));
    await ensureDemoAccounts(db, new Date('2022-06-18T02:00:00Z'), TEST_PASSWORD);
    app = recordApp(createApp({ db, bodyLimitBytes: 1 << 20, log: { error: () => {} }, session: SESSION }));
    cookie = await signIn('commander');
  }, 120_000);
  afterAll(async () => { await db.close(); });

  let cookie = '';
  const signIn = async (username: string) => {
    const res = await app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }) });
    return (res.headers.get('set-cookie') ?? '').split(';')[0];
  };
  const layer = async (q: string, as = cookie) => (await app.request(`/api/v1/layers/${q}`, { headers: { cookie: as } })).json();

  it('has the 11 townships with their real codes, about 216 villages and ≥ 920 quarantine rooms', async () => {
    const t = await layer('townships');
    expect(t.features.map((f: { properties: { code: string } }) => f.properties.code).sort()).toEqual([
      '130406001', '130406100', '130406101', '130406102', '130406103', '130406104', '130406105', '130406106', '130406107', '130406108', '130406200']);
    const v = await layer('villages?limit=10000');
    expect(v.features.length).toBeGreaterThanOrEqual(200);
    expect(v.features.length).toBeLessThanOrEqual(232);
    expect(counts.quarantine_rooms).toBeGreaterThanOrEqual(920);
    const ts = await layer('testing-sites?limit=10000');
    expect(ts.features.length).toBeGreaterThanOrEqual(153);
    expect(ts.features.length).toBeLessThanOrEqual(230);
  });

  it('has an outbreak of ≥ 150 cases over ≥ 21 days, with masked names on the wire', async () => {
    const cases = await layer('cases?limit=10000');
    expect(cases.features.length).toBeGreaterThanOrEqual(150);
    const days = new Set(cases.features.map((f: { properties: { reportDate: string } }) => f.properties.reportDate));
    expect(days.size).toBeGreaterThanOrEqual(15);
    const onsets = cases.features.map((f: { properties: { onsetDate: string | null } }) => f.properties.onsetDate).filter(Boolean).sort();
    expect((Date.parse(onsets.at(-1)) - Date.parse(onsets[0])) / 86_400_000).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(cases)).not.toMatch(/"name":"[^"*]{2,}"/);
  });

  it('gives every tracked person a valid ID number and every spatial row an indexed bbox', async () => {
    const ids = await db.kysely.selectFrom('persons').select('id_number').execute();
    expect(ids.length).toBeGreaterThan(1000);
    expect(ids.filter((r) => !isValidIdNumber(r.id_number))).toEqual([]);
    const inSeat = await layer('buildings?bbox=114.19,36.41,114.22,36.43&limit=10000');
    expect(inSeat.features.length).toBeGreaterThan(50);
  });
});
