// Copies SQLite's write-ahead log into the database file from a worker thread.
//
// Every committed page goes first to the WAL; a checkpoint copies the pages into the database file and syncs
// it. Run by the committing connection alone (SQLite's automatic checkpoint, every 10,000 pages), the copy and
// its fsyncs stall the event loop for tens of milliseconds at a time, a large part of a case transition's cost
// under a steady stream of writes (bench/cases.bench.ts). A worker thread with its own connection copies the
// pages as they come instead (SQLite lets a checkpoint run beside a writer). The committing connection keeps
// its automatic checkpoint: the WAL starts over only once every frame is copied, which a worker running
// beside a steady writer never quite reaches; the committing connection's checkpoint then finds all but the
// last frames copied, finishes them quickly, and the WAL starts over at the next write.
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** Pause between two checkpoints, in milliseconds. */
  intervalMs?: number;
  /** Told when a checkpoint fails (the next one tries again). */
  onError?: (message: string) => void;
}

export interface WalCheckpointer {
  /** Ends the worker after its current checkpoint. */
  stop(): Promise<void>;
}

export function startWalCheckpointer(file: string, options: WalCheckpointerOptions = {}): WalCheckpointer {
  const worker = new Worker(new URL('./wal-checkpointer.worker.ts', import.meta.url), { workerData: { file, intervalMs: options.intervalMs ?? 25 } });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error);
  });
  worker.on('error', (error) => options.onError?.(error.message));
  // The platform's shutdown stops it; a process that ends otherwise need not wait for it.
  worker.unref();
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        // Referenced again, so that the process waits for the worker's connection to close.
        worker.ref();
        worker.postMessage('stop');
      });
      return stopped;
    },
  };
}
