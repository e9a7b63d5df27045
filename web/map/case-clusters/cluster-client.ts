// The page's handle on the clustering worker: `load` sends the columns, `query` a viewport; each
// answers a promise. A query answer arrives as null when a newer query or load was sent after it
// (the camera moved on, or the data changed), so a slow answer never overwrites a newer view.
import type { ClusterFeature, PointColumns } from '../../../domain/display-clusters/cluster-index.ts';
import type { Bbox, FromWorker, ToWorker } from './cluster-protocol.ts';

/** What the client needs of a Worker (tests pass a fake that runs the handler in-process). */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  terminate(): void;
}

/** Vite bundles the worker from this URL (`new URL(…, import.meta.url)` must stay literal here). */
export const spawnClusterWorker = (): WorkerLike =>
  new Worker(new URL('./cluster-worker.ts', import.meta.url), { type: 'module', name: 'case-clusters' }) as unknown as WorkerLike;

export class ClusterClient {
  private seq = 0;
  private lastLoad = 0;
  private lastQuery = 0;
  private readonly waiting = new Map<number, (m: FromWorker) => void>();

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (e) => {
      const done = this.waiting.get(e.data.seq);
      this.waiting.delete(e.data.seq);
      done?.(e.data);
    };
  }

  private send(msg: ToWorker): Promise<FromWorker> {
    return new Promise((resolve) => {
      this.waiting.set(msg.seq, resolve);
      this.worker.postMessage(msg);
    });
  }

  /** Builds the index in the worker; typed arrays are copied (a memcpy), so the caller keeps them.
   * Null when a newer load was sent meanwhile. */
  async load(cols: PointColumns): Promise<{ count: number; ms: number } | null> {
    const seq = (this.lastLoad = ++this.seq);
    const { ids, lng, lat, category, categories } = cols;
    const answer = await this.send({ type: 'load', seq, ids, lng, lat, category, categories: [...categories] });
    if (answer.type === 'error') throw new Error(answer.message);
    return answer.type === 'ready' && seq === this.lastLoad ? { count: answer.count, ms: answer.ms } : null;
  }

  /** Clusters and points in `bbox` at `zoom`; null when overtaken by a newer query or load. */
  async query(bbox: Bbox, zoom: number): Promise<ClusterFeature[] | null> {
    const seq = (this.lastQuery = ++this.seq);
    const answer = await this.send({ type: 'query', seq, bbox, zoom });
    if (answer.type === 'error') throw new Error(answer.message);
    return answer.type === 'result' && seq === this.lastQuery && seq > this.lastLoad ? answer.features : null;
  }

  dispose(): void {
    this.worker.onmessage = null;
    this.worker.terminate();
    this.waiting.clear();
  }
}
