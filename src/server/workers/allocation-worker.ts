import { parentPort, workerData } from 'node:worker_threads';
import { type Instance, solve } from '../../domain/allocation';

/** Messages from the allocation worker to the thread that started it. */
export type WorkerMessage =
  | { kind: 'progress'; phase: string; fraction: number }
  | { kind: 'result'; allocation: ReturnType<typeof solve> }
  | { kind: 'error'; message: string };

// Runs one solve off the main thread so the server keeps answering requests meanwhile.
const port = parentPort;
if (port) {
  try {
    const allocation = solve(workerData as Instance, {
      onProgress: (p) => port.postMessage({ kind: 'progress', ...p } satisfies WorkerMessage),
    });
    port.postMessage({ kind: 'result', allocation } satisfies WorkerMessage);
  } catch (error) {
    port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
