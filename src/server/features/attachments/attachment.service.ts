import fs from "node:fs/promises";
import { type Attachment, type AttachmentPage, DEFAULT_MAX_UPLOAD_MB, type UploadFields } from "../../../shared/api/attachments.js";
import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { flag, now } from "../../db/values.js";
import type { AppConfig, Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import type { Actor } from "../identity/access.js";
import { recordHistory } from "../history/history.service.js";
import { loadReadableTicket } from "../tickets/ticket-access.js";
import {
  type AttachmentWithUploader, deleteAttachmentRow, findAttachmentRow, findFollowupOfTicket, insertAttachmentRow,
  isStorageKeyUsed, listAttachmentRows,
} from "./attachment.repo.js";
import { type FileKind, classifyFile } from "./file-kind.js";
import { type ReceivedFile, commitTemp, filesDirOf, removeIfUnused, storageKeyOf, storedPath } from "./file-store.js";

/** A file received from an upload, still in the store's tmp/ directory. */
export type ReceivedUpload = ReceivedFile & { fileName: string };

export function maxUploadBytes(config: AppConfig): number {
  return config.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_MB * 1024 * 1024;
}

function toAttachment(row: AttachmentWithUploader, actor: Actor, isStaff: boolean): Attachment {
  const uploader = row.uploader_first_name === null ? null : `${row.uploader_first_name} ${row.uploader_last_name ?? ""}`.trim();
  return {
    id: row.id, ticketId: row.ticket_id, followupId: row.followup_id, fileName: row.file_name, contentType: row.content_type,
    size: row.size, isImage: row.content_type.startsWith("image/"), isPrivate: Boolean(row.is_private),
    uploadedById: row.uploaded_by, uploadedByName: uploader, createdAt: row.created_at,
    canDelete: isStaff || (row.uploaded_by !== null && row.uploaded_by === actor.userId),
  };
}

/**
 * Staff of the ticket's entity and its requester may add files; observers and colleagues
 * who only read it may not. A merged ticket takes no more files: its successor does.
 */
export async function assertCanUpload(db: Db, actor: Actor, ticketId: number): Promise<{ row: TicketRow; isStaff: boolean }> {
  const ticket = await loadReadableTicket(db, actor, ticketId);
  if (!ticket.isStaff && ticket.row.requester_id !== actor.userId) throw forbidden();
  if (ticket.row.merged_into_id !== null) {
    throw new AppError("TICKET_MERGED", `Ticket ${ticketId} was merged into ${ticket.row.merged_into_id}`);
  }
  return ticket;
}

/** A followup the files belong to: of this ticket, and one the uploader can see. */
async function followupFor(db: Db, ticketId: number, followupId: number | undefined, isStaff: boolean) {
  if (followupId === undefined) return undefined;
  const followup = await findFollowupOfTicket(db, ticketId, followupId);
  if (!followup || (followup.is_private && !isStaff)) {
    throw new AppError("VALIDATION_FAILED", "No such followup on this ticket",
      [{ path: "body.followupId", message: "not a followup of this ticket", code: "custom" }]);
  }
  return followup;
}

/**
 * Stores received files on a ticket: each one's type is decided from its bytes (one refused
 * file refuses the whole upload), the rows and the history written in one transaction, then
 * the files moved into place. The caller discards whatever temporary file remains.
 */
export async function saveUploads(ctx: Ctx, ticketId: number, files: ReceivedUpload[], fields: UploadFields): Promise<Attachment[]> {
  const filesDir = filesDirOf(ctx.config);
  const kinds: FileKind[] = [];
  for (const file of files) kinds.push(await classifyFile(file.tempPath, file.fileName));

  const { ids, isStaff } = await ctx.db.transaction().execute(async (trx) => {
    const { row, isStaff } = await assertCanUpload(trx, ctx.actor, ticketId);
    const followup = await followupFor(trx, ticketId, fields.followupId, isStaff);
    // A requester's file is never private; a file of a private note is private like the note.
    const isPrivate = isStaff && (fields.isPrivate || Boolean(followup?.is_private));
    const ids: number[] = [];
    for (const [i, file] of files.entries()) {
      const kind = kinds[i] as FileKind;
      ids.push(await insertAttachmentRow(trx, {
        ticket_id: ticketId, followup_id: followup?.id ?? null, file_name: kind.fileName, content_type: kind.contentType,
        size: file.size, sha256: file.sha256, storage_key: storageKeyOf(file.sha256), is_private: flag(isPrivate),
        uploaded_by: ctx.actor.userId, created_at: now(),
      }));
      await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: ticketId, entityId: row.entity_id,
        action: "link", field: "attachment", label: kind.fileName });
    }
    return { ids, isStaff };
  });

  try {
    for (const file of files) await commitTemp(filesDir, file.tempPath, storageKeyOf(file.sha256));
  } catch (error) {
    // Rows without their files would only answer 404s: take them back.
    await ctx.db.deleteFrom("attachment").where("id", "in", ids).execute();
    throw error;
  }
  const rows = await Promise.all(ids.map((id) => findAttachmentRow(ctx.db, id)));
  return rows.filter((r) => r !== undefined).map((r) => toAttachment(r, ctx.actor, isStaff));
}

/** The ticket's files in upload order; a requester never sees private ones. */
export async function listAttachments(ctx: Ctx, ticketId: number, page: { limit: number; cursor?: string }): Promise<AttachmentPage> {
  const { isStaff } = await loadReadableTicket(ctx.db, ctx.actor, ticketId);
  const afterId = page.cursor ? (decodeCursor(page.cursor, ["number"])[0] as number) : undefined;
  const rows = await listAttachmentRows(ctx.db, ticketId, { publicOnly: !isStaff, afterId, limit: page.limit + 1 });
  const result = toPage(rows, page.limit, (r) => toAttachment(r, ctx.actor, isStaff), (r) => [r.id]);
  return { ...result, maxBytes: maxUploadBytes(ctx.config) };
}

/** An attachment the actor may see: whoever reads its ticket; private ones for staff only (others get 404). */
async function loadVisibleAttachment(db: Db, actor: Actor, id: number) {
  const row = await findAttachmentRow(db, id);
  if (!row) throw notFound("ATTACHMENT_NOT_FOUND", `Attachment ${id}`);
  const { row: ticket, isStaff } = await loadReadableTicket(db, actor, row.ticket_id);
  if (row.is_private && !isStaff) throw notFound("ATTACHMENT_NOT_FOUND", `Attachment ${id}`);
  return { row, ticket, isStaff };
}

export type Download = { attachment: Attachment; filePath: string; inline: boolean };

/** Where to read a file from, and whether it may be shown in the page (images only). */
export async function openAttachment(ctx: Ctx, id: number, wantsInline: boolean): Promise<Download> {
  const { row, isStaff } = await loadVisibleAttachment(ctx.db, ctx.actor, id);
  const filePath = storedPath(filesDirOf(ctx.config), row.storage_key);
  try {
    await fs.access(filePath);
  } catch {
    ctx.log.error({ attachmentId: id, storageKey: row.storage_key }, "attachment file missing from the store");
    throw notFound("ATTACHMENT_NOT_FOUND", `The file of attachment ${id}`);
  }
  const attachment = toAttachment(row, ctx.actor, isStaff);
  return { attachment, filePath, inline: wantsInline && attachment.isImage };
}

/** Its uploader or staff may delete a file; the stored file goes once no attachment uses it. */
export async function deleteAttachment(ctx: Ctx, id: number): Promise<void> {
  const { filesDir, key } = await ctx.db.transaction().execute(async (trx) => {
    const { row, ticket, isStaff } = await loadVisibleAttachment(trx, ctx.actor, id);
    if (!isStaff && row.uploaded_by !== ctx.actor.userId) throw forbidden();
    const filesDir = filesDirOf(ctx.config);
    await deleteAttachmentRow(trx, id);
    await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: ticket.id, entityId: ticket.entity_id,
      action: "unlink", field: "attachment", label: row.file_name });
    return { filesDir, key: row.storage_key };
  });
  await removeIfUnused(filesDir, key, () => isStorageKeyUsed(ctx.db, key));
}
