// The one serialization point for records leaving the server: snake_case columns become
// camelCase properties, and personal data are masked (or, for the wall, left out) here and
// nowhere else. Clear values leave only through `revealed`, which the audited reveal route calls.
import { scopeOf, type personalFieldsFor, type Role } from '../domain/auth/policy.ts';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../domain/people/mask.ts';

const PERSONAL: Record<string, (v: string) => string> = {
  name: maskName,
  requester_name: maskName,
  id_number: maskIdNumber,
  phone: maskPhone,
  home_address: maskAddress,
  case_id_number: maskIdNumber, // an import row's index case (server/import/row-json.ts)
};
const PERSONAL_TABLES = new Set(['persons', 'help_requests']);
const HIDDEN = new Set(['geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat']);
/** Links that lead to a personal field in clear elsewhere (the address point's `address` is the
 * home address): never sent for people, whatever the role. */
const PERSONAL_LINKS = new Set(['home_address_point_id', 'address_point_id']);

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

/** How a role gets personal fields (domain/auth/policy.ts personalFieldsFor): masked or left out. */
export type PersonalFields = ReturnType<typeof personalFieldsFor>;

export function toProperties(table: string, row: Record<string, unknown>, personal: PersonalFields = 'masked'): Record<string, unknown> {
  const masks = PERSONAL_TABLES.has(table);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (HIDDEN.has(k) || (masks && PERSONAL_LINKS.has(k))) continue;
    const mask = masks ? PERSONAL[k] : undefined;
    if (mask && personal === 'hidden') continue;
    out[camel(k)] = mask && typeof v === 'string' ? mask(v) : v;
  }
  return out;
}

/** A person's personal fields in clear: only for POST /persons/:id/reveal, which audits it. */
export function revealed(row: { id: number; name: string; id_number: string; phone: string; home_address: string | null }) {
  return { id: row.id, name: row.name, idNumber: row.id_number, phone: row.phone, homeAddress: row.home_address };
}

/** Statuses of an import row whose address a person has yet to fix (review queue, errors). */
const TO_FIX = new Set(['review', 'error']);
// 11 digits or more (an 18-character ID number, a mobile) never belong to an address.
const LONG_NUMBER = /\d{11,}[Xx]?/g;

/** An import row's home address in clear for the review queue: the case officer fixes the address
 * that failed to geocode, so must read it (the masked form hides exactly the part to fix). Only
 * for roles that may reveal personal data district-wide (domain/auth/policy.ts), only while the
 * row is in review or error; the caller audits every row it sends this way (GET
 * /imports/{id}/rows). An ID or mobile number typed into the address cell stays masked. Null:
 * the address stays masked. */
export function addressToFix(role: Role, status: string, address: string | undefined): string | null {
  if (address === undefined || !clearToFix(role, status)) return null;
  return address.replace(LONG_NUMBER, (n) => (n.length === 18 ? maskIdNumber(n) : maskPhone(n)));
}

/** Whether an import row in this status shows its address (and geocode labels) in clear to the role. */
export function clearToFix(role: Role, status: string): boolean {
  return TO_FIX.has(status) && scopeOf(role, 'personalData', 'reveal') === 'all';
}

/** A geocode label of an import row (the match or a candidate for the person's home address, at
 * doorplate or room level the address itself): the addressToFix rule, masked like home_address
 * otherwise. */
export function geocodeLabelFor(role: Role, status: string, label: string): string {
  return addressToFix(role, status, label) ?? maskAddress(label);
}

/** A GeoJSON Feature as text; the stored geometry text is spliced in, not re-parsed. */
export function featureText(table: string, row: { id: number; geometry: string } & Record<string, unknown>, personal: PersonalFields = 'masked'): string {
  return `{"type":"Feature","id":${row.id},"geometry":${row.geometry},"properties":${JSON.stringify(toProperties(table, row, personal))}}`;
}

/** A record as JSON (for the resource endpoints): properties plus the parsed geometry. */
export function recordJson(table: string, row: Record<string, unknown>, personal: PersonalFields = 'masked'): Record<string, unknown> {
  const out = toProperties(table, row, personal);
  if (typeof row.geometry === 'string') out.geometry = JSON.parse(row.geometry);
  return out;
}
