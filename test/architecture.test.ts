// Architecture rules, checked over the source text (a pure test: no database, runs in the pure pass).
//
//   1. src/core/ never imports from src/modules/ (core is the platform; modules build on it, not the reverse).
//   2. A file in src/modules/<a>/ imports another module src/modules/<b>/ only through src/modules/<b>/index.ts.
//   3. SQL (sql`…` templates and Kysely query builders) lives only in *.repository.ts files, migrations, tests and
//      the core database plumbing allow-listed below.
//   4. Source files stay under 500 lines: 500–600 is reported as a warning, over 600 fails.
//
// Imports are found with a regex over `import … from '…'`, `export … from '…'`, side-effect `import '…'` and
// `import('…')`; relative specifiers are resolved, packages are ignored.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Core plumbing that may hold SQL although it is not a repository, a migration or a test. Keep this short and
 * say why; a path ending in `/` covers the whole folder. Anything else with SQL belongs in a *.repository.ts.
 */
const SQL_ALLOWED: { path: string; why: string }[] = [
  // Connection setup (health check `select 1`), the migrator's bookkeeping, the node:sqlite dialect adapter and
  // dialect-neutral value helpers: the plumbing every repository is built on.
  { path: 'src/core/db/', why: 'core database plumbing' },
  // scopeCondition(): the WHERE fragment for an actor's data scope that repositories add to their own queries
  // (scope is enforced inside the query, never after loading). Builds a predicate; runs no query itself.
  { path: 'src/core/auth/data-scope.ts', why: 'data-scope WHERE fragments for repositories' },
];
const sqlAllowed = (file: string): boolean =>
  SQL_ALLOWED.some((allowed) => (allowed.path.endsWith('/') ? file.startsWith(allowed.path) : file === allowed.path));

const LINES_WARN = 500;
const LINES_FAIL = 600;
/** Folders whose .ts/.tsx files are "source" for the length rule. */
const SOURCE_ROOTS = ['src', 'test', 'scripts', 'bench', 'web/console/src'];

function listFiles(dir: string, extensions: RegExp): string[] {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).replaceAll(path.sep, '/'))
    .filter((file) => !file.includes('node_modules/'))
    .sort();
}

const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;
const isTest = (file: string): boolean => /\.test\.tsx?$/.test(file) || file.startsWith('test/');

interface ImportRef {
  specifier: string;
  line: number;
}

const IMPORT_PATTERNS = [
  // import x from '…' / import { a, b } from '…' / import type … / export { … } from '…' / export * from '…'
  // (the part before `from` may span lines, but not statements: no ; = ( ) in it)
  /^[ \t]*(?:import|export)\b[^;=()'"`]*?\bfrom[ \t]*['"]([^'"\n]+)['"]/gm,
  // import '…' (side effects)
  /^[ \t]*import[ \t]*['"]([^'"\n]+)['"]/gm,
  // import('…') (dynamic imports and `import('…').Type`)
  /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];

/** The module specifiers a source text imports or re-exports, with line numbers. */
function parseImports(text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[1] ?? '';
      refs.push({ specifier, line: lineAt(text, (match.index ?? 0) + match[0].lastIndexOf(specifier)) });
    }
  }
  return refs.sort((a, b) => a.line - b.line);
}

/** Root-relative path a relative specifier points at (a folder means its index.ts); null for packages. */
function resolveImport(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  let target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  if (!/\.[cm]?[jt]sx?$|\.json$/.test(target)) {
    const absolute = path.join(root, target);
    if (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()) target = `${target}/index.ts`;
  }
  return target;
}

const moduleOf = (file: string): string | null => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;

interface Offence {
  file: string;
  line: number;
  detail: string;
}

/** Fails with one `file:line  detail` row per offence. */
function assertNone(offences: Offence[], title: string): void {
  if (offences.length === 0) return;
  assert.fail(`${title} (${offences.length}):\n${offences.map((o) => `  ${o.file}:${o.line}  ${o.detail}`).join('\n')}`);
}

function importOffences(files: string[], rule: (file: string, target: string) => string | null): Offence[] {
  const offences: Offence[] = [];
  for (const file of files) {
    for (const ref of parseImports(read(file))) {
      const target = resolveImport(file, ref.specifier);
      if (!target) continue;
      const problem = rule(file, target);
      if (problem) offences.push({ file, line: ref.line, detail: `'${ref.specifier}' → ${target}: ${problem}` });
    }
  }
  return offences;
}

const SQL_PATTERNS: { pattern: RegExp; what: string }[] = [
  { pattern: /\bsql(?:<[^`\n]*>)?`/, what: 'sql`…` template' },
  { pattern: /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/, what: 'query builder' },
];

/** Lines of a source text that look like SQL (comment lines are ignored). */
function findSql(text: string): { line: number; what: string; code: string }[] {
  const found: { line: number; what: string; code: string }[] = [];
  text.split('\n').forEach((code, index) => {
    const trimmed = code.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return;
    for (const { pattern, what } of SQL_PATTERNS) {
      if (pattern.test(code)) {
        found.push({ line: index + 1, what, code: trimmed.slice(0, 100) });
        break;
      }
    }
  });
  return found;
}

const srcFiles = listFiles('src', /\.tsx?$/);

describe('architecture', () => {
  it('finds the source files and parses imports (self-check of the scanner)', () => {
    assert.ok(srcFiles.length > 10, `expected source files under src/, found ${srcFiles.length}`);
    const sample = [
      "import fs from 'node:fs';",
      'import {',
      '  a,',
      '  type B,',
      "} from '../../core/x.ts';",
      "export * from './y.ts';",
      "export { z } from \"./z.ts\";",
      "import './side-effect.ts';",
      "const later = await import('../modules/m/index.ts');",
      'export const notAnImport = 1;',
    ].join('\n');
    assert.deepEqual(
      parseImports(sample).map((ref) => `${ref.line}:${ref.specifier}`),
      ['1:node:fs', '5:../../core/x.ts', '6:./y.ts', '7:./z.ts', '8:./side-effect.ts', '9:../modules/m/index.ts'],
    );
    assert.equal(resolveImport('src/modules/a/b/c.ts', '../../b/index.ts'), 'src/modules/b/index.ts');
    assert.equal(resolveImport('src/modules/a/c.ts', 'kysely'), null);
    assert.deepEqual(
      findSql('const a = 1;\n// db.selectFrom(x)\nawait sql`select 1`.execute(db);\nawait db.selectFrom(\'t\')').map(
        (hit) => hit.line,
      ),
      [3, 4],
    );
  });

  it('src/core/ never imports from src/modules/', () => {
    const offences = importOffences(
      srcFiles.filter((file) => file.startsWith('src/core/')),
      (_file, target) => (target.startsWith('src/modules/') ? 'core must not depend on a module' : null),
    );
    assertNone(offences, 'src/core/ imports from src/modules/');
  });

  it('modules import other modules only through their index.ts', () => {
    const offences = importOffences(
      srcFiles.filter((file) => file.startsWith('src/modules/')),
      (file, target) => {
        const from = moduleOf(file);
        const to = moduleOf(target);
        if (!to || to === from || target === `src/modules/${to}/index.ts`) return null;
        return `import src/modules/${to}/index.ts instead (module "${from}" reaching into module "${to}")`;
      },
    );
    assertNone(offences, 'cross-module imports that bypass index.ts');
  });

  it('SQL lives only in *.repository.ts, migrations, tests and the allow-listed core plumbing', () => {
    const offences: Offence[] = [];
    for (const file of srcFiles) {
      if (file.endsWith('.repository.ts') || file.includes('/migrations/') || isTest(file)) continue;
      if (sqlAllowed(file)) continue;
      for (const hit of findSql(read(file))) {
        offences.push({ file, line: hit.line, detail: `${hit.what}: ${hit.code}` });
      }
    }
    assertNone(offences, 'SQL outside repositories (move it into a *.repository.ts)');
  });

  it(`source files stay under ${LINES_WARN} lines (fails over ${LINES_FAIL})`, (t) => {
    const tooLong: Offence[] = [];
    for (const file of SOURCE_ROOTS.flatMap((dir) => listFiles(dir, /\.tsx?$/))) {
      const text = read(file);
      const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
      if (lines > LINES_FAIL) tooLong.push({ file, line: lines, detail: `${lines} lines (limit ${LINES_FAIL})` });
      else if (lines >= LINES_WARN) t.diagnostic(`warning: ${file} has ${lines} lines; split it before it reaches ${LINES_FAIL}`);
    }
    assertNone(tooLong, `files over ${LINES_FAIL} lines`);
  });
});
