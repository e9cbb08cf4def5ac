import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Allocation, Instance, SolveProgress } from '../../domain/allocation';
import type { WorkerMessage } from './allocation-worker';

/**
 * Solves an allocation instance in a worker thread and resolves with the allocation.
 * The instance must be validated already.
 */
/**
 * Sources run through tsx. On Node 20, `execArgv: ['--import', 'tsx']` does not reach a
 * worker's entry module in time (ERR_UNKNOWN_FILE_EXTENSION for .ts), so a tiny evaluated
 * bootstrap registers tsx's loader first and then imports the TypeScript worker file.
 */
function bootstrap(): string {
  // The package's ESM entry (require.resolve would give the CommonJS one, whose register()
  // cannot locate its hooks from an evaluated script).
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  );
  const entry = new URL('./allocation-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxApi.href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

export function solveInWorker(
  instance: Instance,
  onProgress?: (progress: SolveProgress) => void,
): Promise<Allocation> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(), { eval: true, workerData: instance });
    let settled = false;
    const finish = (act: () => void) => {
      if (settled) return;
      settled = true;
      act();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') {
        onProgress?.({ phase: message.phase as SolveProgress['phase'], fraction: message.fraction });
      } else if (message.kind === 'result') finish(() => resolve(message.allocation));
      else finish(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`allocation worker exited with code ${code}`))),
    );
  });
}
