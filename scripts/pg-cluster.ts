// A throwaway PostgreSQL cluster for the test runner: a fresh data folder in the temp dir, trust auth for the
// `postgres` superuser, durability switched off (fsync, synchronous_commit, full_page_writes) because the data is
// thrown away, listening on 127.0.0.1 on a free port. Returns null when PostgreSQL is not installed.
//
// As root, initdb/pg_ctl refuse to run, so both run as the `postgres` user through `runuser` (the user is created
// with `useradd --system` if the machine lacks it). The cluster is stopped on process exit, SIGINT and SIGTERM.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ThrowawayPostgres {
  /** Superuser URL of the cluster's `postgres` database, e.g. postgres://postgres@127.0.0.1:54321/postgres */
  url: string;
  /** Stops the cluster (immediate mode) and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

interface PgBinaries {
  initdb: string;
  pgCtl: string;
}

/** initdb and pg_ctl: the highest version under /usr/lib/postgresql/<v>/bin (Debian's layout), else PATH. */
export function findPostgresBinaries(): PgBinaries | null {
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(root).filter((name) => /^\d+(\.\d+)?$/.test(name));
  } catch {
    // not a Debian-style installation
  }
  versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    const initdb = path.join(bin, 'initdb');
    const pgCtl = path.join(bin, 'pg_ctl');
    if (isExecutable(initdb) && isExecutable(pgCtl)) return { initdb, pgCtl };
  }
  const initdb = onPath('initdb');
  const pgCtl = onPath('pg_ctl');
  return initdb && pgCtl ? { initdb, pgCtl } : null;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(command: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, command))) return path.join(dir, command);
  }
  return null;
}

/** A port that was free a moment ago: bind port 0 on 127.0.0.1, read it, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Makes sure the `postgres` OS user exists (root only); returns its uid/gid. */
function ensurePostgresUser(): { uid: number; gid: number } {
  const lookup = (): { uid: number; gid: number } | null => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return null;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const existing = lookup();
  if (existing) return existing;
  const created = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
    encoding: 'utf8',
  });
  const user = lookup();
  if (!user) {
    throw new Error(
      'PostgreSQL refuses to run as root and there is no `postgres` user; `useradd --system postgres` failed: ' +
        (created.error?.message ?? created.stderr.trim()),
    );
  }
  return user;
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return spawnSync(file, argv, {
    cwd, // postgres may not be allowed into the caller's cwd
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C.UTF-8', PGTZ: 'UTC' },
    timeout: 180_000,
  });
}

function describeFailure(what: string, result: SpawnSyncReturns<string>, logFile?: string): Error {
  let log = '';
  if (logFile) {
    try {
      log = '\n--- server log ---\n' + fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      // no log written
    }
  }
  const reason = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
  return new Error(`${what} failed (${reason})\n${result.stdout ?? ''}${result.stderr ?? ''}${log}`.trimEnd());
}

// Clusters still running; stopped synchronously when the process ends however it ends.
const running = new Set<() => void>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const stop of [...running]) stop();
  });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      for (const stop of [...running]) stop();
      process.exit(code);
    });
  }
}

/** Starts a fresh cluster, or returns null when PostgreSQL is not installed. Throws if it is installed but fails. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | null> {
  const binaries = findPostgresBinaries();
  if (!binaries) return null;

  const owner = asRoot ? ensurePostgresUser() : null;
  // Short path: the Unix socket lives here too and socket paths are limited to ~100 bytes.
  const base = fs.existsSync('/tmp') ? '/tmp' : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, 'zt-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);

  let stopped = false;
  const stopSync = (): void => {
    if (stopped) return;
    stopped = true;
    running.delete(stopSync);
    if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
      run(binaries.pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'], dir);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  running.add(stopSync);
  installExitHooks();

  try {
    const initArgs = ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'];
    let init = run(binaries.initdb, [...initArgs, '--locale=C.UTF-8'], dir);
    if (init.status !== 0) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      init = run(binaries.initdb, [...initArgs, '--no-locale'], dir);
    }
    if (init.status !== 0) throw describeFailure('initdb', init);

    // A port can be taken between probing and binding; try a few.
    let lastFailure: Error | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const options = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories=${dir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=300',
        '-c shared_buffers=128MB',
      ].join(' ');
      const start = run(binaries.pgCtl, ['start', '-w', '-t', '120', '-D', dataDir, '-l', logFile, '-o', options], dir);
      if (start.status === 0) {
        return {
          url: `postgres://postgres@127.0.0.1:${port}/postgres`,
          stop: async () => stopSync(),
        };
      }
      lastFailure = describeFailure('pg_ctl start', start, logFile);
      if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
        run(binaries.pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], dir);
      }
    }
    throw lastFailure ?? new Error('pg_ctl start failed');
  } catch (error) {
    stopSync();
    throw error;
  }
}
