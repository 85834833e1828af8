// Uploads and downloads against a real database and a real blob directory.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { anonymousActor, type Actor } from '../auth/actor.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { coreMigrations } from '../db/migrations/index.ts';
import { inTransaction } from '../db/database.ts';
import { isAppError } from '../errors/app-error.ts';
import { createMigratedDatabase, testDialect } from '../../../test/test-database.ts';
import { createLocalBlobStore } from './blob-store.ts';
import { registerFileOwnerType } from './file-owners.ts';
import { attachUploads, getFile, openDownload, storeUpload, type UploadInput } from './files.service.ts';
import { sampleExe, samplePdf, samplePng } from './test-support.ts';

const dialect = testDialect();
const MAX = 64 * 1024;

function userActor(userId: string, unitId: string | null = 'unit-1'): Actor {
  return { kind: 'staff', userId, name: `user ${userId}`, unitId, unitPath: null, adminRole: null, grants: [], sessionId: 's', ip: '127.0.0.1', userAgent: 'test' };
}
const alice = userActor('u-alice');
const bob = userActor('u-bob');

// A module's owner type for the tests: alice may attach to case-1; anyone in unit-1 may read its files.
registerFileOwnerType('test.case', {
  canAttach: async (actor, ownerId) => ownerId === 'case-1' && actor.userId === alice.userId,
  canRead: async (actor, ownerId) => ownerId === 'case-1' && actor.unitId === 'unit-1',
});

async function setUp(t: TestContext) {
  const handle = await createMigratedDatabase([coreMigrations]);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-files-'));
  t.after(async () => {
    await handle.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const store = createLocalBlobStore(root);
  const upload = (actor: Actor, bytes: Buffer, input: Partial<UploadInput> = {}) =>
    storeUpload(handle.db, store, actor, {
      ownerType: 'upload',
      ownerId: actor.userId ?? '',
      originalName: 'file.bin',
      stream: Readable.from([bytes]),
      maxBytes: MAX,
      ...input,
    });
  const blobs = () =>
    fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
  const audit = () => handle.db.selectFrom('audit_log').select(['action', 'outcome', 'subject_type', 'subject_id', 'actor_id', 'detail']).orderBy('seq').execute();
  return { db: handle.db, store, root, upload, blobs, audit };
}

const readAll = async (stream: NodeJS.ReadableStream) => Buffer.concat(await Readable.from(stream).toArray());
const errorCode = (code: string) => (error: unknown) => isAppError(error, code);

test(`an upload is stored by its sha256 and read back (${dialect})`, async (t) => {
  const { db, store, upload, blobs } = await setUp(t);
  const png = samplePng();
  const stored = await upload(alice, png, { originalName: '../../证件照' });
  assert.equal(stored.mimeType, 'image/png');
  assert.equal(stored.size, png.length);
  assert.equal(stored.originalName, '证件照.png');
  assert.match(stored.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual(blobs(), [path.join(stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256)]);

  assert.deepEqual(await getFile(db, alice, stored.id), stored);
  const download = await openDownload(db, store, alice, stored.id);
  assert.deepEqual(download.file, stored);
  assert.equal(download.extension, 'png');
  assert.ok((await readAll(download.stream)).equals(png));

  const row = await db.selectFrom('files').selectAll().where('id', '=', stored.id).executeTakeFirstOrThrow();
  assert.deepEqual(
    { owner: [row.owner_type, row.owner_id], unit: row.unit_id, by: row.uploaded_by, ext: row.extension },
    { owner: ['upload', alice.userId], unit: 'unit-1', by: alice.userId, ext: 'png' },
  );
});

test(`identical content is stored once however often it is uploaded (${dialect})`, async (t) => {
  const { upload, blobs } = await setUp(t);
  const pdf = samplePdf();
  const first = await upload(alice, pdf, { originalName: 'a.pdf' });
  const second = await upload(bob, pdf, { originalName: 'b.pdf' });
  assert.notEqual(first.id, second.id);
  assert.equal(first.sha256, second.sha256);
  assert.equal(blobs().length, 1);
});

test(`a user cannot see another user's upload, which answers like a missing file (${dialect})`, async (t) => {
  const { db, store, upload, audit } = await setUp(t);
  const stored = await upload(alice, samplePdf(), { originalName: 'private.pdf' });
  const missing = '01900000-0000-7000-8000-000000000000';
  for (const id of [stored.id, missing, 'not-a-uuid']) {
    await assert.rejects(openDownload(db, store, bob, id), errorCode('FILE_NOT_FOUND'));
    await assert.rejects(getFile(db, bob, id), errorCode('FILE_NOT_FOUND'));
    await assert.rejects(openDownload(db, store, anonymousActor(), id), errorCode('FILE_NOT_FOUND'));
  }
  const denials = (await audit()).filter((entry) => entry.outcome === 'denied');
  assert.deepEqual(
    denials.map((entry) => [entry.action, entry.actor_id, entry.subject_id]),
    [
      ['files.download', bob.userId, stored.id],
      ['files.read', bob.userId, stored.id],
      ['files.download', null, stored.id],
    ],
  );
});

test(`an upload for another user's "upload" owner is refused (${dialect})`, async (t) => {
  const { upload, blobs } = await setUp(t);
  await assert.rejects(upload(bob, samplePdf(), { ownerType: 'upload', ownerId: alice.userId! }), errorCode('FILE_OWNER_NOT_FOUND'));
  assert.deepEqual(blobs(), []);
});

test(`a registered owner type's rules decide who attaches and who reads (${dialect})`, async (t) => {
  const { db, store, upload } = await setUp(t);
  const onCase = await upload(alice, samplePdf(), { ownerType: 'test.case', ownerId: 'case-1', originalName: '材料.pdf' });
  await assert.rejects(upload(alice, samplePdf(), { ownerType: 'test.case', ownerId: 'case-2' }), errorCode('FILE_OWNER_NOT_FOUND'));
  await assert.rejects(upload(bob, samplePdf(), { ownerType: 'test.case', ownerId: 'case-1' }), errorCode('FILE_OWNER_NOT_FOUND'));
  await assert.rejects(upload(alice, samplePdf(), { ownerType: 'unregistered', ownerId: 'x' }), errorCode('FILE_OWNER_NOT_FOUND'));
  // Bob is in unit-1, so the case's rules let him read; someone from another unit cannot.
  const download = await openDownload(db, store, bob, onCase.id);
  assert.equal(download.file.id, onCase.id);
  assert.equal((await readAll(download.stream)).length, download.file.size);
  await assert.rejects(openDownload(db, store, userActor('u-carol', 'unit-2'), onCase.id), errorCode('FILE_NOT_FOUND'));
  assert.throws(() => registerFileOwnerType('test.case', { canAttach: async () => true, canRead: async () => true }), /registered twice/);
  assert.throws(() => registerFileOwnerType('Bad Type', { canAttach: async () => true, canRead: async () => true }), /must match/);
});

test(`fresh uploads are attached to a record inside the module's transaction (${dialect})`, async (t) => {
  const { db, store, upload } = await setUp(t);
  const mine = await upload(alice, samplePdf('one'), { originalName: 'one.pdf' });
  const theirs = await upload(bob, samplePdf('two'), { originalName: 'two.pdf' });
  await assert.rejects(
    inTransaction(db, (tx) => attachUploads(tx, alice, [mine.id, theirs.id], { ownerType: 'test.case', ownerId: 'case-1' })),
    errorCode('FILE_NOT_FOUND'),
  );
  await assert.rejects(
    inTransaction(db, (tx) => attachUploads(tx, alice, [mine.id], { ownerType: 'test.case', ownerId: 'case-2' })),
    errorCode('FILE_OWNER_NOT_FOUND'),
  );
  const attached = await inTransaction(db, (tx) => attachUploads(tx, alice, [mine.id, mine.id], { ownerType: 'test.case', ownerId: 'case-1' }));
  assert.deepEqual(attached.map((file) => file.id), [mine.id]);
  const row = await db.selectFrom('files').select(['owner_type', 'owner_id']).where('id', '=', mine.id).executeTakeFirstOrThrow();
  assert.deepEqual({ ...row }, { owner_type: 'test.case', owner_id: 'case-1' });
  // Now the case's rules apply: a colleague in the unit reads it; attaching it again is refused.
  assert.equal((await getFile(db, bob, mine.id)).id, mine.id);
  await assert.rejects(
    inTransaction(db, (tx) => attachUploads(tx, alice, [mine.id], { ownerType: 'test.case', ownerId: 'case-1' })),
    errorCode('FILE_NOT_FOUND'),
  );
  assert.ok((await readAll((await openDownload(db, store, alice, mine.id)).stream)).equals(samplePdf('one')));
});

test(`oversize content aborts, stores nothing and leaves no temp file (${dialect})`, async (t) => {
  const { db, upload, blobs, audit } = await setUp(t);
  const big = Buffer.concat([samplePdf(), Buffer.alloc(MAX)]);
  const chunks = Array.from({ length: Math.ceil(big.length / 4096) }, (_, index) => big.subarray(index * 4096, (index + 1) * 4096));
  await assert.rejects(upload(alice, big, { stream: Readable.from(chunks), originalName: 'big.pdf' }), (error) => {
    assert.ok(isAppError(error, 'FILE_TOO_LARGE'));
    assert.deepEqual(error.params, { limit: '64 KB' });
    return true;
  });
  assert.deepEqual(blobs(), []);
  assert.equal((await db.selectFrom('files').select('id').execute()).length, 0);
  assert.deepEqual(
    (await audit()).map((entry) => [entry.action, entry.outcome, entry.detail]),
    [['files.upload', 'failure', 'FILE_TOO_LARGE']],
  );
});

test(`a type outside the allow-list is refused before it reaches the store (${dialect})`, async (t) => {
  const { db, upload, blobs } = await setUp(t);
  await assert.rejects(upload(alice, sampleExe(), { originalName: 'invoice.pdf' }), errorCode('FILE_TYPE_NOT_ALLOWED'));
  await assert.rejects(upload(alice, Buffer.from('<html><script>1</script></html>'), { originalName: 'a.txt' }), errorCode('FILE_TYPE_NOT_ALLOWED'));
  assert.deepEqual(blobs(), []);
  assert.equal((await db.selectFrom('files').select('id').execute()).length, 0);
});

test(`anonymous actors cannot upload (${dialect})`, async (t) => {
  const { upload, blobs } = await setUp(t);
  await assert.rejects(upload(anonymousActor(), samplePdf()), errorCode('UNAUTHENTICATED'));
  assert.deepEqual(blobs(), []);
});

test(`uploads and downloads leave audit records in an intact chain (${dialect})`, async (t) => {
  const { db, store, upload, audit } = await setUp(t);
  const stored = await upload(alice, samplePdf(), { originalName: '报告.pdf' });
  await readAll((await openDownload(db, store, alice, stored.id)).stream);
  const records = await audit();
  assert.deepEqual(
    records.map((entry) => [entry.action, entry.outcome, entry.subject_type, entry.subject_id, entry.actor_id]),
    [
      ['files.upload', 'success', 'file', stored.id, alice.userId],
      ['files.download', 'success', 'file', stored.id, alice.userId],
    ],
  );
  const uploadRecord = await db.selectFrom('audit_log').select('after_json').where('action', '=', 'files.upload').executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(uploadRecord.after_json!), {
    originalName: '报告.pdf',
    size: stored.size,
    mimeType: 'application/pdf',
    sha256: stored.sha256,
    ownerType: 'upload',
    ownerId: alice.userId,
  });
  assert.equal((await verifyAuditChain(db)).ok, true);
});
