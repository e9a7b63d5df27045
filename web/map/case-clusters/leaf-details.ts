// The popup fields of single points. The clustering data carries only id and category, so once
// the view is zoomed in to a few hundred points the layer's GeoJSON for that box (/layers/cases:
// masked, team-scoped and audited as ever) fills them in; what was fetched is kept by id until
// the data changes.
import type { ClusterFeature, LeafProps } from '../../../domain/display-clusters/cluster-index.ts';

/** Above this many points in the queried box no details are fetched (clusters have no popup). */
export const DETAIL_MAX_POINTS = 500;

type Props = Record<string, unknown>;

/** Points in an answer: clusters count their members. */
export const pointsIn = (features: readonly ClusterFeature[]): number =>
  features.reduce((n, f) => n + ('cluster' in f.properties ? f.properties.count : 1), 0);

export class LeafDetails {
  private readonly byId = new Map<number, Props>();

  clear(): void { this.byId.clear(); }

  /** Whether some single point of the answer still lacks its fields and the box is small enough to ask. */
  wanted(features: readonly ClusterFeature[]): boolean {
    return pointsIn(features) <= DETAIL_MAX_POINTS && features.some((f) => typeof f.id === 'number' && !this.byId.has(f.id));
  }

  /** Keeps the fields of every feature of a layer answer, by id. */
  remember(collection: { features: { id?: string | number; properties: Props | null }[] }): void {
    for (const f of collection.features) if (typeof f.id === 'number' && f.properties) this.byId.set(f.id, f.properties);
  }

  /** The answer with known fields merged into its single points (id and category stay the clusterer's). */
  merge(features: readonly ClusterFeature[]): ClusterFeature[] {
    return features.map((f) => {
      const known = typeof f.id === 'number' && !('cluster' in f.properties) ? this.byId.get(f.id) : undefined;
      return known ? { ...f, properties: { ...known, ...(f.properties as LeafProps) } } : f;
    });
  }
}

