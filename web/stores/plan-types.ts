// The zone API's answers as the /plan page reads them (contract of issue 4, section D). Types
// only: the rules behind the numbers (clock, impact, proposals) live in domain/zones and run on
// the server; the page shows what it is sent. The shapes domain/ already declares are imported
// as types (nothing of domain/ enters the bundle through them).
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ZoneLifecycleStatus } from '../../domain/schemas/zones.ts';
import type { ClockResult } from '../../domain/zones/clock.ts';
import type { ImpactResult } from '../../domain/zones/impact.ts';
import type { Provenance } from '../../domain/zones/propose-types.ts';

export type { ClockStepResult } from '../../domain/zones/clock.ts';
export type { RoadCrossing } from '../../domain/zones/road-crossings.ts';
export type { ImpactResult, Provenance };
export type ZoneGeometry = Polygon | MultiPolygon;
export type ZoneStatus = ZoneLifecycleStatus;
export type ZoneChange = 'seed' | 'create' | 'edit' | 'publish' | 'downgrade' | 'upgrade' | 'lift';

export interface KindInfo { label: { zh: string; en: string }; rank: number; colour: string }

export interface ProfileSummary {
  id: number; key: string; version: number; name: string; nameEn: string; disease: string;
  effectiveFrom: string; effectiveTo: string | null; source: string;
  zoneKinds: string[]; zones: Record<string, KindInfo>;
}

export interface Incident { id: number; name: string; disease: string; status: string; startedAt: string; profile: ProfileSummary | null }

export type ZoneClock = ClockResult;

export interface ZoneProps {
  zoneId: number; version: number; name: string; kind: string; status: ZoneStatus; source: string;
  change: ZoneChange | string; reason: string | null; actor: string | null; validFrom: string; validTo: string | null;
  /** A Shanghai date when the clock computed it, else the stored ISO instant (seed rows). */
  lastInfectionAt: string | null; downgradeOn: string | null; liftOn: string | null;
  justification: Provenance[] | null;
  /** Null for lifted versions and in a zone's version history (which keeps the snapshot dates). */
  clock: ZoneClock | null;
  profileId?: number | null; proposalKey?: string | null;
}
export type ZoneFeature = Feature<ZoneGeometry, ZoneProps>;
export type ZoneCollection = FeatureCollection<ZoneGeometry, ZoneProps>;

export interface TestRound { id?: number; date: string; tested: number; positives: number; note?: string | null; actor?: string; createdAt?: string }
export interface ZoneDetail { id: number; name: string; current: ZoneFeature; versions: ZoneFeature[]; rounds: TestRound[] }

export interface ProposalProps {
  key: string; kind: string; unit: string; name: string; provenance: Provenance[];
  lastInfectionDate: string | null; contains: string[];
}
export type ProposalFeature = Feature<ZoneGeometry, ProposalProps>;
export interface ProposalAnswer extends FeatureCollection<ZoneGeometry, ProposalProps> { profile: ProfileSummary; today: string }
