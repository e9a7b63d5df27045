import { booleanPointInPolygon } from '@turf/turf';
import type { Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isLegalTransition } from '../../domain/loop/machine.ts';
import { isValidIdNumber } from '../../domain/people/id-number.ts';
import { roomGroup, type RoomGroup } from '../../domain/quarantine/groups.ts';
import { ageOn } from '../../geodata/people/id-number.ts';
import { demo, NOW } from './demo.ts';

const t = demo();
const CASES = new Set(['confirmed', 'asymptomatic', 'suspected']);
const cases = t.persons.filter((p) => CASES.has(p.category));
const localDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('the June 2022 outbreak scenario', () => {
  it('reports ≥ 150 cases over ≥ 21 days, with onset ≤ sample ≤ report', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const days = cases.map((c) => c.report_date!).sort();
    expect((Date.parse(days[days.length - 1]) - Date.parse(days[0])) / 86_400_000 + 1).toBeGreaterThanOrEqual(21);
    for (const c of cases) {
      expect(c.sample_date! <= c.report_date!).toBe(true);
      if (c.onset_date) expect(c.onset_date <= c.sample_date!).toBe(true);
      if (c.category === 'asymptomatic') expect(c.onset_date).toBeNull();
      expect(localDay(c.valid_from)).toBe(c.report_date);
    }
  });

  it('puts most cases in 大社镇 and a few in each of the 8 管控 sites', () => {
    const dashe = t.admin_units.find((u) => u.name === '大社镇')!;
    const inDashe = cases.filter((c) => booleanPointInPolygon(c.geometry as Point, dashe.geometry as Polygon));
    expect(inDashe.length / cases.length).toBeGreaterThan(0.7);
    const controlled = t.control_zone_versions.filter((v) => v.kind === 'controlled' && v.valid_to === null);
    expect(controlled).toHaveLength(8);
    for (const v of controlled) {
      const ids = (JSON.parse(v.justification) as { personId: number }[]).map((j) => j.personId);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(ids.length).toBeLessThanOrEqual(5);
    }
  });

  it('traces about 10 contacts per case, linked from the case (or a close contact)', () => {
    const contacts = t.persons.filter((p) => !CASES.has(p.category));
    expect(contacts.length / cases.length).toBeGreaterThan(8);
    expect(contacts.length / cases.length).toBeLessThan(13);
    const ids = new Set(t.persons.map((p) => p.id)), linkedTo = new Set(t.contact_links.map((l) => l.to_person_id));
    expect(t.contact_links.every((l) => ids.has(l.from_person_id) && ids.has(l.to_person_id))).toBe(true);
    expect(contacts.every((c) => linkedTo.has(c.id))).toBe(true);
    expect(t.persons.filter((p) => p.category === 'secondaryContact').length).toBeGreaterThan(0);
  });

  it('gives every person a valid, unique ID number matching their age, sex and a mobile number', () => {
    expect(new Set(t.persons.map((p) => p.id_number)).size).toBe(t.persons.length);
    for (const p of t.persons) {
      expect(isValidIdNumber(p.id_number)).toBe(true);
      expect(p.id_number.slice(0, 6)).toBe('130406');
      expect(ageOn(p.id_number.slice(6, 14), localDay(p.valid_from))).toBe(p.age);
      expect(Number(p.id_number[16]) % 2).toBe(p.sex === 'male' ? 1 : 0);
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it('places every person at their home address point', () => {
    const ap = new Map(t.address_points.map((a) => [a.id, a]));
    for (const p of t.persons) {
      const home = ap.get(p.home_address_point_id!)!;
      expect((p.geometry as Point).coordinates).toEqual((home.geometry as Point).coordinates);
      expect(p.home_address).toBe(home.address);
      expect(p.valid_to).toBeNull();
      expect(p.valid_from <= NOW).toBe(true);
    }
  });

  it('records 2–5 exposures per case before its report', () => {
    const per = new Map<number, number>();
    for (const e of t.exposures) {
      per.set(e.person_id, (per.get(e.person_id) ?? 0) + 1);
      expect(e.start_at < e.end_at).toBe(true);
    }
    for (const c of cases) expect(per.get(c.id)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(5);
  });

  it('runs a closed loop per person, with steps in order, some open and a few overdue', () => {
    const byPerson = new Map<number, typeof t.loop_steps>();
    for (const s of t.loop_steps) (byPerson.get(s.person_id) ?? byPerson.set(s.person_id, []).get(s.person_id)!).push(s);
    expect(byPerson.size).toBe(t.persons.length);
    for (const steps of byPerson.values()) {
      expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i + 1));
      expect(steps[0].step).toBe('identified');
      const live = steps.filter((s) => !s.cancelled_at); // a cancelled step has left the plan
      const firstOpen = live.findIndex((s) => s.done_at === null);
      if (firstOpen >= 0) expect(live.slice(firstOpen).every((s) => s.done_at === null)).toBe(true);
      // every move between done steps is one the loop machine allows
      live.filter((s) => s.done_at).forEach((s, i, done) => expect(isLegalTransition(i ? done[i - 1].step : 'start', s.step)).toBe(true));
      for (const s of steps) if (s.done_at) expect(s.done_at <= NOW).toBe(true);
    }
    const overdue = t.loop_steps.filter((s) => s.done_at === null && !s.cancelled_at && s.due_at < NOW).length;
    expect(overdue).toBeGreaterThan(10);
    expect(overdue / t.loop_steps.length).toBeLessThan(0.05);
    expect(t.loop_steps.some((s) => s.done_at === null && s.due_at > NOW)).toBe(true);
  });

  it('houses quarantined contacts in rooms, one per room, categories in separate blocks', () => {
    const occupied = t.quarantine_rooms.filter((r) => r.occupant_person_id !== null);
    expect(occupied.length).toBeGreaterThan(50);
    const people = new Map(t.persons.map((p) => [p.id, p]));
    expect(new Set(occupied.map((r) => r.occupant_person_id)).size).toBe(occupied.length);
    for (const r of occupied) {
      const p = people.get(r.occupant_person_id!)!;
      expect(['closeContact', 'secondaryContact']).toContain(p.category);
      expect(p.status).toBe('active');
    }
  });

  it('keeps the room rules over the whole history and at now: one person per room, one group per block, active sites only', () => {
    // replay bookings (transferScheduled done: the room is held from then, on the transfer and
    // check-in steps) and releases in time order, a release first at the same instant
    const sites = new Map(t.quarantine_sites.map((s) => [s.id, s]));
    const rooms = new Map(t.quarantine_rooms.map((r) => [r.id, r]));
    const blocks = new Map<number, Set<string>>();
    for (const r of t.quarantine_rooms) (blocks.get(r.site_id) ?? blocks.set(r.site_id, new Set()).get(r.site_id)!).add(r.block);
    expect([...blocks.values()].some((b) => b.size > 1)).toBe(true);
    expect(t.quarantine_sites.some((s) => s.status !== 'active')).toBe(true); // the rule is exercised
    const people = new Map(t.persons.map((p) => [p.id, p]));
    const byPerson = new Map<number, typeof t.loop_steps>();
    for (const s of t.loop_steps) (byPerson.get(s.person_id) ?? byPerson.set(s.person_id, []).get(s.person_id)!).push(s);
    const events: { at: string; person: number; room: number; kind: 'in' | 'out' }[] = [];
    let sentHome = 0;
    for (const [id, steps] of byPerson) {
      const step = (name: string) => steps.find((s) => s.step === name);
      const roomIds = new Set(steps.flatMap((s) => (s.room_id === null ? [] : [s.room_id])));
      expect(roomIds.size).toBeLessThanOrEqual(1);
      const [room] = roomIds;
      if (CASES.has(people.get(id)!.category)) { expect(room).toBeUndefined(); continue; }
      const booked = step('transferScheduled')!;
      if (booked.cancelled_at) { // no legal room when booked: isolated at home, no central step done
        sentHome++;
        for (const name of ['transferScheduled', 'transferred', 'quarantined']) expect(step(name)).toMatchObject({ done_at: null, cancelled_at: booked.cancelled_at });
        expect(room).toBeUndefined();
        continue;
      }
      if (!booked.done_at) { expect(room).toBeUndefined(); continue; }
      expect(room).toBeDefined();
      if (step('quarantined')!.done_at) expect(step('quarantined')!.room_id).toBe(room); // check-in needs a room (room_required)
      events.push({ at: booked.done_at, person: id, room: room!, kind: 'in' });
      const out = step('released')!.done_at;
      if (out) events.push({ at: out, person: id, room: room!, kind: 'out' });
    }
    expect(sentHome).toBeGreaterThan(0);
    events.sort((a, b) => a.at.localeCompare(b.at) || Number(a.kind === 'in') - Number(b.kind === 'in'));
    const held = new Map<number, number>(); // room → person
    const groupsIn = (site: number, block: string, occupancy: Map<number, number>) => new Set([...occupancy]
      .filter(([r]) => rooms.get(r)!.site_id === site && rooms.get(r)!.block === block).map(([, p]) => roomGroup(people.get(p)!.category)));
    const checkBlocks = (occupancy: Map<number, number>) => {
      for (const [site, names] of blocks) {
        if (names.size < 2) continue;
        for (const block of names) expect(groupsIn(site, block, occupancy).size, `site ${site} block ${block}`).toBeLessThanOrEqual(1);
      }
    };
    let peak = 0;
    for (const e of events) {
      if (e.kind === 'out') { expect(held.get(e.room)).toBe(e.person); held.delete(e.room); continue; }
      expect(held.has(e.room), `room ${e.room} at ${e.at}`).toBe(false);
      const room = rooms.get(e.room)!;
      expect(sites.get(room.site_id)!.status).toBe('active');
      const group: RoomGroup = roomGroup(people.get(e.person)!.category);
      held.set(e.room, e.person);
      if (blocks.get(room.site_id)!.size > 1) expect([...groupsIn(room.site_id, room.block, held)]).toEqual([group]);
      peak = Math.max(peak, held.size);
    }
    checkBlocks(held);
    expect(peak).toBeGreaterThan(held.size);
    // at now the rooms table says the same as the replay, and keeps the rules by itself
    const now = new Map(t.quarantine_rooms.filter((r) => r.occupant_person_id !== null).map((r) => [r.id, r.occupant_person_id!]));
    expect(now).toEqual(held);
    checkBlocks(now);
    expect([...now.keys()].every((r) => sites.get(rooms.get(r)!.site_id)!.status === 'active')).toBe(true);
    expect(t.quarantine_rooms.every((r) => !r.carer_person_id)).toBe(true);
  });

  it('keeps zone history: the 4-29 seal, then 大社镇 sealed, 8 sites controlled and the rest on precaution from 06-07', () => {
    const current = t.control_zone_versions.filter((v) => v.valid_to === null);
    expect(current.every((v) => v.valid_from === '2022-06-06T16:00:00.000Z' && v.status === 'active')).toBe(true);
    expect(current.map((v) => v.kind).sort()).toEqual(['controlled', 'controlled', 'controlled', 'controlled', 'controlled',
      'controlled', 'controlled', 'controlled', 'precaution', 'sealed']);
    const first = t.control_zone_versions.find((v) => v.valid_from === '2022-04-28T16:00:00.000Z')!;
    expect(first).toMatchObject({ version: 1, kind: 'sealed', valid_to: '2022-05-01T16:00:00.000Z' });
    for (const z of t.control_zones) {
      expect(t.control_zone_versions.filter((v) => v.zone_id === z.id)).toHaveLength(z.current_version);
    }
    const caseIds = new Set(cases.map((c) => c.id));
    for (const v of current.filter((x) => x.kind !== 'precaution')) {
      const j = JSON.parse(v.justification) as { personId: number }[];
      expect(j.every((x) => caseIds.has(x.personId))).toBe(true);
      expect(v.lift_on! > localDay(v.last_infection_at!)).toBe(true);
    }
  });

  it('has the COVID rule profiles, a generic one, and an open incident under cn-2021-community', () => {
    expect(t.rule_profiles.map((p) => p.key)).toEqual(['cn-2021-community', 'cn-2022-ed9', 'cn-2022-20measures', 'generic-norovirus-school']);
    for (const p of t.rule_profiles.filter((r) => r.key.startsWith('cn-'))) expect(JSON.parse(p.params)).toHaveProperty('close_contact');
    expect(t.incidents).toHaveLength(1);
    expect(t.incidents[0]).toMatchObject({ disease: 'COVID-19', status: 'open', rule_profile_id: 1 });
    expect(t.incidents[0].started_at.startsWith('2022-05-2')).toBe(true);
  });

  it('counts a year of fever-clinic visits and fever-drug sales per village, rising in 大社镇 before the cases', () => {
    const units = t.admin_units.filter((u) => u.level === 'village');
    expect(t.syndromic_counts).toHaveLength(units.length * 365 * 2);
    const dashe = new Set(units.filter((u) => u.parent_id === t.admin_units.find((x) => x.name === '大社镇')!.id).map((u) => u.id));
    const sum = (from: string, to: string) => t.syndromic_counts.filter((s) => dashe.has(s.admin_unit_id) && s.kind === 'feverClinic' && s.date >= from && s.date < to)
      .reduce((s, x) => s + x.count, 0);
    expect(sum('2022-05-20', '2022-05-27')).toBeGreaterThan(1.4 * sum('2022-04-20', '2022-04-27'));
  });
});
