// The operator's view: the CLI (migrate, verify-audit, backup/restore, create-admin) and a server killed
// mid-request that restarts cleanly with every acknowledged change kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, testDialect, type TestDatabase } from './test-database.ts';
import { ApiClient } from './harness.ts';
import { DEMO_PASSWORD } from '../src/modules/identity/index.ts';

const on = testDialect();
const root = path.resolve(import.meta.dirname, '..');

function environment(database: TestDatabase): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', PORT: '0', SIGN_IN_RATE_PER_MINUTE: '10000' };
  if (database.databaseUrl) env['DATABASE_URL'] = database.databaseUrl;
  else delete env['DATABASE_URL'];
  delete env['PUBLIC_URL'];
  return env;
}

function cli(database: TestDatabase, ...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'src/cli.ts'), ...args], { env: environment(database), encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

async function startServer(database: TestDatabase): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, [path.join(root, 'src/main.ts')], { env: environment(database), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/console\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, baseUrl };
}

test(`${on}: the CLI migrates, seeds, creates an admin and verifies the audit chain`, async () => {
  const database = await createTestDatabase();
  try {
    assert.equal(cli(database, 'migrate').code, 0);
    const seeded = cli(database, 'seed-demo');
    assert.equal(seeded.code, 0, seeded.out);
    assert.match(seeded.out, /示范县/);
    assert.match(cli(database, 'seed-demo').out, /already has units/);
    const admin = cli(database, 'create-admin', '--role', 'audit', '--username', 'audit2', '--name', '第二审计员', '--unit', '9144030071526726XG');
    assert.equal(admin.code, 1, 'an unknown unit is refused');
    const unitCode = cli(database, 'create-admin', '--role', 'audit', '--username', 'audit2', '--name', '第二审计员', '--unit', '119901210112100119');
    assert.equal(unitCode.code, 0, unitCode.out);
    assert.match(unitCode.out, /Initial password: \S{14}/);
    const verified = cli(database, 'verify-audit');
    assert.equal(verified.code, 0, verified.out);
    assert.match(verified.out, /intact: \d+ records/);
    assert.equal(cli(database, 'no-such-command').code, 2);
  } finally {
    await database.destroy();
  }
});

test(`${on}: a server killed in the middle of writes restarts with every acknowledged change and an intact audit chain`, async () => {
  const database = await createTestDatabase();
  let server = await startServer(database);
  try {
    const client = new ApiClient(server.baseUrl);
    assert.equal((await client.post('/api/auth/sign-in', { username: 'zhang.wei', password: DEMO_PASSWORD })).body.stage, 'done');
    await client.get('/api/auth/session');
    let acknowledged = 0;
    const writer = (async () => {
      for (let index = 1; index <= 400; index += 1) {
        try {
          const response = await client.patch('/api/me', { displayName: `张伟${index}` });
          if (response.status === 200) acknowledged = index;
        } catch {
          return;
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 400));
    server.child.kill('SIGKILL');
    await writer;
    assert.ok(acknowledged > 0, 'some writes were acknowledged before the kill');

    server = await startServer(database);
    const again = new ApiClient(server.baseUrl);
    assert.equal((await again.post('/api/auth/sign-in', { username: 'zhang.wei', password: DEMO_PASSWORD })).status, 200);
    const me = await again.get('/api/me');
    const stored = Number(/张伟(\d+)/.exec(me.body.displayName)?.[1]);
    assert.ok(stored >= acknowledged, `stored ${stored}, acknowledged ${acknowledged}`);
    assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 200);
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    const verified = cli(database, 'verify-audit');
    assert.equal(verified.code, 0, verified.out);
  } finally {
    server.child.kill('SIGKILL');
    await database.destroy();
  }
});

// PostgreSQL deployments back up with PostgreSQL's own tools; the CLI's backup is for the embedded database.
if (on === 'sqlite') test(`${on}: backup of the live embedded database and restore`, async () => {
  const database = await createTestDatabase();
  const server = await startServer(database);
  try {
    fs.mkdirSync(path.join(database.dataDir, 'files', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(database.dataDir, 'files', 'ab', 'sample'), 'x');
    const out = path.join(database.dataDir, 'backup-1');
    const backup = cli(database, 'backup', '--out', out);
    assert.equal(backup.code, 0, backup.out);
    assert.ok(fs.existsSync(path.join(out, 'manifest.json')));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));

    assert.equal(cli(database, 'restore', '--from', out).code, 1, 'refuses to overwrite without --force');
    fs.rmSync(path.join(database.dataDir, 'files'), { recursive: true });
    const restored = cli(database, 'restore', '--from', out, '--force');
    assert.equal(restored.code, 0, restored.out);
    assert.ok(fs.existsSync(path.join(database.dataDir, 'files', 'ab', 'sample')));
    assert.equal(cli(database, 'verify-audit').code, 0);
    fs.writeFileSync(path.join(out, 'zhengtong.sqlite'), 'damaged');
    assert.match(cli(database, 'restore', '--from', out, '--force').out, /checksum/);
  } finally {
    server.child.kill('SIGKILL');
    await database.destroy();
  }
});

/** Values that satisfy a demo item's form, by field type. */
function fillForm(fields: Array<{ key: string; type: string; options?: string[] }>): Record<string, string> {
  const byType: Record<string, (field: { options?: string[] }) => string> = {
    resident_id: () => '11010519491231002X', credit_code: () => '9144030071526726XG', phone: () => '19912100001', email: () => 'a@example.cn',
    date: () => '2026-01-05', number: () => '1', select: (field) => field.options?.[0] ?? '', textarea: () => '说明', text: () => '示例',
  };
  return Object.fromEntries(fields.map((field) => [field.key, (byType[field.type] ?? byType['text']!)(field)]));
}

test(`${on}: an application acknowledged just before the server is killed is there after the restart`, async () => {
  const database = await createTestDatabase();
  let server = await startServer(database);
  try {
    const citizen = new ApiClient(server.baseUrl);
    assert.equal((await citizen.post('/api/auth/sign-in', { username: 'liu.yang', password: DEMO_PASSWORD, accountKind: 'citizen' })).body.stage, 'done');
    const catalogue = await citizen.get('/api/public/service-items?q=%E9%A3%9F%E5%93%81%E7%BB%8F%E8%90%A5%E8%AE%B8%E5%8F%AF');
    const guide = (await citizen.get(`/api/public/service-items/${catalogue.body.items[0].id}`)).body;
    const form = fillForm(guide.guide.form);
    const receipts: Array<{ caseNumber: string; queryCode: string }> = [];
    const writer = (async () => {
      for (let index = 0; index < 200; index += 1) {
        try {
          const materials = [];
          for (const material of guide.guide.materials.filter((candidate: { required: boolean }) => candidate.required)) {
            const upload = new FormData();
            upload.append('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')], { type: 'application/pdf' }), `${material.key}.pdf`);
            const stored = await citizen.post('/api/files', upload);
            materials.push({ materialKey: material.key, fileIds: [stored.body.id] });
          }
          const response = await citizen.post('/api/applications', { itemId: guide.id, form, materials }, { 'idempotency-key': `crash-test-${index}` });
          if (response.status === 200) receipts.push(response.body);
        } catch {
          return;
        }
      }
    })();
    while (receipts.length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGKILL');
    await writer;

    server = await startServer(database);
    const visitor = new ApiClient(server.baseUrl);
    for (const receipt of receipts) {
      const found = await visitor.post('/api/public/case-lookup', receipt);
      assert.equal(found.status, 200, `${receipt.caseNumber} was acknowledged and must survive`);
      assert.equal(found.body.statusName, '待受理');
    }
  } finally {
    server.child.kill('SIGKILL');
    await database.destroy();
  }
});
