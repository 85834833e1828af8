// Backup and restore of the embedded deployment: a consistent snapshot of the live SQLite database
// (VACUUM INTO works while the server runs) plus the content-addressed files folder.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';

export interface BackupManifest {
  createdAt: string;
  database: string;
  databaseBytes: number;
  databaseSha256: string;
  fileCount: number;
}

function sha256OfFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function copyTree(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let count = 0;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) count += copyTree(source, target);
    else if (entry.isFile()) {
      fs.copyFileSync(source, target);
      count += 1;
    }
  }
  return count;
}

/** Writes `outDir/zhengtong.sqlite`, `outDir/files/…` and `outDir/manifest.json`. The database is copied first: files are immutable and written before the rows that name them, so every file the snapshot names is there. */
export async function backupEmbedded(options: { sqlitePath: string; filesDir: string; outDir: string }): Promise<BackupManifest> {
  if (!fs.existsSync(options.sqlitePath)) throw new Error(`No database at ${options.sqlitePath}`);
  if (fs.existsSync(options.outDir) && fs.readdirSync(options.outDir).length > 0) throw new Error(`${options.outDir} is not empty`);
  fs.mkdirSync(options.outDir, { recursive: true });
  const target = path.join(options.outDir, 'zhengtong.sqlite');
  const source = new DatabaseSync(options.sqlitePath, { timeout: 10_000 });
  try {
    source.prepare('VACUUM INTO ?').run(target);
  } finally {
    source.close();
  }
  const fileCount = copyTree(options.filesDir, path.join(options.outDir, 'files'));
  const manifest: BackupManifest = {
    createdAt: new Date().toISOString(),
    database: 'zhengtong.sqlite',
    databaseBytes: fs.statSync(target).size,
    databaseSha256: sha256OfFile(target),
    fileCount,
  };
  fs.writeFileSync(path.join(options.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Restores a backup over the data folder after checking the snapshot's checksum and integrity. */
export async function restoreEmbedded(options: { fromDir: string; sqlitePath: string; filesDir: string; force: boolean }): Promise<void> {
  const manifestPath = path.join(options.fromDir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`${options.fromDir} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as BackupManifest;
  const snapshot = path.join(options.fromDir, manifest.database);
  if (sha256OfFile(snapshot) !== manifest.databaseSha256) throw new Error('The backup database does not match its checksum');
  const check = new DatabaseSync(snapshot, { readOnly: true });
  try {
    const row = check.prepare('PRAGMA integrity_check').get() as { integrity_check: string } | undefined;
    if (row?.integrity_check !== 'ok') throw new Error(`The backup database is damaged: ${row?.integrity_check}`);
  } finally {
    check.close();
  }
  if (fs.existsSync(options.sqlitePath) && !options.force) throw new Error(`${options.sqlitePath} exists; pass --force to replace it (stop the server first)`);
  fs.mkdirSync(path.dirname(options.sqlitePath), { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(options.sqlitePath + suffix, { force: true });
  fs.copyFileSync(snapshot, options.sqlitePath);
  copyTree(path.join(options.fromDir, 'files'), options.filesDir);
}
