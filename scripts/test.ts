// `npm test`: type check, pure tests, database tests on SQLite and PostgreSQL, browser tests on both databases.
//
//   npm test                          everything
//   npm test -- portal ids            only test files whose path contains "portal" or "ids" (no type check)
//   npm test -- --only=pure,sqlite    only these passes: typecheck, pure, sqlite, postgres, e2e
//
// Test files: src/**/*.test.ts are pure, except *.db.test.ts; test/**/*.test.ts are database/HTTP tests
// (except the pure ones listed below); test/e2e/**/*.test.ts are browser tests. Database and browser tests run
// once per database (ZT_TEST_DB=sqlite, then ZT_TEST_DB=postgres with ZT_TEST_PG_URL pointing at a throwaway
// cluster this script starts). The last line printed is always `N passed, N failed`; the exit code is 1 if
// anything failed. With CI set, a missing PostgreSQL or Chromium is a failure instead of a skipped pass.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startThrowawayPostgres, type ThrowawayPostgres } from './pg-cluster.ts';

const root = path.resolve(import.meta.dirname, '..');
const ci = Boolean(process.env['CI']) && !['false', '0'].includes(process.env['CI'] ?? '');
const tty = process.stdout.isTTY === true;
const style = (code: string) => (text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = style('1');
const red = style('31');
const yellow = style('33');
const green = style('32');

/** Tests under test/ that need no database and run in the pure pass. */
const PURE_TESTS_UNDER_TEST = new Set(['test/architecture.test.ts']);
const PASS_NAMES = ['typecheck', 'pure', 'sqlite', 'postgres', 'e2e'] as const;
type PassName = (typeof PASS_NAMES)[number];
/** A pass that runs longer than this is killed and counted as failed (a leaked handle keeps a test file alive). */
const passTimeoutMs = Number(process.env['ZT_TEST_PASS_TIMEOUT_MINUTES'] || 20) * 60_000;

interface Result {
  name: string;
  files: number | null;
  passed: number;
  failed: number;
  seconds: number;
  note?: string;
}

const results: Result[] = [];
const warnings: string[] = [];

// ---------------------------------------------------------------------------------------------------------------
// Arguments

function usage(): string {
  return [
    'usage: npm test [-- [--only=typecheck,pure,sqlite,postgres,e2e] [filter…]]',
    '  filter   run only test files whose path contains one of the filters (skips the type check)',
    '  --only   run only the named passes (comma-separated, or repeat the option)',
  ].join('\n');
}

function parseArguments(argv: string[]): { only: Set<PassName> | null; filters: string[] } {
  let only: Set<PassName> | null = null;
  const filters: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    }
    if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? (argv[++i] ?? '') : arg.slice('--only='.length);
      only ??= new Set();
      for (const name of value.split(',').filter(Boolean)) {
        if (!(PASS_NAMES as readonly string[]).includes(name)) {
          console.error(`unknown pass "${name}"\n${usage()}`);
          process.exit(2);
        }
        only.add(name as PassName);
      }
    } else if (arg.startsWith('-')) {
      console.error(`unknown option "${arg}"\n${usage()}`);
      process.exit(2);
    } else {
      filters.push(arg.replaceAll('\\', '/'));
    }
  }
  return { only, filters };
}

// ---------------------------------------------------------------------------------------------------------------
// Test files

function glob(pattern: string): string[] {
  return fs
    .globSync(pattern, { cwd: root })
    .map((file) => file.replaceAll(path.sep, '/'))
    .filter((file) => !file.includes('node_modules/'));
}

function findTestFiles(filters: string[]): { pure: string[]; db: string[]; e2e: string[] } {
  const matches = (file: string) => filters.length === 0 || filters.some((filter) => file.includes(filter));
  const src = glob('src/**/*.test.ts').filter(matches).sort();
  const test = glob('test/**/*.test.ts').filter(matches).sort();
  const e2e = test.filter((file) => file.startsWith('test/e2e/'));
  const pureUnderTest = test.filter((file) => PURE_TESTS_UNDER_TEST.has(file));
  return {
    pure: [...src.filter((file) => !file.endsWith('.db.test.ts')), ...pureUnderTest].sort(),
    db: [
      ...src.filter((file) => file.endsWith('.db.test.ts')),
      ...test.filter((file) => !file.startsWith('test/e2e/') && !PURE_TESTS_UNDER_TEST.has(file)),
    ].sort(),
    e2e,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes

let current: ReturnType<typeof spawn> | null = null;

/** Signals a child's whole process group (test files, servers, browsers), if it is still running. */
function killGroup(child: ReturnType<typeof spawn> | null, signal: NodeJS.Signals): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

process.on('exit', () => killGroup(current, 'SIGKILL'));
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    killGroup(current, 'SIGTERM');
    process.exit(code);
  });
}

/** Runs a command with inherited output; resolves with its exit code (or a failure note). */
function runChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; note?: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(red(`\n✖ timed out after ${passTimeoutMs / 60_000} minutes; stopping it`));
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, passTimeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      current = null;
      resolve({ code: 1, note: `could not start ${command}: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = null;
      if (timedOut) resolve({ code: 1, note: `timed out after ${passTimeoutMs / 60_000} min` });
      else if (signal) resolve({ code: 1, note: `killed by ${signal}` });
      else resolve({ code: code ?? 1 });
    });
  });
}

function heading(text: string): void {
  console.log(`\n${bold(`━━ ${text} ━━`)}`);
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
  delete env['ZT_TEST_DB'];
  delete env['ZT_TEST_PG_URL'];
  delete env['NODE_TEST_CONTEXT']; // in case this runner itself was started from a test
  return { ...env, ...extra };
}

/** One `node --test` run over the given files; counts come from a TAP copy of the results. */
async function runTestPass(name: string, title: string, files: string[], extraEnv: Record<string, string>): Promise<void> {
  if (files.length === 0) return;
  heading(`${title} (${files.length} file${files.length === 1 ? '' : 's'})`);
  const tapFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zt-test-')), 'results.tap');
  const started = Date.now();
  const args = [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    '--test-concurrency=2',
    ...files,
  ];
  const { code, note } = await runChild(process.execPath, args, childEnv(extraEnv));
  let tap = '';
  try {
    tap = fs.readFileSync(tapFile, 'utf8');
  } catch {
    // the runner died before writing anything
  }
  fs.rmSync(path.dirname(tapFile), { recursive: true, force: true });
  const count = (key: string): number | null => {
    const all = [...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    const last = all.at(-1);
    return last ? Number(last[1]) : null;
  };
  const passed = count('pass');
  const failedCount = count('fail');
  const cancelled = count('cancelled') ?? 0;
  let failed = (failedCount ?? 0) + cancelled;
  let resultNote = note;
  let passedTotal = passed ?? 0;
  if (passed === null || failedCount === null) {
    // Killed or crashed before its summary: count the top-level results it did report, plus one failure.
    passedTotal = tap.match(/^ok \d+/gm)?.length ?? 0;
    failed = (tap.match(/^not ok \d+/gm)?.length ?? 0) + 1;
    resultNote ??= 'no test summary (the test runner crashed?)';
  } else if (code !== 0 && failed === 0) {
    failed = 1;
    resultNote ??= `test runner exited with code ${code}`;
  }
  if (cancelled > 0) resultNote ??= `${cancelled} cancelled`;
  results.push({ name, files: files.length, passed: passedTotal, failed, seconds: (Date.now() - started) / 1000, note: resultNote });
}

/** A command that counts as one test: passed if it exits 0. */
async function runCheck(name: string, command: string, args: string[]): Promise<boolean> {
  const started = Date.now();
  const { code, note } = await runChild(command, args);
  const ok = code === 0;
  results.push({
    name,
    files: null,
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    seconds: (Date.now() - started) / 1000,
    note: ok ? undefined : (note ?? `exit code ${code}`),
  });
  if (!ok) console.log(red(`✖ ${name} failed`));
  return ok;
}

/** A pass that could not run: a failure in CI, a warning elsewhere. */
function unavailable(name: string, reason: string, ciMessage: string, localHint: string): void {
  if (ci) {
    console.log(red(`✖ ${name}: ${reason}. ${ciMessage}`));
    results.push({ name, files: null, passed: 0, failed: 1, seconds: 0, note: `${reason} — ${ciMessage}` });
  } else {
    const warning = `${name} SKIPPED: ${reason}. ${localHint}`;
    console.log(yellow(`⚠ ${warning}`));
    warnings.push(warning);
    results.push({ name, files: null, passed: 0, failed: 0, seconds: 0, note: `skipped: ${reason}` });
  }
}

function findChromium(): string | null {
  const candidate = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return candidate;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const { only, filters } = parseArguments(process.argv.slice(2));
  const wants = (pass: PassName) => (only ? only.has(pass) : pass !== 'typecheck' || filters.length === 0);
  const files = findTestFiles(filters);
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  console.log(
    bold(`Zhengtong tests`) +
      ` — node ${process.version}${ci ? ', CI' : ''}` +
      (filters.length ? `, files matching ${filters.map((f) => JSON.stringify(f)).join(' or ')}` : '') +
      (only ? `, passes: ${[...only].join(', ')}` : ''),
  );

  // 1. Type check
  if (wants('typecheck')) {
    heading('1. Type check');
    for (const project of ['tsconfig.json', 'web/console/tsconfig.json']) {
      if (!fs.existsSync(path.join(root, project))) continue;
      console.log(`tsc --noEmit -p ${project}`);
      if (await runCheck(`typecheck ${project}`, process.execPath, [tsc, '--noEmit', '-p', project])) {
        console.log(green('✔ no type errors'));
      }
    }
  }

  // 2. Console build (the browser tests serve dist/console)
  const chromium = findChromium();
  const e2eWanted = wants('e2e') && files.e2e.length > 0;
  const buildScript = path.join(root, 'scripts', 'build-console.ts');
  if (e2eWanted && chromium && fs.existsSync(buildScript)) {
    heading('2. Console build (if stale)');
    await runCheck('console build', process.execPath, [buildScript, '--if-stale']);
  }

  // 3. Pure tests
  if (wants('pure')) await runTestPass('pure', '3. Pure tests', files.pure, {});

  // 4. Database tests on SQLite
  if (wants('sqlite')) await runTestPass('sqlite', '4. Database tests on SQLite', files.db, { ZT_TEST_DB: 'sqlite' });

  // 5. Database tests on PostgreSQL (the cluster is kept for the browser tests)
  let postgres: ThrowawayPostgres | null = null;
  let postgresMissing = false;
  const postgresNeeded = (wants('postgres') && files.db.length > 0) || e2eWanted;
  if (postgresNeeded) {
    heading('5. PostgreSQL: starting a throwaway cluster');
    const started = Date.now();
    try {
      postgres = await startThrowawayPostgres();
      if (postgres) console.log(`${postgres.url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      else postgresMissing = true;
    } catch (error) {
      console.log(red(`✖ could not start PostgreSQL: ${(error as Error).message}`));
      results.push({ name: 'postgres cluster', files: null, passed: 0, failed: 1, seconds: 0, note: 'could not start PostgreSQL' });
    }
    if (postgresMissing) {
      unavailable(
        'postgres',
        'PostgreSQL is not installed (no initdb/pg_ctl in /usr/lib/postgresql/*/bin or on PATH)',
        '.ci/run must install postgresql (apt-get install postgresql)',
        'Install it to run this pass too: `sudo apt-get install postgresql` (Debian/Ubuntu); the runner starts its own throwaway cluster, nothing to configure.',
      );
    }
  }
  const pgEnv = postgres ? { ZT_TEST_DB: 'postgres', ZT_TEST_PG_URL: postgres.url } : null;
  if (wants('postgres') && pgEnv) await runTestPass('postgres', '5. Database tests on PostgreSQL', files.db, pgEnv);

  // 6. Browser tests on both databases
  if (e2eWanted) {
    if (!chromium) {
      unavailable(
        'e2e',
        `Chromium not found at ${process.env['CHROMIUM_PATH'] || '/usr/bin/chromium'}`,
        '.ci/run must install chromium and fonts-noto-cjk',
        'Install it with `sudo apt-get install chromium fonts-noto-cjk` or set CHROMIUM_PATH.',
      );
    } else {
      await runTestPass('e2e sqlite', '6. Browser tests on SQLite', files.e2e, { ZT_TEST_DB: 'sqlite', CHROMIUM_PATH: chromium });
      if (pgEnv) await runTestPass('e2e postgres', '6. Browser tests on PostgreSQL', files.e2e, { ...pgEnv, CHROMIUM_PATH: chromium });
      // (a missing PostgreSQL was reported above, once)
    }
  }
  if (postgres) await postgres.stop();

  printSummary(filters.length > 0 || only !== null);
}

function printSummary(partial: boolean): void {
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  heading('Summary');
  if (results.length === 0) console.log('no test files matched');
  const nameWidth = Math.max(12, ...results.map((r) => r.name.length));
  console.log(`${'pass'.padEnd(nameWidth)}  ${'files'.padStart(5)}  ${'passed'.padStart(6)}  ${'failed'.padStart(6)}  ${'time'.padStart(7)}`);
  for (const r of results) {
    const line =
      `${r.name.padEnd(nameWidth)}  ${(r.files === null ? '-' : String(r.files)).padStart(5)}  ` +
      `${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${`${r.seconds.toFixed(1)}s`.padStart(7)}` +
      (r.note ? `  ${r.note}` : '');
    console.log(r.failed > 0 ? red(line) : line);
  }
  for (const warning of warnings) console.log(yellow(`⚠ ${warning}`));
  if (partial) console.log('(partial run: filter or --only given)');
  process.exitCode = failed > 0 ? 1 : 0;
  console.log(`${passed} passed, ${failed} failed`);
}

main().catch((error: unknown) => {
  console.error(red(`test runner error: ${(error as Error)?.stack ?? String(error)}`));
  results.push({ name: 'test runner', files: null, passed: 0, failed: 1, seconds: 0, note: 'internal error' });
  printSummary(false);
});
