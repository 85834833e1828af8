// The worker of wal-checkpointer.ts: a connection of its own that copies the WAL into the database file every
// few milliseconds. PASSIVE never waits for (or holds back) the committing connection.
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new DatabaseSync(file, { timeout: 5000 });
// As on the committing connection: the checkpoint syncs the WAL before copying and the database file after.
db.exec('PRAGMA synchronous = NORMAL');
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
let timer: NodeJS.Timeout | undefined;

function checkpoint(): void {
  try {
    passive.get();
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
  timer = setTimeout(checkpoint, intervalMs);
}

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearTimeout(timer);
  db.close();
  process.exit(0);
});
checkpoint();
