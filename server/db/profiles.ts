// Rule profiles (versioned data, domain/zones/profile.ts) and the incident's choice of one.
// A profile version is never changed: POST /profiles adds the next version of a key, and the
// incident points at the version in force. Bundled versions are upserted at start-up so an
// existing database gets the ones added since it was seeded.
import { BUNDLED_PROFILES } from '../../domain/zones/bundled-profiles.ts';
import { profileParams, type ProfileParams, type ProfileVersion } from '../../domain/zones/profile.ts';
import type { Db } from './database.ts';

export interface ZoneKindSummary { label: { zh: string; en: string }; rank: number; colour: string }
export interface ProfileSummary {
  id: number; key: string; version: number; name: string; nameEn: string; disease: string;
  effectiveFrom: string; effectiveTo: string | null; source: string;
  zoneKinds: string[]; zones: Record<string, ZoneKindSummary>;
}
export interface StoredProfile { summary: ProfileSummary; params: ProfileParams }

type Row = { id: number; key: string; version: number; name: string; params: string; effective_from: string; effective_to: string | null; source: string };

const toProfile = (r: Row): StoredProfile => {
  const params = profileParams.parse(JSON.parse(r.params));
  const zones = Object.fromEntries(params.zone_kinds.map((k) => {
    const z = params.zones[k];
    return [k, { label: z.label, rank: z.rank, colour: z.colour }];
  }));
  return {
    params,
    summary: { id: r.id, key: r.key, version: r.version, name: r.name, nameEn: params.name_en, disease: params.disease,
      effectiveFrom: r.effective_from, effectiveTo: r.effective_to, source: r.source, zoneKinds: params.zone_kinds, zones },
  };
};

const base = (db: Db) => db.kysely.selectFrom('rule_profiles')
  .select(['id', 'key', 'version', 'name', 'params', 'effective_from', 'effective_to', 'source']);

export async function listProfiles(db: Db): Promise<StoredProfile[]> {
  return ((await base(db).orderBy('key').orderBy('version').execute()) as Row[]).map(toProfile);
}

export async function getProfile(db: Db, id: number): Promise<StoredProfile | undefined> {
  const r = (await base(db).where('id', '=', id).executeTakeFirst()) as Row | undefined;
  return r && toProfile(r);
}

/** Inserts the next version of `p.key` (1 for a new key); returns the new id. */
export async function insertProfile(tx: Db, p: Omit<ProfileVersion, 'version'>): Promise<number> {
  const last = await tx.kysely.selectFrom('rule_profiles').select((eb) => eb.fn.max('version').as('v')).where('key', '=', p.key).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const r = await tx.kysely.insertInto('rule_profiles').values({ key: p.key, version, name: p.name, params: JSON.stringify(p.params),
    effective_from: p.effective_from, effective_to: p.effective_to, source: p.source }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Start-up upsert of the bundled versions: each (key, version) shipped in domain/zones/profiles/
 * is inserted when missing, and rewritten only when its stored parameters fail the profile
 * schema — a database seeded before profiles had zone kinds (its cn-2021-community v1 held only
 * the close-contact rules). A valid stored version is never changed in place: versions are kept.
 * Returns how many rows were inserted or rewritten. */
export async function ensureBundledProfiles(db: Db): Promise<number> {
  const stored = new Map((await base(db).execute() as Row[]).map((r) => [`${r.key}@${r.version}`, r]));
  let changed = 0;
  await db.transaction(async (tx) => {
    for (const p of BUNDLED_PROFILES) {
      const row = { name: p.name, params: JSON.stringify(p.params), effective_from: p.effective_from, effective_to: p.effective_to, source: p.source };
      const have = stored.get(`${p.key}@${p.version}`);
      if (!have) await tx.kysely.insertInto('rule_profiles').values({ key: p.key, version: p.version, ...row }).execute();
      else if (!profileParams.safeParse(JSON.parse(have.params)).success) {
        await tx.kysely.updateTable('rule_profiles').set(row).where('id', '=', have.id).execute();
      } else continue;
      changed++;
    }
  });
  return changed;
}

export interface Incident { id: number; name: string; disease: string; status: string; startedAt: string; profileId: number | null }

export async function getIncident(db: Db, id: number): Promise<Incident | undefined> {
  const r = await db.kysely.selectFrom('incidents').select(['id', 'name', 'disease', 'status', 'started_at', 'rule_profile_id'])
    .where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, name: r.name, disease: r.disease, status: r.status, startedAt: r.started_at, profileId: r.rule_profile_id };
}

export async function setIncidentProfile(tx: Db, id: number, profileId: number): Promise<void> {
  await tx.kysely.updateTable('incidents').set({ rule_profile_id: profileId }).where('id', '=', id).execute();
}

/** The profile in force for an incident (its chosen version), or undefined when none is set. */
export async function incidentProfile(db: Db, incidentId: number): Promise<StoredProfile | undefined> {
  const inc = await getIncident(db, incidentId);
  return inc?.profileId == null ? undefined : getProfile(db, inc.profileId);
}
