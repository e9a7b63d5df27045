// Request body of POST /rooms/allocate (contract-issue5.md, "ROOMS"): the people to house, the
// carers who share a room with some of them (ed.9: children, the elderly; domain-rules.md §1.7),
// and whether to write the answer (commit) or only preview it.
import { z } from 'zod';

import { MAX_DB_ID } from './common.ts';

/** Body ids are JSON numbers (no coercion from strings), bounded like every record id. */
const Id = z.number().int().positive().max(MAX_DB_ID);
/** One request houses at most this many people: a transfer wave, not the district. */
export const MAX_ALLOCATION = 200;

export const RoomAllocate = z.strictObject({
  personIds: z.array(Id).min(1).max(MAX_ALLOCATION)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each person once' }),
  carers: z.array(z.strictObject({ personId: Id, carerId: Id })).max(MAX_ALLOCATION).optional()
    .meta({ description: 'a carer shares the person\'s room (capacity ≥ 2) and must be of the same group' }),
  commit: z.boolean().meta({ description: 'false: preview; true: assign all in one transaction, or nothing (409 no_room_available)' }),
}).superRefine((b, ctx) => {
  const asked = new Set(b.personIds), carers = new Set<number>(), cared = new Set<number>();
  for (const [i, c] of (b.carers ?? []).entries()) {
    const issue = !asked.has(c.personId) ? 'personId is not in personIds'
      : asked.has(c.carerId) ? 'a carer cannot be housed in a room of their own in the same request'
        : cared.has(c.personId) ? 'one carer per person' : carers.has(c.carerId) ? 'a carer cares for one person' : null;
    if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['carers', i] });
    cared.add(c.personId);
    carers.add(c.carerId);
  }
});
export type RoomAllocate = z.infer<typeof RoomAllocate>;
