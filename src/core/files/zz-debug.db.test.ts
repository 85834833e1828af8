// The file routes through a real server: multipart upload, metadata, download headers, and every refusal.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Actor } from '../auth/actor.ts';
import { coreMigrations } from '../db/migrations/index.ts';
import { createHttpServer } from '../http/server.ts';
import { createMigratedDatabase, testDialect } from '../../../test/test-database.ts';
import { createLocalBlobStore } from './blob-store.ts';
import { registerFileRoutes } from './files.api.ts';
import { closeTestDatabase, sampleExe, sampleHtml, samplePdf, samplePng, sampleSvg } from './test-support.ts';

const MAX = 64 * 1024;
const CSRF = 'csrf-test-token';

function staff(userId: string): Actor {
  return { kind: 'staff', userId, name: userId, unitId: 'unit-1', unitPath: null, adminRole: null, grants: [], sessionId: `s-${userId}`, ip: null, userAgent: null };
}
const actors: Record<string, Actor> = { alice: staff('u-alice'), bob: staff('u-bob') };

async function startServer(t: TestContext) {
  const handle = await createMigratedDatabase([coreMigrations]);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-files-api-'));
  const app = await createHttpServer({
    logLevel: 'silent',
    trustProxy: false,
    maxUploadBytes: MAX,
    publicUrl: 'http://127.0.0.1',
    // The test's stand-in for sessions: the x-test-user header names the signed-in user.
    resolveSession: async (request) => {
      const actor = actors[String(request.headers['x-test-user'])];
      return actor ? { actor, csrfToken: CSRF } : null;
    },
    renderNotFound: () => 'not found',
  });
  registerFileRoutes(app, { db: handle.db, store: createLocalBlobStore(root), maxUploadBytes: MAX });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  t.after(async () => {
    console.error('after: closing app');
    await app.close();
    console.error('after: app closed');
    await closeTestDatabase(handle);
    console.error('after: db closed');
    fs.rmSync(root, { recursive: true, force: true });
  });
  const headers = (user?: string): Record<string, string> => (user ? { 'x-test-user': user, 'x-csrf-token': CSRF, 'accept-language': 'en' } : { 'accept-language': 'en' });
  const upload = (user: string | undefined, bytes: Buffer, name: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), name);
    return fetch(`${address}/api/files`, { method: 'POST', headers: headers(user), body: form });
  };
  const get = (user: string | undefined, url: string) => fetch(`${address}${url}`, { headers: headers(user) });
  const storedFiles = () =>
    fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  return { address, upload, get, headers, storedFiles, db: handle.db };
}

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, code: body.error.code, message: body.error.message };
}

test(`upload, metadata and download with safe headers (${testDialect()})`, async (t) => {
  const { upload, get } = await startServer(t);
  console.error('step 1', Date.now() % 100000);
  const png = samplePng();
  console.error('step 2', Date.now() % 100000);
  const created = await upload('alice', png, '..\\..\\营业执照\u202Egnp.exe');
  console.error('step 3', Date.now() % 100000);
  assert.equal(created.status, 201);
  console.error('step 4', Date.now() % 100000);
  const metadata = (await created.json()) as { id: string; originalName: string; size: number; mimeType: string; sha256: string };
  console.error('step 5', Date.now() % 100000);
  assert.equal(metadata.mimeType, 'image/png');
  console.error('step 6', Date.now() % 100000);
  assert.equal(metadata.size, png.length);
  console.error('step 7', Date.now() % 100000);
  assert.equal(metadata.originalName, '营业执照gnp.exe.png');
  console.error('step 8', Date.now() % 100000);
  assert.match(metadata.sha256, /^[0-9a-f]{64}$/);
  console.error('step 9', Date.now() % 100000);

  const read = await get('alice', `/api/files/${metadata.id}`);
  console.error('step 11', Date.now() % 100000);
  assert.equal(read.status, 200);
  console.error('step 12', Date.now() % 100000);
  assert.deepEqual(await read.json(), metadata);
  console.error('step 13', Date.now() % 100000);

  const download = await get('alice', `/api/files/${metadata.id}/content`);
  console.error('step 15', Date.now() % 100000);
  assert.equal(download.status, 200);
  console.error('step 16', Date.now() % 100000);
  assert.equal(download.headers.get('content-type'), 'image/png');
  console.error('step 17', Date.now() % 100000);
  assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
  console.error('step 18', Date.now() % 100000);
  assert.equal(download.headers.get('cache-control'), 'private, no-store');
  console.error('step 19', Date.now() % 100000);
  assert.equal(download.headers.get('content-length'), String(png.length));
  console.error('step 20', Date.now() % 100000);
  assert.equal(
    download.headers.get('content-disposition'),
    `attachment; filename="_gnp.exe.png"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7gnp.exe.png`,
  );
  console.error('step 24', Date.now() % 100000);
  assert.match(download.headers.get('content-security-policy') ?? '', /sandbox/);
  console.error('step 25', Date.now() % 100000);
  assert.ok(Buffer.from(await download.arrayBuffer()).equals(png));
  console.error('step 26', Date.now() % 100000);
});

