import type { Db } from "../../db/database.js";
import type { AttachmentTable } from "../../db/schema.js";
import type { Insertable } from "kysely";

/** An attachment row with its uploader's name, as every read needs it. */
function selectAttachments(db: Db) {
  return db
    .selectFrom("attachment")
    .leftJoin("app_user", "app_user.id", "attachment.uploaded_by")
    .selectAll("attachment")
    .select(["app_user.first_name as uploader_first_name", "app_user.last_name as uploader_last_name"]);
}

export type AttachmentWithUploader = NonNullable<Awaited<ReturnType<typeof findAttachmentRow>>>;

export function findAttachmentRow(db: Db, id: number) {
  return selectAttachments(db).where("attachment.id", "=", id).executeTakeFirst();
}

/** A ticket's attachments in upload order, from `afterId` on (the attachment_ticket_idx index). */
export function listAttachmentRows(db: Db, ticketId: number, opts: { publicOnly: boolean; afterId?: number; limit: number }) {
  let q = selectAttachments(db).where("attachment.ticket_id", "=", ticketId);
  if (opts.publicOnly) q = q.where("attachment.is_private", "=", 0);
  if (opts.afterId !== undefined) q = q.where("attachment.id", ">", opts.afterId);
  return q.orderBy("attachment.id").limit(opts.limit).execute();
}

export async function insertAttachmentRow(db: Db, values: Insertable<AttachmentTable>) {
  const { id } = await db.insertInto("attachment").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function deleteAttachmentRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom("attachment").where("id", "=", id).execute();
}

/** Whether a row still points at a stored file (attachment_storage_idx). */
export async function isStorageKeyUsed(db: Db, key: string): Promise<boolean> {
  const row = await db.selectFrom("attachment").select("id").where("storage_key", "=", key).limit(1).executeTakeFirst();
  return row !== undefined;
}

export function findFollowupOfTicket(db: Db, ticketId: number, followupId: number) {
  return db
    .selectFrom("ticket_followup")
    .select(["id", "is_private"])
    .where("id", "=", followupId)
    .where("ticket_id", "=", ticketId)
    .executeTakeFirst();
}
