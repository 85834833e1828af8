// The local blob store: content addressing, dedupe, the size limit, the head inspection and path safety.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { BlobTooLargeError, createLocalBlobStore, HEAD_BYTES, isValidSha256 } from './blob-store.ts';

function tempRoot(t: { after(fn: () => void): void }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-blobs-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  return root;
}

/** Every file under the root except the temp folder's, as paths relative to it. */
function storedFiles(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return Readable.from(chunks);
}

test('put stores content under root/ab/cd/<sha256> and open reads it back', async (t) => {
  const root = tempRoot(t);
  const store = createLocalBlobStore(root);
  const content = Buffer.from('政通 blob store\n');
  const sha256 = createHash('sha256').update(content).digest('hex');
  const stored = await store.put(Readable.from([content]), 1024);
  assert.deepEqual(stored, { sha256, size: content.length, head: content });
  assert.deepEqual(storedFiles(root), [path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256)]);
  assert.equal(await store.has(sha256), true);
  assert.equal(await text(store.open(sha256)), content.toString());
});

test('put hashes and counts a stream of many chunks and keeps only the head', async (t) => {
  const store = createLocalBlobStore(tempRoot(t));
  const content = randomBytes(300_000);
  const stored = await store.put(chunked(content, 1000), content.length);
  assert.equal(stored.size, content.length);
  assert.equal(stored.sha256, createHash('sha256').update(content).digest('hex'));
  assert.deepEqual(stored.head, content.subarray(0, HEAD_BYTES));
  const back = Buffer.concat(await store.open(stored.sha256).toArray());
  assert.ok(back.equals(content));
});

test('put accepts any async iterable of bytes', async (t) => {
  const store = createLocalBlobStore(tempRoot(t));
  async function* parts() {
    yield new Uint8Array([1, 2, 3]);
    yield new Uint8Array(0);
    yield Buffer.from([4]);
  }
  const stored = await store.put(parts(), 4);
  assert.equal(stored.size, 4);
  assert.deepEqual([...stored.head], [1, 2, 3, 4]);
});

test('identical content is stored once, also when two puts race', async (t) => {
  const root = tempRoot(t);
  const store = createLocalBlobStore(root);
  const content = randomBytes(50_000);
  const results = await Promise.all([1, 2, 3].map(() => store.put(chunked(content, 4096), content.length)));
  assert.equal(new Set(results.map((result) => result.sha256)).size, 1);
  const again = await store.put(Readable.from([content]), content.length);
  assert.equal(again.sha256, results[0]!.sha256);
  assert.equal(storedFiles(root).length, 1);
});

test('content past maxBytes aborts with BlobTooLargeError and leaves no file behind', async (t) => {
  const root = tempRoot(t);
  const store = createLocalBlobStore(root);
  const attempt = store.put(chunked(randomBytes(10_000), 1000), 9_999);
  await assert.rejects(attempt, (error) => error instanceof BlobTooLargeError && error.maxBytes === 9_999);
  assert.deepEqual(storedFiles(root), []);
  // Exactly at the limit is fine.
  const exact = await store.put(Readable.from([randomBytes(9_999)]), 9_999);
  assert.equal(exact.size, 9_999);
});

test('inspectHead sees the head before anything is committed, and its refusal stores nothing', async (t) => {
  const root = tempRoot(t);
  const store = createLocalBlobStore(root);
  const content = randomBytes(HEAD_BYTES * 3);
  let seen: Buffer | null = null;
  let pulledAfterRefusal = 0;
  async function* source() {
    yield content.subarray(0, HEAD_BYTES);
    pulledAfterRefusal += 1;
    yield content.subarray(HEAD_BYTES);
  }
  const refusal = new Error('not allowed');
  await assert.rejects(
    store.put(source(), content.length, {
      inspectHead: (head) => {
        seen = head;
        throw refusal;
      },
    }),
    refusal,
  );
  assert.deepEqual(seen, content.subarray(0, HEAD_BYTES));
  assert.equal(pulledAfterRefusal, 0, 'the rest of the upload is not read once the head is refused');
  assert.deepEqual(storedFiles(root), []);

  // A blob smaller than the head is inspected whole, once.
  const calls: number[] = [];
  await store.put(Readable.from([Buffer.from('small')]), 100, { inspectHead: (head) => void calls.push(head.length) });
  assert.deepEqual(calls, [5]);
});

test('a failing source leaves no temp file', async (t) => {
  const root = tempRoot(t);
  const store = createLocalBlobStore(root);
  async function* broken() {
    yield Buffer.from('partial');
    throw new Error('connection reset');
  }
  await assert.rejects(store.put(broken(), 100), /connection reset/);
  assert.deepEqual(storedFiles(root), []);
});

test('only a well-formed sha256 ever becomes a path', async (t) => {
  const store = createLocalBlobStore(tempRoot(t));
  const tricks = ['../../etc/passwd', '..', '', 'A'.repeat(64), `${'a'.repeat(63)}/`, `${'0'.repeat(62)}/..`, `${'a'.repeat(64)}\n`, 'a'.repeat(65)];
  for (const trick of tricks) {
    assert.equal(isValidSha256(trick), false, trick);
    assert.throws(() => store.open(trick), TypeError);
    assert.equal(await store.has(trick), false);
  }
  assert.equal(await store.has('a'.repeat(64)), false);
});
