/**
 * The attachments' files: a directory that every instance shares. A file lives at
 * ab/cd/<sha256>, so the same content uploaded twice is stored once, and a path is never
 * built from a name a user typed. Writes go to tmp/ first and are renamed into place,
 * so another instance never reads half a file.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../http/errors.js";

export type ReceivedFile = { tempPath: string; sha256: string; size: number };

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** The store's directory, or 503 when this server was started without one. */
export function filesDirOf(config: { filesDir?: string }): string {
  if (!config.filesDir) throw new AppError("SERVICE_UNAVAILABLE", "No file store is configured");
  return config.filesDir;
}

export function storageKeyOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** The file of a stored key; the key comes from our own database, checked anyway. */
export function storedPath(filesDir: string, key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key ${key}`);
  return path.join(filesDir, key);
}

/** Streams an upload to a temporary file, hashing it on the way: nothing is held in memory. */
export async function receiveToTemp(filesDir: string, stream: Readable): Promise<ReceivedFile> {
  const tmpDir = path.join(filesDir, "tmp");
  await fs.mkdir(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString("hex")}.part`);
  const hash = createHash("sha256");
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, measure, createWriteStream(tempPath, { flags: "wx" }));
  } catch (error) {
    await discardTemp(tempPath);
    throw error;
  }
  return { tempPath, sha256: hash.digest("hex"), size };
}

export async function discardTemp(tempPath: string): Promise<void> {
  await fs.rm(tempPath, { force: true });
}

/** Moves a received file to its place; the same content already there is simply replaced by itself. */
export async function commitTemp(filesDir: string, tempPath: string, key: string): Promise<void> {
  const target = storedPath(filesDir, key);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.rename(tempPath, target);
}

/**
 * Removes a file no row uses any more. Another instance may be storing the same content at
 * this moment (its row committed, its rename to come): the file is first moved aside, the
 * references counted again, and put back if one appeared.
 */
export async function removeIfUnused(filesDir: string, key: string, isUsed: () => Promise<boolean>): Promise<void> {
  if (await isUsed()) return;
  const target = storedPath(filesDir, key);
  const aside = `${target}.${randomBytes(4).toString("hex")}.deleting`;
  try {
    await fs.rename(target, aside);
  } catch {
    return; // Already gone.
  }
  if (await isUsed()) await fs.rename(aside, target);
  else await fs.rm(aside, { force: true });
}

/** Feeds the file to `onChunk` until it returns false; true when every chunk passed. */
export async function scanChunks(filePath: string, onChunk: (chunk: Buffer) => boolean): Promise<boolean> {
  const stream = createReadStream(filePath, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream) {
      if (!onChunk(chunk as Buffer)) return false;
    }
    return true;
  } finally {
    stream.destroy();
  }
}

/** Whether any of `needles` occurs in the file (a needle may straddle two chunks). */
export async function fileContains(filePath: string, needles: Buffer[]): Promise<boolean> {
  const overlap = Math.max(...needles.map((n) => n.length)) - 1;
  let tail = Buffer.alloc(0);
  const missing = await scanChunks(filePath, (chunk) => {
    const window = Buffer.concat([tail, chunk]);
    if (needles.some((needle) => window.includes(needle))) return false;
    tail = window.subarray(Math.max(0, window.length - overlap));
    return true;
  });
  return !missing;
}

export async function readHead(filePath: string, bytes: number): Promise<Buffer> {
  const handle = await fs.open(filePath, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
