import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from "mailparser";
import { htmlToText } from "./html-to-text.js";
import { InboundMailError, type InboundAttachment, type InboundMail, type MailAddress } from "./inbound-mail.js";
import { isTnef, readTnef } from "./tnef.js";

export const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/** Headers kept (raw, not decoded) for classify(): auto-replies, bounces, bulk mail and loops. */
export const CLASSIFY_HEADERS = [
  "auto-submitted", "x-autoreply", "x-autorespond", "x-auto-response-suppress", "precedence",
  "content-type", "return-path", "x-loop", "x-failed-recipients",
  "x-ms-exchange-generated-message-source", "x-ms-exchange-inbox-rules-loop",
] as const;

/**
 * Reads a raw RFC 5322 message. Size is checked before parsing, so a huge mail costs nothing.
 * Throws InboundMailError MAIL_TOO_LARGE or MAIL_UNREADABLE; mailparser is lenient, so a merely
 * malformed MIME structure still gives whatever could be read.
 */
export async function readMessage(raw: Buffer, maxBytes = DEFAULT_MAX_MESSAGE_BYTES): Promise<InboundMail> {
  if (raw.length > maxBytes) {
    throw new InboundMailError("MAIL_TOO_LARGE", `Message of ${raw.length} bytes is over the ${maxBytes} bytes limit`);
  }
  let mail: ParsedMail;
  try {
    // keepCidLinks: html stays as received. skipHtmlToText: an HTML-only message is converted by
    // htmlToText (ours), so mail.text is only ever real text parts.
    mail = await simpleParser(raw, { keepCidLinks: true, skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (error) {
    throw new InboundMailError("MAIL_UNREADABLE", `Message could not be parsed: ${(error as Error).message}`);
  }
  const tnef = unpackTnef(mail.attachments.map(toAttachment));
  let html = typeof mail.html === "string" && mail.html.trim() !== "" ? mail.html : null;
  let text = bodyText(mail.text ?? "", html);
  // Outlook may leave the MIME body empty and put the message in winmail.dat only.
  if (text === "" && html === null && (tnef.html || tnef.text)) {
    html = tnef.html;
    text = bodyText(tnef.text ?? "", tnef.html);
  }
  return {
    messageId: messageIds(mail.messageId)[0] ?? null,
    inReplyTo: messageIds(mail.inReplyTo)[0] ?? null,
    references: messageIds(mail.references),
    from: addresses(mail.from)[0] ?? null,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: (mail.subject ?? "").trim(),
    date: headerDate(mail),
    text,
    html,
    attachments: tnef.attachments,
    headers: classifyHeaders(mail),
  };
}

/**
 * The plain text body: the text parts, else the HTML converted. Outlook leaves "[cid:image001.png@…]"
 * in its text part where inline images were: noise in a followup, removed.
 */
function bodyText(text: string, html: string | null): string {
  let cleaned = text.replace(/\r\n?/g, "\n").replace(/ ?\[cid:[^\]\s]*\]/g, "");
  cleaned = cleaned.replace(/\n{3,}/g, "\n\n").trim();
  if (cleaned !== "" || html === null) return cleaned;
  return htmlToText(html);
}

/** Every `<…>` token in a header value (mailparser gives a string or an array). */
function messageIds(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(" ") : (value ?? "");
  return joined.match(/<[^<>\s]+>/g) ?? [];
}

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const result: MailAddress[] = [];
  for (const object of objects) {
    for (const entry of object.value) {
      // A group ("Support: a@x, b@y;") lists its members; the group name is no address.
      for (const member of entry.group ?? [entry]) {
        if (member.address) result.push({ address: member.address.toLowerCase(), name: member.name ?? "" });
      }
    }
  }
  return result;
}

function toAttachment(attachment: Attachment): InboundAttachment {
  return {
    filename: attachment.filename ?? defaultFilename(attachment.contentType),
    contentType: attachment.contentType,
    size: attachment.size,
    content: attachment.content,
    inline: attachment.contentDisposition === "inline" || attachment.related === true,
    contentId: attachment.cid ?? null,
  };
}

/**
 * winmail.dat replaced by the files inside it, and the body it holds. One that cannot be read
 * stays as it is: the technician still has the file, and the whole mail stays downloadable.
 */
function unpackTnef(attachments: InboundAttachment[]): { attachments: InboundAttachment[]; text: string | null; html: string | null } {
  const result: InboundAttachment[] = [];
  let text: string | null = null;
  let html: string | null = null;
  for (const attachment of attachments) {
    const content = isTnef(attachment.contentType, attachment.filename) ? tryReadTnef(attachment.content) : null;
    if (!content) {
      result.push(attachment);
      continue;
    }
    text ??= content.text?.trim() || null;
    html ??= content.html?.trim() || null;
    for (const file of content.files) {
      result.push({ filename: file.filename, contentType: file.contentType ?? "application/octet-stream", size: file.content.length,
        content: file.content, inline: false, contentId: file.contentId });
    }
  }
  return { attachments: result, text, html };
}

function tryReadTnef(content: Buffer) {
  try {
    return readTnef(content);
  } catch {
    return null;
  }
}

function defaultFilename(contentType: string): string {
  if (contentType === "message/rfc822") return "message.eml";
  if (contentType === "message/delivery-status") return "delivery-status.txt";
  if (contentType === "text/rfc822-headers") return "message-headers.txt";
  const subtype = contentType.split("/")[1] ?? "bin";
  return `attachment.${subtype.replace(/[^a-z0-9]/gi, "") || "bin"}`;
}

/** mailparser puts "now" in place of an unreadable Date header: a made-up date is worse than none. */
function headerDate(mail: ParsedMail): string | null {
  const line = mail.headerLines.find((header) => header.key.toLowerCase() === "date")?.line ?? "";
  const time = Date.parse(line.slice(line.indexOf(":") + 1).replace(/\s+/g, " ").trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function classifyHeaders(mail: ParsedMail): Record<string, string> {
  const wanted = new Set<string>(CLASSIFY_HEADERS);
  const headers: Record<string, string> = {};
  for (const { key, line } of mail.headerLines) {
    const name = key.toLowerCase();
    if (!wanted.has(name) && !name.startsWith("x-vigie-")) continue;
    const value = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}
