/**
 * The admin's side of email in: the mailboxes of the entities they administer (mail.manage),
 * their connection test and an immediate collection, the received mails with their fate (retry,
 * download the original) and the settings shared by every mailbox (root admin).
 */
import {
  type CollectResult, type Mailbox, type MailboxBody, MailboxBodySchema, type MailboxTestBody, MailboxTestBodySchema,
  type MailboxTestResult, type MailInSettings, MailInSettingsSchema, type ReceivedMail, type ReceivedStatus,
} from "../../../../shared/api/mail-in.js";
import type { Page } from "../../../../shared/api/common.js";
import type { Db } from "../../../db/database.js";
import { flag, now } from "../../../db/values.js";
import type { Ctx } from "../../../http/context.js";
import { decodeCursor, toPage } from "../../../http/cursor.js";
import { AppError, notFound } from "../../../http/errors.js";
import { findCategoryForTicket } from "../../categories/category-use.js";
import { recordHistory } from "../../history/history.service.js";
import { assertCan, entityScope, inScope } from "../../identity/access.js";
import { assertRootAdmin } from "../../identity/root-admin.js";
import { filesDirOf } from "../../attachments/file-store.js";
import { SecretBoxError, openSecret, sealNullable, sealSecret } from "../../../security/secret-box.js";
import { collectMailbox, testImap } from "./imap-collector.js";
import type { MailMailboxRow, MailReceivedRow } from "./mail-in.table.js";
import { processReceived } from "./mail-ingest.js";
import { MAIL_IN_SETTINGS_KEY, forgetMailInCache, rawFilePath, readMailInSettings } from "./mail-store.js";

type MailboxWithEntity = MailMailboxRow & { entity_name: string; category_name: string | null };

function toMailbox(row: MailboxWithEntity): Mailbox {
  return {
    id: row.id, name: row.name, entityId: row.entity_id, entityName: row.entity_name, kind: row.kind, address: row.address,
    host: row.host, port: row.port, tls: row.tls, username: row.username, hasPassword: Boolean(row.password),
    folder: row.folder, afterAction: row.after_action, afterFolder: row.after_folder, categoryId: row.category_id, categoryName: row.category_name,
    groupId: row.group_id, unknownSender: row.unknown_sender, isEnabled: Boolean(row.is_enabled),
    lastRunAt: row.last_run_at, lastError: row.last_error, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function mailboxQuery(db: Db) {
  return db.selectFrom("mail_mailbox as m").innerJoin("entity as e", "e.id", "m.entity_id")
    .leftJoin("ticket_category as c", "c.id", "m.category_id").selectAll("m").select(["e.name as entity_name", "c.complete_name as category_name"]);
}

/** A mailbox of an entity the actor manages mail for; others answer 404 (their existence is not told). */
async function loadMailbox(db: Db, ctx: Ctx, id: number): Promise<MailboxWithEntity> {
  const row = await mailboxQuery(db).where("m.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("MAILBOX_NOT_FOUND", `Mailbox ${id}`);
  try {
    await assertCan(db, ctx.actor, "mail.manage", row.entity_id);
  } catch {
    throw notFound("MAILBOX_NOT_FOUND", `Mailbox ${id}`);
  }
  return row;
}

export async function listMailboxes(ctx: Ctx, page: { limit: number; cursor?: string }): Promise<Page<Mailbox>> {
  const scope = entityScope(ctx.actor, "mail.manage");
  let q = mailboxQuery(ctx.db).where(inScope("m.entity_id", scope));
  if (page.cursor) q = q.where("m.id", ">", decodeCursor(page.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("m.id").limit(page.limit + 1).execute();
  return toPage(rows, page.limit, toMailbox, (r) => [r.id]);
}

export async function getMailbox(ctx: Ctx, id: number): Promise<Mailbox> {
  return toMailbox(await loadMailbox(ctx.db, ctx, id));
}

/** Checks what a save would store: entity rights, category and group of that entity, a unique address. */
async function checkBody(db: Db, ctx: Ctx, body: ReturnType<typeof MailboxBodySchema.parse>, id?: number): Promise<void> {
  await assertCan(db, ctx.actor, "mail.manage", body.entityId);
  if (body.categoryId !== null) await findCategoryForTicket(db, body.categoryId, body.entityId, { portal: false });
  if (body.groupId !== null) {
    const group = await db.selectFrom("user_group").select("id").where("id", "=", body.groupId).executeTakeFirst();
    if (!group) throw notFound("GROUP_NOT_FOUND", `Group ${body.groupId}`);
  }
  let taken = db.selectFrom("mail_mailbox").select("id").where("address", "=", body.address);
  if (id !== undefined) taken = taken.where("id", "!=", id);
  if (await taken.executeTakeFirst()) throw new AppError("MAILBOX_ADDRESS_TAKEN", `${body.address} is another mailbox's address`);
}

function columnsOf(body: ReturnType<typeof MailboxBodySchema.parse>) {
  const imap = body.kind === "imap";
  return {
    entity_id: body.entityId, name: body.name, kind: body.kind, address: body.address,
    host: imap ? body.host : null, port: imap ? (body.port ?? (body.tls === "tls" ? 993 : 143)) : null, tls: body.tls,
    username: imap ? body.username : null, folder: body.folder, after_action: body.afterAction,
    after_folder: body.afterAction === "move" ? body.afterFolder : null, category_id: body.categoryId, group_id: body.groupId,
    unknown_sender: body.unknownSender, is_enabled: flag(body.isEnabled), updated_at: now(),
  };
}

export async function createMailbox(ctx: Ctx, input: MailboxBody): Promise<Mailbox> {
  const body = MailboxBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkBody(trx, ctx, body);
    const row = await trx.insertInto("mail_mailbox").values({
      ...columnsOf(body), password: body.password ? sealSecret(body.password) : null, lease_owner: null, lease_until: null, last_run_at: null, last_error: null, created_at: now(),
    }).returning("id").executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: body.entityId, entityId: body.entityId, action: "link", field: "mailbox", label: body.name });
    return row.id;
  });
  forgetMailInCache(ctx.db);
  return getMailbox(ctx, id);
}

export async function updateMailbox(ctx: Ctx, id: number, input: MailboxBody): Promise<Mailbox> {
  const body = MailboxBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadMailbox(trx, ctx, id);
    await checkBody(trx, ctx, body, id);
    // No password typed: the stored one stays (the form never receives it), sealed now if it was saved before sealing existed.
    const password = sealNullable(body.password === undefined || body.password === null || body.password === "" ? row.password : body.password);
    await trx.updateTable("mail_mailbox").set({ ...columnsOf(body), password }).where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: body.entityId, entityId: body.entityId, action: "update", field: "mailbox", label: body.name });
  });
  forgetMailInCache(ctx.db);
  return getMailbox(ctx, id);
}

export async function deleteMailbox(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadMailbox(trx, ctx, id);
    await trx.deleteFrom("mail_mailbox").where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: row.entity_id, entityId: row.entity_id, action: "unlink", field: "mailbox", label: row.name });
  });
  forgetMailInCache(ctx.db);
}

/** Tries the settings typed in the form; an existing mailbox's stored password fills in when none is typed. */
export async function testMailbox(ctx: Ctx, input: MailboxTestBody): Promise<MailboxTestResult> {
  const body = MailboxTestBodySchema.parse(input);
  entityScope(ctx.actor, "mail.manage");
  let password = body.password ?? "";
  if (body.mailboxId !== null && password === "") {
    try {
      password = openSecret((await loadMailbox(ctx.db, ctx, body.mailboxId)).password ?? "");
    } catch (error) {
      if (error instanceof SecretBoxError) return { ok: false, messages: null, error: error.message };
      throw error;
    }
  }
  return testImap({ host: body.host, port: body.port, tls: body.tls, username: body.username, password }, body.folder);
}

export async function collectMailboxNow(ctx: Ctx, id: number): Promise<CollectResult> {
  await loadMailbox(ctx.db, ctx, id);
  const outcome = await collectMailbox({ db: ctx.db, filesDir: filesDirOf(ctx.config), log: ctx.log }, id);
  return { collected: outcome.collected, error: outcome.skipped ? "busy" : outcome.error };
}

type ReceivedWithMailbox = MailReceivedRow & { mailbox_name: string | null };

function toReceived(row: ReceivedWithMailbox): ReceivedMail {
  return {
    id: row.id, mailboxId: row.mailbox_id, mailboxName: row.mailbox_name, entityId: row.entity_id, messageId: row.message_id,
    fromAddress: row.from_address, fromName: row.from_name, subject: row.subject, size: row.size, status: row.status,
    reason: row.reason, error: row.error, ticketId: row.ticket_id, attempts: row.attempts, nextAttemptAt: row.next_attempt_at,
    receivedAt: row.received_at, updatedAt: row.updated_at,
  };
}

function receivedQuery(db: Db) {
  return db.selectFrom("mail_received as r").leftJoin("mail_mailbox as m", "m.id", "r.mailbox_id").selectAll("r").select("m.name as mailbox_name");
}

/** Newest first, in the entities the actor manages mail for; by fate or mailbox. */
export async function listReceivedMails(ctx: Ctx, query: { limit: number; cursor?: string; status?: ReceivedStatus; mailboxId?: number }): Promise<Page<ReceivedMail>> {
  const scope = entityScope(ctx.actor, "mail.manage");
  let q = receivedQuery(ctx.db).where(inScope("r.entity_id", scope));
  if (query.status) q = q.where("r.status", "=", query.status);
  if (query.mailboxId) q = q.where("r.mailbox_id", "=", query.mailboxId);
  if (query.cursor) q = q.where("r.id", "<", decodeCursor(query.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("r.id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toReceived, (r) => [r.id]);
}

async function loadReceived(db: Db, ctx: Ctx, id: number): Promise<ReceivedWithMailbox> {
  const row = await receivedQuery(db).where("r.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("RECEIVED_MAIL_NOT_FOUND", `Received mail ${id}`);
  try {
    await assertCan(db, ctx.actor, "mail.manage", row.entity_id);
  } catch {
    throw notFound("RECEIVED_MAIL_NOT_FOUND", `Received mail ${id}`);
  }
  return row;
}

/** Files a failed or refused mail again now (an admin fixed the cause: a blocklist entry, a missing user…). */
export async function retryReceivedMail(ctx: Ctx, id: number): Promise<ReceivedMail> {
  const row = await loadReceived(ctx.db, ctx, id);
  if (row.status !== "failed" && row.status !== "refused") return toReceived(row);
  const claim = await ctx.db.updateTable("mail_received").set({ status: "pending" }).where("id", "=", id).where("status", "=", row.status).executeTakeFirst();
  if (Number(claim.numUpdatedRows) === 1) {
    const mailbox = row.mailbox_id === null ? undefined : await ctx.db.selectFrom("mail_mailbox").selectAll().where("id", "=", row.mailbox_id).executeTakeFirst();
    await processReceived({ db: ctx.db, filesDir: filesDirOf(ctx.config), log: ctx.log }, row, mailbox);
  }
  return toReceived(await loadReceived(ctx.db, ctx, id));
}

/** The original message as received (.eml), for an admin to read what could not be filed. */
export async function openReceivedRaw(ctx: Ctx, id: number): Promise<{ filePath: string; fileName: string }> {
  const row = await loadReceived(ctx.db, ctx, id);
  return { filePath: rawFilePath(filesDirOf(ctx.config), row.sha256), fileName: `mail-${row.id}.eml` };
}

export async function getMailInSettings(ctx: Ctx): Promise<MailInSettings> {
  entityScope(ctx.actor, "mail.manage");
  return readMailInSettings(ctx.db);
}

export async function updateMailInSettings(ctx: Ctx, input: MailInSettings): Promise<MailInSettings> {
  const body = MailInSettingsSchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertRootAdmin(trx, ctx);
    const value = JSON.stringify(body);
    await trx.insertInto("setting").values({ key: MAIL_IN_SETTINGS_KEY, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: rootId, entityId: rootId, action: "update", field: "mailIn", label: MAIL_IN_SETTINGS_KEY });
  });
  forgetMailInCache(ctx.db);
  return body;
}
