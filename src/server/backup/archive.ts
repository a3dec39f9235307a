import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { create, extract } from "tar";

export async function makeTempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * Packs `entries` of `dir` into a .tar.gz, written beside `out` then renamed, so a crash
 * never leaves a truncated file under the final name. Symbolic links are followed: the
 * staging directory links to the live files directory instead of copying it.
 */
export async function writeArchive(dir: string, entries: string[], out: string): Promise<number> {
  const partial = `${out}.partial`;
  try {
    await create({ gzip: true, file: partial, cwd: dir, follow: true, portable: true }, entries);
    await fs.rename(partial, out);
  } catch (err) {
    await fs.rm(partial, { force: true });
    throw err;
  }
  return (await fs.stat(out)).size;
}

/** Unpacks into `dir`; tar refuses absolute paths and `..`, so an archive cannot write elsewhere. */
export async function readArchive(file: string, dir: string): Promise<void> {
  await fs.access(file).catch(() => {
    throw new Error(`no backup file at ${file}`);
  });
  await extract({ file, cwd: dir, strict: true });
}

/** Number and total size of the regular files below `dir` (0 when it does not exist). */
export async function measureDir(dir: string): Promise<{ count: number; bytes: number }> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let count = 0;
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    count++;
    bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { count, bytes };
}
