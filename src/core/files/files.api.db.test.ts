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
import { sampleExe, sampleHtml, samplePdf, samplePng, sampleSvg } from './test-support.ts';

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
    // The client can hold every byte of a streamed download a moment before the server ends the response; close()
    // then skips that keep-alive socket as busy and would wait out the keep-alive timeout. Tests do not wait.
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await handle.close();
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
  const png = samplePng();
  const created = await upload('alice', png, '..\\..\\营业执照\u202Egnp.exe');
  assert.equal(created.status, 201);
  const metadata = (await created.json()) as { id: string; originalName: string; size: number; mimeType: string; sha256: string };
  assert.equal(metadata.mimeType, 'image/png');
  assert.equal(metadata.size, png.length);
  assert.equal(metadata.originalName, '营业执照gnp.exe.png');
  assert.match(metadata.sha256, /^[0-9a-f]{64}$/);

  const read = await get('alice', `/api/files/${metadata.id}`);
  assert.equal(read.status, 200);
  assert.deepEqual(await read.json(), metadata);

  const download = await get('alice', `/api/files/${metadata.id}/content`);
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'image/png');
  assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(download.headers.get('cache-control'), 'private, no-store');
  assert.equal(download.headers.get('content-length'), String(png.length));
  assert.equal(
    download.headers.get('content-disposition'),
    `attachment; filename="_gnp.exe.png"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7gnp.exe.png`,
  );
  assert.match(download.headers.get('content-security-policy') ?? '', /sandbox/);
  assert.ok(Buffer.from(await download.arrayBuffer()).equals(png));
});

test(`text downloads are declared UTF-8 (${testDialect()})`, async (t) => {
  const { upload, get } = await startServer(t);
  const created = await upload('alice', Buffer.from('姓名,电话\n张三,13800138000\n'), '名单.csv');
  assert.equal(created.status, 201);
  const { id } = (await created.json()) as { id: string };
  const download = await get('alice', `/api/files/${id}/content`);
  assert.equal(download.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(await download.text(), '姓名,电话\n张三,13800138000\n');
});

test(`another user's file answers exactly like a missing one (${testDialect()})`, async (t) => {
  const { upload, get } = await startServer(t);
  const { id } = (await (await upload('alice', samplePdf(), 'private.pdf')).json()) as { id: string };
  const missing = '01900000-0000-7000-8000-000000000000';
  for (const url of [`/api/files/${id}`, `/api/files/${id}/content`]) {
    const foreign = await errorOf(await get('bob', url));
    const absent = await errorOf(await get('bob', url.replace(id, missing)));
    assert.deepEqual(foreign, { status: 404, code: 'FILE_NOT_FOUND', message: 'File not found' });
    assert.deepEqual(absent, foreign);
    assert.equal((await errorOf(await get(undefined, url))).code, 'FILE_NOT_FOUND');
  }
});

test(`a malformed file id is a 400 (${testDialect()})`, async (t) => {
  const { get } = await startServer(t);
  for (const url of ['/api/files/not-a-uuid', '/api/files/..%2F..%2Fetc%2Fpasswd/content', `/api/files/${'a'.repeat(64)}/content`]) {
    const error = await errorOf(await get('alice', url));
    assert.deepEqual([error.status, error.code], [400, 'VALIDATION_FAILED'], url);
  }
});

test(`oversize uploads are refused with 413 and store nothing (${testDialect()})`, async (t) => {
  const { upload, get, storedFiles } = await startServer(t);
  const big = Buffer.concat([samplePdf(), Buffer.alloc(MAX * 3, 0x20)]);
  const error = await errorOf(await upload('alice', big, 'big.pdf'));
  assert.deepEqual(error, { status: 413, code: 'FILE_TOO_LARGE', message: 'The file is too large; the limit is 64 KB' });
  const exactlyOverLimit = Buffer.concat([samplePdf(), Buffer.alloc(MAX - samplePdf().length + 1, 0x20)]);
  assert.equal((await errorOf(await upload('alice', exactlyOverLimit, 'big.pdf'))).code, 'FILE_TOO_LARGE');
  assert.deepEqual(storedFiles(), []);
  // The server is still healthy for the next request.
  const atLimit = Buffer.concat([samplePdf(), Buffer.alloc(MAX - samplePdf().length, 0x20)]);
  assert.equal((await upload('alice', atLimit, 'ok.pdf')).status, 201);
  assert.equal((await get('alice', '/healthz')).status, 200);
});

test(`types outside the allow-list are refused with 415 (${testDialect()})`, async (t) => {
  const { upload, storedFiles } = await startServer(t);
  const cases: Array<[Buffer, string]> = [
    [Buffer.concat([sampleExe(), Buffer.alloc(50_000)]), 'setup.pdf'],
    [sampleHtml, 'invoice.pdf'],
    [sampleSvg, 'logo.svg'],
    [Buffer.from('text\u0000with NUL'), 'notes.txt'],
  ];
  for (const [bytes, name] of cases) {
    const error = await errorOf(await upload('alice', bytes, name));
    assert.deepEqual([error.status, error.code], [415, 'FILE_TYPE_NOT_ALLOWED'], name);
  }
  assert.deepEqual(storedFiles(), []);
});

test(`upload refusals: anonymous, no file, not multipart, bad fields, someone else's owner (${testDialect()})`, async (t) => {
  const { address, upload, headers, storedFiles } = await startServer(t);
  assert.deepEqual(await errorOf(await upload(undefined, samplePdf(), 'a.pdf')), { status: 401, code: 'UNAUTHENTICATED', message: 'Please sign in first' });

  const noFile = new FormData();
  noFile.append('ownerType', 'upload');
  const missing = await fetch(`${address}/api/files`, { method: 'POST', headers: headers('alice'), body: noFile });
  assert.deepEqual(await errorOf(missing), { status: 400, code: 'FILE_MISSING', message: 'Choose a file to upload' });

  const wrongField = new FormData();
  wrongField.append('attachment', new Blob([new Uint8Array(samplePdf())]), 'a.pdf');
  const misnamed = await fetch(`${address}/api/files`, { method: 'POST', headers: headers('alice'), body: wrongField });
  assert.equal((await errorOf(misnamed)).code, 'FILE_MISSING');

  const json = await fetch(`${address}/api/files`, { method: 'POST', headers: { ...headers('alice'), 'content-type': 'application/json' }, body: '{}' });
  const notMultipart = await errorOf(json);
  assert.deepEqual([notMultipart.status, notMultipart.code], [415, 'UNSUPPORTED_MEDIA_TYPE']);

  const badType = await errorOf(await upload('alice', samplePdf(), 'a.pdf', { ownerType: '../Case' }));
  assert.deepEqual([badType.status, badType.code], [400, 'VALIDATION_FAILED']);

  const foreignOwner = await errorOf(await upload('bob', Buffer.concat([samplePdf(), Buffer.alloc(40_000, 0x20)]), 'a.pdf', { ownerType: 'upload', ownerId: 'u-alice' }));
  assert.deepEqual([foreignOwner.status, foreignOwner.code], [404, 'FILE_OWNER_NOT_FOUND']);
  assert.deepEqual(storedFiles(), []);

  // Explicit defaults work, and an empty field counts as absent.
  assert.equal((await upload('alice', samplePdf(), 'a.pdf', { ownerType: 'upload', ownerId: '' })).status, 201);
});

test(`the routes appear in the generated OpenAPI document (${testDialect()})`, async (t) => {
  const { get } = await startServer(t);
  const response = await get(undefined, '/api/docs/json');
  assert.equal(response.status, 200);
  const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  assert.ok(document.paths['/api/files']?.['post']);
  assert.ok(document.paths['/api/files/{id}']?.['get']);
  assert.ok(document.paths['/api/files/{id}/content']?.['get']);
});

test(`a client that disconnects mid-upload leaves no temp file and no record (${testDialect()})`, async (t) => {
  const { address, headers, storedFiles, db } = await startServer(t);
  const boundary = 'zt-boundary-7f3a';
  const request = http.request(`${address}/api/files`, {
    method: 'POST',
    headers: { ...headers('alice'), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(MAX) },
  });
  request.on('error', () => undefined);
  request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  request.write(Buffer.concat([samplePdf(), Buffer.alloc(20_000, 0x20)]));
  // Let the server receive the head and start writing the temp file, then cut the connection.
  for (let waited = 0; waited < 2000 && storedFiles().length === 0; waited += 20) await delay(20);
  assert.equal(storedFiles().length, 1, 'the upload was being written to a temp file');
  request.destroy();
  for (let waited = 0; waited < 2000 && storedFiles().length > 0; waited += 20) await delay(20);
  assert.deepEqual(storedFiles(), []);
  assert.equal((await db.selectFrom('files').select('id').execute()).length, 0);
});
