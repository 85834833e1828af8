// Builds the staff console (web/console → dist/console) with Vite's JS API.
// Usage: node scripts/build-console.ts [--if-stale]
//   --if-stale  only build when dist/console/index.html is missing or older than a file under web/console/.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';

const repoDir = path.resolve(import.meta.dirname, '..');
const consoleDir = path.join(repoDir, 'web', 'console');
const outIndex = path.join(repoDir, 'dist', 'console', 'index.html');
const SKIP_DIRS = new Set(['node_modules', 'dist', '.vite']);

interface Newest {
  file: string;
  mtimeMs: number;
}

/** The most recently modified file under `dir` (recursively). */
async function newestFile(dir: string): Promise<Newest | null> {
  let newest: Newest | null = null;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    let candidate: Newest | null = null;
    if (entry.isDirectory()) {
      if (SKIP_DIRS.has(entry.name)) continue;
      candidate = await newestFile(full);
    } else if (entry.isFile()) {
      candidate = { file: full, mtimeMs: (await stat(full)).mtimeMs };
    }
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

/** Why a build is needed, or null when dist/console is up to date. */
async function staleReason(): Promise<string | null> {
  const built = await stat(outIndex).catch(() => null);
  if (!built) return 'dist/console/index.html is missing';
  const newest = await newestFile(consoleDir);
  if (newest && newest.mtimeMs > built.mtimeMs) return `${path.relative(repoDir, newest.file)} changed`;
  return null;
}

async function main(): Promise<void> {
  const ifStale = process.argv.slice(2).includes('--if-stale');
  const reason = ifStale ? await staleReason() : 'requested';
  if (reason === null) {
    console.log('console: dist/console is up to date, build skipped');
    return;
  }
  const started = performance.now();
  await build({
    configFile: path.join(consoleDir, 'vite.config.ts'),
    logLevel: 'warn',
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`console: built web/console → dist/console in ${seconds}s (${reason})`);
}

main().catch((error: unknown) => {
  console.error('console: build failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
