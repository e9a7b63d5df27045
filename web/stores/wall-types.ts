// GET /api/v1/wall/summary as the wall reads it: the one definition is domain/wall/types.ts (the
// server builds it from there); these are the names the wall's components use.
export { COLOURS } from '../../domain/wall/types.ts';
export type {
  AlertItem as WallAlert, Colour, HotArea, SiteOccupancy as WallSite, TeamOverdue as WallOverdueTeam,
  WallSummary, ZoneKindCount as WallZoneKind,
} from '../../domain/wall/types.ts';
