// A committed import: the import itself (its status and report), the persons it created with
// their loops, and the index cases whose chains gained contacts — with the teams that see them.
import type { Db } from '../db/database.ts';
import type { Change } from './emit.ts';
import { personChanges, personResources } from './person-changes.ts';

/** A person the commit created; `indexId`: the case a contact was linked to. */
export interface CreatedPerson { personId: number; category: string; indexId?: number }

export async function importChanges(tx: Db, importId: number, created: readonly CreatedPerson[]): Promise<Change[]> {
  const out: Change[] = [{ resource: 'imports', ids: [importId] }];
  if (!created.length) return out;
  out.push(...await personChanges(tx, created.map((p) => p.personId), [...personResources(created.map((p) => p.category)), 'loops']));
  const index = [...new Set(created.flatMap((p) => (p.indexId === undefined ? [] : [p.indexId])))];
  out.push(...await personChanges(tx, index, ['cases']));
  return out;
}
