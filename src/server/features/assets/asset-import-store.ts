/**
 * An uploaded import waits under the data directory, imports/<id>/, between the preview and
 * the run: the file as sent, who sent it, and after the run its rejected rows (report.json),
 * kept as codes so that the report is written in the language of whoever downloads it.
 * Only the uploader can run it or read its report; for anyone else it does not exist.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { type ImportReason, ImportIdParamsSchema } from "../../../shared/api/asset-import.js";
import type { Ctx } from "../../http/context.js";
import { notFound } from "../../http/errors.js";
import { filesDirOf } from "../attachments/file-store.js";

const MetaSchema = z.object({ userId: z.number(), fileName: z.string(), createdAt: z.string() });
export type ImportMeta = z.infer<typeof MetaSchema>;

/** The rejected rows of the last run: the file's header, and each row's line, cells and reasons. */
export type ImportRejects = { header: string[]; rejects: { line: number; cells: string[]; reasons: ImportReason[] }[] };

function importDir(ctx: Ctx, importId: string): string {
  // The id comes from the route's schema; checked again since it becomes a path.
  ImportIdParamsSchema.parse({ importId });
  return path.join(filesDirOf(ctx.config), "imports", importId);
}

/** An import is kept a week: long enough to fix the rejected rows and run again, short enough not to pile up. */
const KEEP_MS = 7 * 24 * 3600 * 1000;

/** Removes the imports older than a week; done at each upload, so no job is needed. */
async function pruneOldImports(ctx: Ctx): Promise<void> {
  const root = path.join(filesDirOf(ctx.config), "imports");
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || !ImportIdParamsSchema.safeParse({ importId: entry.name }).success) continue;
    const stat = await fs.stat(path.join(root, entry.name)).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > KEEP_MS) await fs.rm(path.join(root, entry.name), { recursive: true, force: true });
  }
}

/** Moves the received temporary file into a new import of the caller's. */
export async function storeImport(ctx: Ctx, tempPath: string, fileName: string): Promise<string> {
  await pruneOldImports(ctx);
  const importId = randomBytes(16).toString("hex");
  const dir = importDir(ctx, importId);
  await fs.mkdir(dir, { recursive: true });
  await fs.rename(tempPath, path.join(dir, "source.csv"));
  const meta: ImportMeta = { userId: ctx.actor.userId, fileName, createdAt: new Date().toISOString() };
  await fs.writeFile(path.join(dir, "meta.json"), JSON.stringify(meta));
  return importId;
}

async function loadMeta(ctx: Ctx, importId: string): Promise<ImportMeta> {
  const text = await fs.readFile(path.join(importDir(ctx, importId), "meta.json"), "utf8").catch(() => null);
  const meta = text === null ? null : MetaSchema.safeParse(JSON.parse(text));
  if (!meta?.success || meta.data.userId !== ctx.actor.userId) throw notFound("NOT_FOUND", `Import ${importId}`);
  return meta.data;
}

export async function readImportSource(ctx: Ctx, importId: string): Promise<{ meta: ImportMeta; bytes: Buffer }> {
  const meta = await loadMeta(ctx, importId);
  return { meta, bytes: await fs.readFile(path.join(importDir(ctx, importId), "source.csv")) };
}

export async function writeImportReport(ctx: Ctx, importId: string, rejects: ImportRejects): Promise<void> {
  await fs.writeFile(path.join(importDir(ctx, importId), "report.json"), JSON.stringify(rejects));
}

/** The rejected rows of the last run; 404 before any run. */
export async function readImportReport(ctx: Ctx, importId: string): Promise<{ meta: ImportMeta; rejects: ImportRejects }> {
  const meta = await loadMeta(ctx, importId);
  const text = await fs.readFile(path.join(importDir(ctx, importId), "report.json"), "utf8").catch(() => null);
  if (text === null) throw notFound("NOT_FOUND", `Report of import ${importId}`);
  // Written by writeImportReport above, never by a user.
  return { meta, rejects: JSON.parse(text) as ImportRejects };
}
