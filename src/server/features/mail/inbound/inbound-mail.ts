/**
 * A received message reduced to what the service desk needs, with no mailparser type left in it,
 * so that classify/thread/trim and the future collectors (IMAP, SMTP/LMTP) share one plain shape.
 */
export type MailAddress = { address: string; name: string };

export type InboundAttachment = {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
  /** Shown inside the body (an embedded image), not offered as a separate file. */
  inline: boolean;
  /** Content-ID without angle brackets, to match `cid:` links in the HTML; null when there is none. */
  contentId: string | null;
};

export type InboundMail = {
  /** `<id@host>` with angle brackets, as it appears in In-Reply-To/References; null when missing. */
  messageId: string | null;
  inReplyTo: string | null;
  /** Oldest first, as in the header: the last one is the direct parent. */
  references: string[];
  /** null when the From header is missing or unreadable. Addresses are lower-cased. */
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** ISO-8601 UTC; null when the Date header is missing or invalid. */
  date: string | null;
  /** Plain text: the text part, or the HTML part converted to text when there is none; "" if no body. */
  text: string;
  /**
   * The HTML part exactly as received (cid: links kept). NOT sanitized: it may hold scripts and
   * tracking images. Pass it through sanitizeRichText (tickets/html.ts) before storing or showing it.
   */
  html: string | null;
  attachments: InboundAttachment[];
  /**
   * The headers classify() needs, lower-cased name → unfolded raw value (several occurrences joined
   * with ", "): see CLASSIFY_HEADERS, plus every x-vigie-* header.
   */
  headers: Record<string, string>;
};

export type InboundMailErrorCode = "MAIL_TOO_LARGE" | "MAIL_UNREADABLE";

/** Thrown by readMessage; the collector logs it and keeps the raw mail for an admin to look at. */
export class InboundMailError extends Error {
  constructor(
    readonly code: InboundMailErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "InboundMailError";
  }
}
