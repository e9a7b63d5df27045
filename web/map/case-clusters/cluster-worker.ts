// The clustering worker: holds the supercluster index so that building it (≈ 0.3 s per 100,000
// points) and querying it never run on the page's main thread. Started by cluster-client.ts.
import { createClusterHandler, type FromWorker, type ToWorker } from './cluster-protocol.ts';

// The app's TypeScript program has the DOM library, not WebWorker: name the two members used.
const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker): void };
const handle = createClusterHandler();
scope.onmessage = (e) => scope.postMessage(handle(e.data));
