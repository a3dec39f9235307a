import type { InboundMail } from "./inbound-mail.js";

/**
 * Why a message must not become a ticket or a followup:
 * - loop: we sent it ourselves (our X-Vigie-* marker, From or X-Loop is one of our mailboxes);
 * - blocked: the sender is on the admin's blocklist;
 * - bounce: a delivery failure report;
 * - auto_reply: an out-of-office or other automatic answer;
 * - bulk: Precedence bulk/junk/list (newsletters, mailing lists).
 */
export type RejectReason = "loop" | "blocked" | "bounce" | "auto_reply" | "bulk";

export type Classification =
  | {
      accept: true;
      /**
       * The sender asked not to be answered automatically (X-Auto-Response-Suppress: All, AutoReply
       * or OOF): make the ticket, but send no acknowledgement mail.
       */
      suppressAutoReply: boolean;
    }
  | { accept: false; reason: RejectReason };

export type ClassifyOptions = {
  /** Our own mailbox addresses (collectors and notification sender): mail from them is a loop. */
  ownAddresses?: string[];
  /** "user@example.com" (exact) or "*@example.com" / "@example.com" / "example.com" (whole domain). */
  blocklist?: string[];
};

/** Decides, from headers, sender and subject only, whether a message may enter the service desk. */
export function classify(mail: InboundMail, options: ClassifyOptions = {}): Classification {
  const from = mail.from?.address.toLowerCase() ?? "";
  if (isLoop(mail, from, options.ownAddresses ?? [])) return { accept: false, reason: "loop" };
  if (isBlocked(from, options.blocklist ?? [])) return { accept: false, reason: "blocked" };
  if (isBounce(mail, from)) return { accept: false, reason: "bounce" };
  if (isAutoReply(mail)) return { accept: false, reason: "auto_reply" };
  if (/^(bulk|junk|list)$/i.test(header(mail, "precedence"))) return { accept: false, reason: "bulk" };
  return { accept: true, suppressAutoReply: asksNoAutoReply(mail) };
}

function header(mail: InboundMail, name: string): string {
  return (mail.headers[name] ?? "").trim();
}

function isLoop(mail: InboundMail, from: string, ownAddresses: string[]): boolean {
  if (Object.keys(mail.headers).some((name) => name.startsWith("x-vigie-"))) return true;
  const own = ownAddresses.map((address) => address.trim().toLowerCase()).filter(Boolean);
  if (from !== "" && own.includes(from)) return true;
  // X-Loop (Procmail, Sympa, Zammad…) names the mailbox a message already went through.
  const xLoop = header(mail, "x-loop").toLowerCase();
  return xLoop !== "" && own.some((address) => xLoop.includes(address));
}

/** Subdomains are not covered by a domain entry: "*@acme.fr" does not block "x@eu.acme.fr". */
export function isBlocked(address: string, blocklist: string[]): boolean {
  const at = address.lastIndexOf("@");
  if (at < 0) return false;
  const domain = address.slice(at + 1);
  return blocklist.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === "") return false;
    if (entry.startsWith("*@")) return entry.slice(2) === domain;
    if (entry.startsWith("@")) return entry.slice(1) === domain;
    if (!entry.includes("@")) return entry === domain;
    return entry === address;
  });
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;
const BOUNCE_SUBJECT = [
  /^undelivered mail returned to sender/i, // Postfix
  /^delivery status notification \((failure|delay)\)/i, // Gmail
  /^undeliverable:/i, // Exchange (EN)
  /^non remis\s?:/i, // Exchange (FR)
  /^mail delivery (failed|failure|system)/i, // Exim, others
  /^returned mail:/i, // Sendmail
  /^(échec|echec) de (la )?(remise|distribution)/i,
];

function isBounce(mail: InboundMail, from: string): boolean {
  const contentType = header(mail, "content-type").toLowerCase();
  if (contentType.startsWith("multipart/report") && /report-type\s*=\s*"?delivery-status/.test(contentType)) return true;
  if (BOUNCE_SENDER.test(from) || from.startsWith("mailer-daemon")) return true;
  // An empty envelope sender (Return-Path: <>) is what RFC 5321 prescribes for notifications.
  if (header(mail, "return-path") === "<>" || header(mail, "x-failed-recipients") !== "") return true;
  return BOUNCE_SUBJECT.some((pattern) => pattern.test(mail.subject));
}

const AUTO_REPLY_SUBJECT = [
  /^(automatic reply|auto(matic)?[- ]?reply|autoreply)\s?:/i,
  /^r[ée]ponse automatique\s?:/i,
  /^(absence du bureau|out of (the )?office)\b/i,
  /^(absent|abwesend)\s?:/i,
  /^automatische antwort\s?:/i,
];

function isAutoReply(mail: InboundMail): boolean {
  // RFC 3834: any value but "no" means a machine sent it ("auto-replied", "auto-generated", ...).
  const autoSubmitted = header(mail, "auto-submitted").toLowerCase();
  if (autoSubmitted !== "" && !/^no\b/.test(autoSubmitted)) return true;
  if (header(mail, "x-autoreply") !== "" || header(mail, "x-autorespond") !== "") return true;
  if (/^(auto-?reply|autoreply)$/i.test(header(mail, "precedence"))) return true;
  if (header(mail, "x-ms-exchange-generated-message-source") !== "") return true;
  // Exchange marks the messages its own mailbox rules sent (OOF, forwarding rules) with this.
  if (header(mail, "x-ms-exchange-inbox-rules-loop") !== "" && asksNoAutoReply(mail)) return true;
  return AUTO_REPLY_SUBJECT.some((pattern) => pattern.test(mail.subject));
}

/**
 * X-Auto-Response-Suppress (Microsoft) lists what the sender does not want back. Outlook puts it on
 * ordinary messages too (meeting requests, some clients always), so alone it does not make a message
 * automatic: it only tells us not to answer it automatically.
 */
function asksNoAutoReply(mail: InboundMail): boolean {
  const values = header(mail, "x-auto-response-suppress").toLowerCase().split(/[\s,]+/);
  return values.some((value) => value === "all" || value === "autoreply" || value === "oof");
}
