/**
 * A mail's attachments through the attachments module: each file's type decided from its bytes
 * and its size checked like an upload, the accepted ones stored on the ticket, the others listed
 * so the technician knows what was left out (the whole mail stays downloadable).
 */
import { Readable } from "node:stream";
import { DEFAULT_MAX_UPLOAD_MB } from "../../../../shared/api/attachments.js";
import type { Db } from "../../../db/database.js";
import { flag, now } from "../../../db/values.js";
import { insertAttachmentRow } from "../../attachments/attachment.repo.js";
import { type FileKind, classifyFile } from "../../attachments/file-kind.js";
import { type ReceivedFile, commitTemp, discardTemp, receiveToTemp, storageKeyOf } from "../../attachments/file-store.js";
import { cleanFileName } from "../../attachments/upload-receiver.js";
import type { InboundAttachment } from "./inbound-mail.js";

export type PreparedFile = ReceivedFile & { kind: FileKind; contentId: string | null; inline: boolean };
export type PreparedFiles = { accepted: PreparedFile[]; refused: { fileName: string; why: string }[] };

export async function prepareFiles(filesDir: string, attachments: InboundAttachment[], maxBytes = DEFAULT_MAX_UPLOAD_MB * 1024 * 1024): Promise<PreparedFiles> {
  const result: PreparedFiles = { accepted: [], refused: [] };
  for (const attachment of attachments) {
    const fileName = cleanFileName(attachment.filename);
    if (attachment.size > maxBytes) {
      result.refused.push({ fileName, why: `over ${Math.round(maxBytes / 1024 / 1024)} MB` });
      continue;
    }
    const file = await receiveToTemp(filesDir, Readable.from([attachment.content]));
    try {
      const kind = await classifyFile(file.tempPath, fileName);
      result.accepted.push({ ...file, kind, contentId: attachment.contentId, inline: attachment.inline });
    } catch (error) {
      await discardTemp(file.tempPath);
      result.refused.push({ fileName, why: (error as Error).message });
    }
  }
  return result;
}

/** The rows, in the ticket's transaction; returns Content-ID → attachment id for the inline images. */
export async function insertFiles(db: Db, ticketId: number, followupId: number | null, files: PreparedFile[], uploadedBy: number | null) {
  const byContentId = new Map<string, number>();
  for (const file of files) {
    const id = await insertAttachmentRow(db, {
      ticket_id: ticketId, followup_id: followupId, file_name: file.kind.fileName, content_type: file.kind.contentType,
      size: file.size, sha256: file.sha256, storage_key: storageKeyOf(file.sha256), is_private: flag(false),
      uploaded_by: uploadedBy, created_at: now(),
    });
    if (file.contentId) byContentId.set(file.contentId, id);
  }
  return byContentId;
}

/** After the commit: the files into place. */
export async function commitFiles(filesDir: string, files: PreparedFile[]): Promise<void> {
  for (const file of files) await commitTemp(filesDir, file.tempPath, storageKeyOf(file.sha256));
}

export async function discardFiles(files: PreparedFile[]): Promise<void> {
  for (const file of files) await discardTemp(file.tempPath);
}
