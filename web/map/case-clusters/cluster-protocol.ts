// The messages between the page and the clustering worker, and the worker's side of them as a
// plain function (so it is tested without a Worker). The page sends columns once per data change
// (`load`) and a viewport per camera stop (`query`); every answer carries the request's `seq`, so
// the page can drop an answer that a newer request has overtaken.
import { buildCaseIndex, type CaseClusterIndex, type ClusterFeature, type PointColumns } from '../../../domain/display-clusters/cluster-index.ts';

export type Bbox = [number, number, number, number];

export type ToWorker =
  | ({ type: 'load'; seq: number } & PointColumns)
  | { type: 'query'; seq: number; bbox: Bbox; zoom: number };

export type FromWorker =
  | { type: 'ready'; seq: number; count: number; ms: number }
  | { type: 'result'; seq: number; features: ClusterFeature[] }
  | { type: 'error'; seq: number; message: string };

/** The worker's state and message handler: one index, replaced by every load. */
export function createClusterHandler(clock: () => number = () => performance.now()): (msg: ToWorker) => FromWorker {
  let index: CaseClusterIndex | null = null;
  return (msg) => {
    try {
      if (msg.type === 'load') {
        const t0 = clock();
        index = buildCaseIndex(msg);
        return { type: 'ready', seq: msg.seq, count: index.count, ms: clock() - t0 };
      }
      return { type: 'result', seq: msg.seq, features: index ? index.getClusters(msg.bbox, msg.zoom) : [] };
    } catch (err) {
      return { type: 'error', seq: msg.seq, message: String(err) };
    }
  };
}
