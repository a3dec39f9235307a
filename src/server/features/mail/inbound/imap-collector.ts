/**
 * Collects an IMAP mailbox: every message of its folder is kept and filed (mail-ingest), then
 * moved to the "done" folder or deleted on the server. A lease on the mailbox's row makes sure
 * only one collector works on a mailbox at a time, whatever the number of app instances; a
 * collector that died leaves a lease that simply runs out.
 */
import { randomUUID } from "node:crypto";
import { ImapFlow } from "imapflow";
import type { Kysely } from "kysely";
import type { MailboxTestResult } from "../../../../shared/api/mail-in.js";
import type { DB } from "../../../db/schema.js";
import { now } from "../../../db/values.js";
import { openSecret } from "../../../security/secret-box.js";
import type { MailMailboxRow } from "./mail-in.table.js";
import { type MailInDeps, processReceived, receiveMail } from "./mail-ingest.js";

/** Messages fetched per round trip: enough to keep the connection busy, few enough to hold in memory. */
const BATCH = 50;
/** New mails filed side by side: parsing and the database's round trips overlap. */
const CONCURRENCY = 4;
const LEASE_MS = 10 * 60_000;
const TIMEOUT_MS = 15_000;

export type ImapSettings = { host: string; port: number; tls: "tls" | "starttls" | "none"; username: string; password: string };

export function imapClient(settings: ImapSettings): ImapFlow {
  return new ImapFlow({
    host: settings.host, port: settings.port, secure: settings.tls === "tls", doSTARTTLS: settings.tls === "starttls",
    auth: { user: settings.username, pass: settings.password }, logger: false,
    connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: 5 * 60_000,
  });
}

/** Connects, opens the folder and counts its messages: what the "test connection" button shows. */
export async function testImap(settings: ImapSettings, folder: string): Promise<MailboxTestResult> {
  const client = imapClient(settings);
  client.on("error", () => undefined);
  try {
    await client.connect();
    const status = await client.status(folder, { messages: true });
    if (!status) return { ok: false, messages: null, error: `folder ${folder} not found` };
    return { ok: true, messages: status.messages ?? 0, error: null };
  } catch (error) {
    return { ok: false, messages: null, error: describe(error) };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

function describe(error: unknown): string {
  const e = error as { responseText?: string; message?: string; code?: string };
  return (e.responseText || e.message || e.code || String(error)).slice(0, 500);
}

/** Takes the mailbox for this collector; false when another holds it (or it is disabled). */
async function takeLease(db: Kysely<DB>, mailboxId: number, owner: string): Promise<boolean> {
  const at = new Date();
  const result = await db.updateTable("mail_mailbox")
    .set({ lease_owner: owner, lease_until: new Date(at.getTime() + LEASE_MS).toISOString() })
    .where("id", "=", mailboxId).where("is_enabled", "=", 1).where("kind", "=", "imap")
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", at.toISOString())]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function releaseLease(db: Kysely<DB>, mailboxId: number, owner: string, error: string | null): Promise<void> {
  await db.updateTable("mail_mailbox").set({ lease_owner: null, lease_until: null, last_run_at: now(), last_error: error })
    .where("id", "=", mailboxId).where("lease_owner", "=", owner).execute();
}

export type CollectOutcome = { collected: number; error: string | null; skipped?: boolean };

/** Collects one mailbox now; skipped when another collector has it. Never throws for a server error: it is recorded on the mailbox. */
export async function collectMailbox(deps: MailInDeps, mailboxId: number): Promise<CollectOutcome> {
  const owner = randomUUID();
  if (!(await takeLease(deps.db, mailboxId, owner))) return { collected: 0, error: null, skipped: true };
  const mailbox = await deps.db.selectFrom("mail_mailbox").selectAll().where("id", "=", mailboxId).executeTakeFirstOrThrow();
  let collected = 0;
  let error: string | null = null;
  let password: string;
  try {
    password = openSecret(mailbox.password ?? "");
  } catch (err) {
    // Sealed with another key: said on the mailbox, for its admin to type the password again.
    error = (err as Error).message;
    await releaseLease(deps.db, mailboxId, owner, error);
    return { collected, error };
  }
  const client = imapClient({ host: mailbox.host ?? "", port: mailbox.port ?? 993, tls: mailbox.tls, username: mailbox.username ?? "", password });
  client.on("error", (err: unknown) => deps.log.warn({ err, mailboxId }, "IMAP connection error"));
  try {
    await client.connect();
    collected = await collectFolder(deps, client, mailbox);
  } catch (err) {
    error = describe(err);
    deps.log.warn({ err, mailboxId }, "mailbox collection failed");
  } finally {
    await client.logout().catch(() => client.close());
    await releaseLease(deps.db, mailboxId, owner, error);
  }
  return { collected, error };
}

async function collectFolder(deps: MailInDeps, client: ImapFlow, mailbox: MailMailboxRow): Promise<number> {
  if (mailbox.after_action === "move" && mailbox.after_folder) await ensureFolder(client, mailbox.after_folder);
  const lock = await client.getMailboxLock(mailbox.folder);
  let collected = 0;
  try {
    const uids = (await client.search({ all: true }, { uid: true })) || [];
    for (let start = 0; start < uids.length; start += BATCH) {
      const batch = uids.slice(start, start + BATCH);
      const messages = await client.fetchAll(batch, { uid: true, source: true }, { uid: true });
      const done: number[] = [];
      const inFlight = new Set<Promise<void>>();
      const filingOf = new Map<string, Promise<unknown>>();
      for (const message of messages) {
        const source = message.source;
        if (!source) continue;
        while (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
        // A reply to a mail of this very batch waits until that mail is filed, so it finds its ticket.
        const { messageId, parents } = threadHeaders(source);
        const before = parents.map((id) => filingOf.get(id)).filter((p) => p !== undefined);
        // Kept (raw) before anything else: from here on the mail cannot be lost, so it may leave the server.
        const filing = Promise.allSettled(before).then(() => receiveMail(deps, mailbox, source)).then(() => { done.push(message.uid); collected++; });
        if (messageId) filingOf.set(messageId, filing);
        const tracked: Promise<void> = filing.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
      }
      await Promise.all(inFlight);
      if (done.length === 0) continue;
      if (mailbox.after_action === "move" && mailbox.after_folder) await client.messageMove(done, mailbox.after_folder, { uid: true });
      else await client.messageDelete(done, { uid: true });
    }
  } finally {
    lock.release();
  }
  return collected;
}

/** Its Message-ID and those it answers (In-Reply-To, References), read from the raw header. */
function threadHeaders(raw: Buffer): { messageId: string | null; parents: string[] } {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.subarray(0, end < 0 ? Math.min(raw.length, 64 * 1024) : end).toString("latin1").replace(/\r?\n[ \t]+/g, " ");
  const field = (name: string) => new RegExp(`^${name}:(.*)$`, "im").exec(head)?.[1] ?? "";
  return {
    messageId: /<[^<>\s]+>/.exec(field("message-id"))?.[0] ?? null,
    parents: `${field("in-reply-to")} ${field("references")}`.match(/<[^<>\s]+>/g) ?? [],
  };
}

async function ensureFolder(client: ImapFlow, folder: string): Promise<void> {
  const list = await client.list();
  if (list.some((box) => box.path === folder)) return;
  await client.mailboxCreate(folder);
}

/** The cron's round: every enabled IMAP mailbox, one after the other. */
export async function collectAllMailboxes(deps: MailInDeps): Promise<number> {
  const boxes = await deps.db.selectFrom("mail_mailbox").select("id").where("kind", "=", "imap").where("is_enabled", "=", 1).orderBy("id").execute();
  let total = 0;
  for (const box of boxes) total += (await collectMailbox(deps, box.id)).collected;
  return total;
}

/** Failed mails whose time has come are filed again from their kept raw copy. */
export async function retryFailedMails(deps: MailInDeps, limit = 100): Promise<number> {
  const rows = await deps.db.selectFrom("mail_received").selectAll().where("status", "=", "failed")
    .where("next_attempt_at", "<=", now()).orderBy("next_attempt_at").limit(limit).execute();
  for (const row of rows) {
    // Claimed first: another instance retrying at the same moment finds it no longer failed.
    const claim = await deps.db.updateTable("mail_received").set({ status: "pending" }).where("id", "=", row.id).where("status", "=", "failed").executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const mailbox = row.mailbox_id === null ? undefined
      : await deps.db.selectFrom("mail_mailbox").selectAll().where("id", "=", row.mailbox_id).executeTakeFirst();
    await processReceived(deps, row, mailbox);
  }
  return rows.length;
}
