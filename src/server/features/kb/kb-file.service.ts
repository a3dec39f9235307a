/**
 * An article's files: screenshots its text shows and documents to download. They reuse the
 * attachments' store (content-addressed, written through tmp/), type checks and size limit,
 * in the store's own kb/ directory so that a ticket's files and an article's never share a
 * stored file (each side counts only its own rows before removing one).
 * Whoever reads the article reads its files; whoever may edit it adds and removes them.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { INLINE_IMAGE_TYPES } from "../../../shared/api/attachments.js";
import { KB_FILES_MAX, type KbFile } from "../../../shared/api/kb-files.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { AppConfig, Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import type { Actor } from "../identity/access.js";
import type { ReceivedUpload } from "../attachments/attachment.service.js";
import { type FileKind, classifyFile } from "../attachments/file-kind.js";
import { commitTemp, filesDirOf, removeIfUnused, storageKeyOf, storedPath } from "../attachments/file-store.js";
import { recordHistory } from "../history/history.service.js";
import { loadReadableArticle, loadWritableArticle, readableArticles } from "./article-access.js";
import { renderMarkdown } from "./kb-markdown.js";

/** The articles' part of the file store. */
function kbFilesDir(config: AppConfig): string {
  return path.join(filesDirOf(config), "kb");
}

function selectFiles(db: Db) {
  return db.selectFrom("kb_attachment as f")
    .leftJoin("app_user as u", "u.id", "f.uploaded_by")
    .selectAll("f")
    .select(["u.first_name as uploader_first_name", "u.last_name as uploader_last_name"]);
}

type FileRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectFiles>["executeTakeFirst"]>>>;

function toKbFile(row: FileRow): KbFile {
  const uploader = row.uploader_first_name === null ? null : `${row.uploader_first_name} ${row.uploader_last_name ?? ""}`.trim();
  return {
    id: row.id, articleId: row.article_id, fileName: row.file_name, contentType: row.content_type, size: row.size,
    isImage: (INLINE_IMAGE_TYPES as readonly string[]).includes(row.content_type), uploadedByName: uploader, createdAt: row.created_at,
  };
}

/** The article's files in upload order: all of them, as an article holds KB_FILES_MAX at most. */
export async function listArticleFiles(db: Db, articleId: number): Promise<KbFile[]> {
  const rows = await selectFiles(db).where("f.article_id", "=", articleId).orderBy("f.id").limit(KB_FILES_MAX).execute();
  return rows.map(toKbFile);
}

/** The ids its text may show images of (kb-markdown turns any other KB file's image into a placeholder). */
export async function articleFileIds(db: Db, articleId: number): Promise<Set<number>> {
  const rows = await db.selectFrom("kb_attachment").select("id").where("article_id", "=", articleId).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The editor's preview: what saving `body` would show. Images of KB files show when they are
 * the files of `articleId` (an article the caller reads); on a new article, none do yet.
 */
export async function previewMarkdown(ctx: Ctx, body: string, articleId: number | undefined): Promise<string> {
  if (articleId === undefined) return renderMarkdown(body, new Set());
  await loadReadableArticle(ctx.db, ctx.actor, articleId);
  return renderMarkdown(body, await articleFileIds(ctx.db, articleId));
}

/**
 * Stores received files on an article (kb.write on its entity): each one's type is decided from
 * its bytes (one refused file refuses the whole upload), the rows and the history written in one
 * transaction, then the files moved into place. The caller discards what remains in tmp/.
 */
export async function saveKbFiles(ctx: Ctx, articleId: number, files: ReceivedUpload[]): Promise<KbFile[]> {
  const dir = kbFilesDir(ctx.config);
  const kinds: FileKind[] = [];
  for (const file of files) kinds.push(await classifyFile(file.tempPath, file.fileName));

  const ids = await ctx.db.transaction().execute(async (trx) => {
    const article = await loadWritableArticle(trx, ctx.actor, articleId);
    const held = (await articleFileIds(trx, articleId)).size;
    if (held + files.length > KB_FILES_MAX) {
      throw new AppError("KB_FILES_LIMIT", `Article ${articleId} holds ${held} files; at most ${KB_FILES_MAX}`);
    }
    const ids: number[] = [];
    for (const [i, file] of files.entries()) {
      const kind = kinds[i] as FileKind;
      const row = await trx.insertInto("kb_attachment").values({
        article_id: articleId, file_name: kind.fileName, content_type: kind.contentType, size: file.size, sha256: file.sha256,
        storage_key: storageKeyOf(file.sha256), uploaded_by: ctx.actor.userId, created_at: now(),
      }).returning("id").executeTakeFirstOrThrow();
      ids.push(row.id);
      await recordHistory(trx, ctx.actor, { recordType: "kb_article", recordId: articleId, entityId: article.entity_id,
        action: "link", field: "attachment", label: kind.fileName });
    }
    return ids;
  });

  try {
    for (const file of files) await commitTemp(dir, file.tempPath, storageKeyOf(file.sha256));
  } catch (error) {
    // Rows without their files would only answer 404s: take them back.
    await ctx.db.deleteFrom("kb_attachment").where("id", "in", ids).execute();
    throw error;
  }
  const rows = await selectFiles(ctx.db).where("f.id", "in", ids).orderBy("f.id").execute();
  return rows.map(toKbFile);
}

/**
 * A file of an article the actor reads (the same rule as the article: a requester, only the
 * published portal articles of their entities). Anything else is KB_FILE_NOT_FOUND, so a
 * refusal never tells that a file exists.
 */
async function loadReadableFile(db: Db, actor: Actor, id: number): Promise<FileRow> {
  const row = await selectFiles(db).where("f.id", "=", id)
    .where("f.article_id", "in", db.selectFrom("kb_article as a").select("a.id").where(readableArticles(actor)))
    .executeTakeFirst();
  if (!row) throw notFound("KB_FILE_NOT_FOUND", `KB file ${id}`);
  return row;
}

export type KbDownload = { file: KbFile; filePath: string; inline: boolean };

/** Where to read a file from, and whether it may show in the page (images only). */
export async function openKbFile(ctx: Ctx, id: number, wantsInline: boolean): Promise<KbDownload> {
  const row = await loadReadableFile(ctx.db, ctx.actor, id);
  const filePath = storedPath(kbFilesDir(ctx.config), row.storage_key);
  try {
    await fs.access(filePath);
  } catch {
    ctx.log.error({ kbFileId: id, storageKey: row.storage_key }, "KB file missing from the store");
    throw notFound("KB_FILE_NOT_FOUND", `The content of KB file ${id}`);
  }
  const file = toKbFile(row);
  return { file, filePath, inline: wantsInline && file.isImage };
}

/**
 * Removes a file (kb.write on the article's entity), recorded in the article's history. Its
 * images in the current text become placeholders at once; the stored file goes once no row uses it.
 */
export async function deleteKbFile(ctx: Ctx, id: number): Promise<void> {
  const { dir, key } = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadReadableFile(trx, ctx.actor, id);
    const article = await loadWritableArticle(trx, ctx.actor, row.article_id);
    const dir = kbFilesDir(ctx.config);
    await trx.deleteFrom("kb_attachment").where("id", "=", id).execute();
    const html = renderMarkdown(article.body, await articleFileIds(trx, article.id));
    if (html !== article.body_html) await trx.updateTable("kb_article").set({ body_html: html }).where("id", "=", article.id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "kb_article", recordId: article.id, entityId: article.entity_id,
      action: "unlink", field: "attachment", label: row.file_name });
    return { dir, key: row.storage_key };
  });
  await removeIfUnused(dir, key, async () =>
    (await ctx.db.selectFrom("kb_attachment").select("id").where("storage_key", "=", key).limit(1).executeTakeFirst()) !== undefined);
}
