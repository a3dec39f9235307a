/**
 * The built-in receiver: an SMTP (or LMTP) server that accepts mail for the addresses of the
 * enabled mailboxes and files it like a collected mail. A mail is answered "250" only once its
 * raw copy is kept, so the sending server keeps (and retries) anything we could not store.
 */
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { now } from "../../../db/values.js";
import type { MailMailboxRow } from "./mail-in.table.js";
import { type MailInDeps, receiveMail } from "./mail-ingest.js";
import { mailInContext } from "./mail-store.js";

/** `tls`: a certificate and its key (PEM); the receiver then offers STARTTLS, as the servers that relay to it expect. */
export type ReceiverOptions = { port: number; host?: string; lmtp?: boolean; tls?: { key: Buffer; cert: Buffer } };
export type MailReceiver = { port: number; close: () => Promise<void> };

async function mailboxFor(deps: MailInDeps, address: string): Promise<MailMailboxRow | undefined> {
  return deps.db.selectFrom("mail_mailbox").selectAll().where("address", "=", address.toLowerCase()).where("is_enabled", "=", 1).executeTakeFirst();
}

async function readStream(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return stream.sizeExceeded || size > maxBytes ? undefined : Buffer.concat(chunks);
}

export async function startMailReceiver(deps: MailInDeps, options: ReceiverOptions): Promise<MailReceiver> {
  const server = new SMTPServer({
    // No AUTH: like any MX, the receiver takes mail for its own mailboxes only (onRcptTo), from anyone.
    lmtp: options.lmtp ?? false, authOptional: true, disabledCommands: options.tls ? ["AUTH"] : ["AUTH", "STARTTLS"], logger: false,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    banner: "Vigie",
    onRcptTo(address, _session, callback) {
      mailboxFor(deps, address.address).then((box) => {
        if (box) callback();
        else callback(Object.assign(new Error(`<${address.address}>: no such mailbox here`), { responseCode: 550 }));
      }, (error: Error) => callback(Object.assign(error, { responseCode: 451 })));
    },
    onData(stream, session: SMTPServerSession, callback) {
      (async () => {
        // Read per message: the admin may change the limit while the receiver runs.
        const { settings } = await mailInContext(deps.db);
        const raw = await readStream(stream, settings.maxMessageMb * 1024 * 1024);
        if (!raw) throw Object.assign(new Error("Message too large"), { responseCode: 552 });
        const envelope = `Received: from ${session.clientHostname || "unknown"} ([${session.remoteAddress}]) by Vigie; ${new Date().toUTCString()}\r\n`;
        const full = Buffer.concat([Buffer.from(envelope, "latin1"), raw]);
        for (const rcpt of session.envelope.rcptTo) {
          const box = await mailboxFor(deps, rcpt.address);
          if (box) await receiveMail(deps, box, full);
        }
        await deps.db.updateTable("mail_mailbox").set({ last_run_at: now() })
          .where("address", "in", session.envelope.rcptTo.map((r) => r.address.toLowerCase())).execute();
      })().then(() => callback(), (error: Error & { responseCode?: number }) => {
        deps.log.warn({ err: error }, "received mail could not be kept");
        callback(Object.assign(error, { responseCode: error.responseCode ?? 451 }));
      });
    },
  });
  server.on("error", (err) => deps.log.warn({ err }, "mail receiver error"));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
