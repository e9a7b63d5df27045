// Tables of accounts and access (migration 002): users, sessions, login failures, field task
// updates and the rings that define each team's scope.
import type { Flag, Id, IsoTime } from './schema-common.ts';
import type { Role } from '../../domain/auth/policy.ts';

export interface UserTable {
  id: Id;
  username: string;
  display_name: string;
  role: Role;
  team_id: number | null;
  password_hash: string; // argon2id PHC string
  disabled: Flag;
  created_at: IsoTime;
  updated_at: IsoTime;
  password_changed_at: IsoTime;
  last_login_at: IsoTime | null;
}

export interface SessionTable {
  id: string; // SHA-256 (hex) of the cookie token
  user_id: number;
  csrf_token: string;
  created_at: IsoTime;
  last_seen_at: IsoTime;
  expires_at: IsoTime; // absolute end
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailureTable {
  id: Id;
  key: string; // `user:<name>` or `ip:<address>`
  at: IsoTime;
}

export interface TaskUpdateTable {
  id: Id;
  task_id: number;
  client_id: string; // the phone's id for the update: resending it is a no-op
  user_id: number;
  status: 'open' | 'inProgress' | 'done';
  note: string | null;
  at: IsoTime; // when it happened on the phone
  received_at: IsoTime;
}

export interface TeamAreaPartTable {
  id: Id;
  team_id: number;
  team_area_id: number;
  ring: string; // one polygon's closed rings as JSON [[[lng, lat], …], …hole rings], WGS-84
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
}

/** Migration 006: the change outbox the live stream tails (server/live/). */
export interface EventTable {
  seq: Id;
  at: IsoTime;
  resource: string; // a policy Resource
  ids: string | null; // JSON number[]; null when the change touched too many rows to list
  teams: string | null; // JSON number[]: teams whose `own` scope the change touches; null: none
}
