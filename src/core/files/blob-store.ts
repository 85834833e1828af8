// Where file contents live: content-addressed by SHA-256, so an identical upload is stored once and a stored
// blob never changes. The local store keeps blobs under `root/ab/cd/<sha256>`; a shared store (S3-compatible,
// NFS) for a cluster implements the same interface.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** How many leading bytes `put` keeps for type detection (what file-type needs). */
export const HEAD_BYTES = 4100;

const SHA256_FORMAT = /^[0-9a-f]{64}$/;

export type BlobSource = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;

export interface StoredBlob {
  /** Lower-case hex SHA-256 of the content, computed by the store. */
  sha256: string;
  size: number;
  /** The first HEAD_BYTES bytes (all of them for a smaller blob). */
  head: Buffer;
}

export interface PutOptions {
  /**
   * Called once with the head as soon as it is known (after HEAD_BYTES or at the end of a smaller blob),
   * before anything is committed; throwing aborts the put and the error propagates.
   */
  inspectHead?(head: Buffer): void | Promise<void>;
}

export interface BlobStore {
  /** Streams `source` in; fails with BlobTooLargeError past `maxBytes`, leaving nothing behind. */
  put(source: BlobSource, maxBytes: number, options?: PutOptions): Promise<StoredBlob>;
  /** A stream of a stored blob (the caller consumes or destroys it); throws on a malformed sha256. */
  open(sha256: string): Readable;
  /** True when the blob is stored; false for a malformed sha256. */
  has(sha256: string): Promise<boolean>;
}

/** The content went past the limit the caller set. */
export class BlobTooLargeError extends Error {
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    super(`The content is larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
    this.maxBytes = maxBytes;
  }
}

/** True for a lower-case hex SHA-256, the only form that may become part of a blob's path. */
export function isValidSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_FORMAT.test(value);
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

async function writeFully(handle: fs.promises.FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/** A blob store on a local (or mounted) directory; temp files live in `root/tmp`, on the same filesystem. */
export function createLocalBlobStore(rootDir: string): BlobStore {
  const root = path.resolve(rootDir);
  const tempDir = path.join(root, 'tmp');

  function blobPath(sha256: string): string {
    if (!isValidSha256(sha256)) throw new TypeError('A blob is addressed by a lower-case hex SHA-256');
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async function put(source: BlobSource, maxBytes: number, options: PutOptions = {}): Promise<StoredBlob> {
    await fs.promises.mkdir(tempDir, { recursive: true, mode: 0o750 });
    const tempPath = path.join(tempDir, `${randomBytes(16).toString('hex')}.part`);
    const handle = await fs.promises.open(tempPath, 'wx', 0o640);
    let open = true;
    try {
      const hash = createHash('sha256');
      const headParts: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      let inspected = false;
      for await (const raw of source as AsyncIterable<Uint8Array | string>) {
        const chunk = toBuffer(raw);
        if (chunk.length === 0) continue;
        size += chunk.length;
        if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          const part = Buffer.from(chunk.subarray(0, HEAD_BYTES - headLength));
          headParts.push(part);
          headLength += part.length;
          if (headLength === HEAD_BYTES) {
            inspected = true;
            await options.inspectHead?.(Buffer.concat(headParts));
          }
        }
        await writeFully(handle, chunk);
      }
      const head = Buffer.concat(headParts);
      if (!inspected) await options.inspectHead?.(head);
      await handle.sync();
      open = false;
      await handle.close();
      const sha256 = hash.digest('hex');
      const target = blobPath(sha256);
      if (await isFile(target)) {
        await fs.promises.rm(tempPath, { force: true });
      } else {
        await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
        // Atomic on one filesystem; two identical uploads racing both rename the same bytes into place.
        await fs.promises.rename(tempPath, target);
      }
      return { sha256, size, head };
    } catch (error) {
      if (open) await handle.close().catch(() => undefined);
      await fs.promises.rm(tempPath, { force: true });
      throw error;
    }
  }

  return {
    put,
    open: (sha256) => fs.createReadStream(blobPath(sha256)),
    has: async (sha256) => isValidSha256(sha256) && (await isFile(blobPath(sha256))),
  };
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(filePath)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
