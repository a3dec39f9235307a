import { describe, expect, it } from "vitest";
import { rawMail } from "../../../../../test/fixtures/mail/load.js";
import { classify, isBlocked } from "./classify.js";
import type { InboundMail } from "./inbound-mail.js";
import { readMessage } from "./read-message.js";

const OWN = { ownAddresses: ["support@vigie.example.fr", "Notifications@Vigie.example.fr"] };

function mail(overrides: Partial<InboundMail> = {}): InboundMail {
  return {
    messageId: "<m1@example.com>", inReplyTo: null, references: [],
    from: { address: "jean.dupont@acme-industrie.fr", name: "Jean Dupont" },
    to: [{ address: "support@vigie.example.fr", name: "" }], cc: [],
    subject: "Imprimante en panne", date: null, text: "Bonjour", html: null, attachments: [],
    headers: { "content-type": "text/plain; charset=utf-8" },
    ...overrides,
  };
}

function withHeaders(headers: Record<string, string>): InboundMail {
  return mail({ headers: { "content-type": "text/plain", ...headers } });
}

describe("classify", () => {
  it("accepts the ordinary replies of the fixtures", async () => {
    for (const name of ["outlook-reply-fr.eml", "gmail-reply-en.eml", "thunderbird-reply-fr.eml", "iphone-reply-fr.eml",
      "pdf-and-inline-image.eml", "html-only.eml", "latin1-quoted-printable.eml", "encoded-subject.eml"]) {
      expect(classify(await readMessage(rawMail(name)), OWN), name).toEqual({ accept: true, suppressAutoReply: false });
    }
  });

  it("refuses the Exchange out-of-office and the Postfix bounce", async () => {
    expect(classify(await readMessage(rawMail("oof-exchange-fr.eml")), OWN)).toEqual({ accept: false, reason: "auto_reply" });
    expect(classify(await readMessage(rawMail("bounce-postfix.eml")), OWN)).toEqual({ accept: false, reason: "bounce" });
  });

  it("reads Auto-Submitted as RFC 3834 says: anything but no is automatic", () => {
    for (const value of ["auto-replied", "auto-generated", "auto-notified", "Auto-Replied; owner-email=\"x@y.fr\""]) {
      expect(classify(withHeaders({ "auto-submitted": value })), value).toEqual({ accept: false, reason: "auto_reply" });
    }
    expect(classify(withHeaders({ "auto-submitted": "no" }))).toMatchObject({ accept: true });
    expect(classify(withHeaders({ "auto-submitted": "No" }))).toMatchObject({ accept: true });
  });

  it("refuses the vendor auto-reply headers", () => {
    expect(classify(withHeaders({ "x-autoreply": "yes" }))).toEqual({ accept: false, reason: "auto_reply" });
    expect(classify(withHeaders({ "x-autorespond": "Out of office" }))).toEqual({ accept: false, reason: "auto_reply" });
    expect(classify(withHeaders({ precedence: "auto_reply" }))).toMatchObject({ accept: true }); // not a known value
    expect(classify(withHeaders({ precedence: "autoreply" }))).toEqual({ accept: false, reason: "auto_reply" });
  });

  it("refuses bulk, junk and list precedence as bulk", () => {
    for (const precedence of ["bulk", "junk", "list", "Bulk"]) {
      expect(classify(withHeaders({ precedence }))).toEqual({ accept: false, reason: "bulk" });
    }
    expect(classify(withHeaders({ precedence: "first-class" }))).toMatchObject({ accept: true });
  });

  it("accepts a message that only asks not to be auto-answered, and says so", () => {
    expect(classify(withHeaders({ "x-auto-response-suppress": "All" }))).toEqual({ accept: true, suppressAutoReply: true });
    expect(classify(withHeaders({ "x-auto-response-suppress": "DR, OOF, AutoReply" }))).toEqual({ accept: true, suppressAutoReply: true });
    expect(classify(withHeaders({ "x-auto-response-suppress": "DR, RN, NRN" }))).toEqual({ accept: true, suppressAutoReply: false });
    // ...but what an Exchange mailbox rule sent on its own is automatic.
    expect(classify(withHeaders({ "x-auto-response-suppress": "All", "x-ms-exchange-inbox-rules-loop": "luc@acme.fr" })))
      .toEqual({ accept: false, reason: "auto_reply" });
  });

  it("recognises out-of-office subjects in French and English", () => {
    for (const subject of ["Automatic reply: [Vigie #12] Poste lent", "Réponse automatique : [Vigie #12] Poste lent",
      "Reponse automatique: Poste lent", "Absence du bureau", "Out of Office: Poste lent", "AutoReply: Poste lent",
      "Automatische Antwort: Poste lent"]) {
      expect(classify(mail({ subject })), subject).toEqual({ accept: false, reason: "auto_reply" });
    }
    // Words that only look like it, further in the subject, are not enough.
    expect(classify(mail({ subject: "Réglage de la réponse automatique dans Outlook" }))).toMatchObject({ accept: true });
    expect(classify(mail({ subject: "RE: Out of office message does not work" }))).toMatchObject({ accept: true });
  });

  it("recognises bounces by report type, sender, null return path and subject", () => {
    const report = 'multipart/report; report-type="delivery-status"; boundary="b"';
    expect(classify(withHeaders({ "content-type": report }))).toEqual({ accept: false, reason: "bounce" });
    expect(classify(withHeaders({ "content-type": "multipart/report; report-type=disposition-notification" })))
      .toMatchObject({ accept: true }); // a read receipt is another report: not a bounce
    expect(classify(mail({ from: { address: "postmaster@acme-industrie.fr", name: "" } }))).toEqual({ accept: false, reason: "bounce" });
    expect(classify(mail({ from: { address: "mailer-daemon@googlemail.com", name: "Mail Delivery Subsystem" } })))
      .toEqual({ accept: false, reason: "bounce" });
    expect(classify(withHeaders({ "return-path": "<>" }))).toEqual({ accept: false, reason: "bounce" });
    for (const subject of ["Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)",
      "Non remis : [Vigie #12] Poste lent", "Undeliverable: [Vigie #12] Poste lent", "Mail delivery failed: returning message to sender"]) {
      expect(classify(mail({ subject })), subject).toEqual({ accept: false, reason: "bounce" });
    }
  });

  it("refuses our own mail: an X-Vigie-* header or one of our addresses as sender", () => {
    expect(classify(withHeaders({ "x-vigie-ticket": "1234" }), OWN)).toEqual({ accept: false, reason: "loop" });
    expect(classify(mail({ from: { address: "notifications@vigie.example.fr", name: "Vigie" } }), OWN))
      .toEqual({ accept: false, reason: "loop" });
    expect(classify(mail({ from: { address: "support@vigie.example.fr", name: "" } }), OWN)).toEqual({ accept: false, reason: "loop" });
    expect(classify(mail({ from: { address: "support@vigie.example.fr", name: "" } }))).toMatchObject({ accept: true });
    expect(classify(withHeaders({ "x-loop": "Support@vigie.example.fr" }), OWN)).toEqual({ accept: false, reason: "loop" });
    expect(classify(withHeaders({ "x-loop": "liste@autre.example" }), OWN)).toMatchObject({ accept: true });
  });

  it("refuses blocked senders, checked before anything else but loops", () => {
    const options = { ...OWN, blocklist: ["spam@promo.example", "*@marketing.example"] };
    expect(classify(mail({ from: { address: "spam@promo.example", name: "" } }), options)).toEqual({ accept: false, reason: "blocked" });
    expect(classify(mail({ from: { address: "news@marketing.example", name: "" }, subject: "Out of office" }), options))
      .toEqual({ accept: false, reason: "blocked" });
    expect(classify(mail({ from: null }), options)).toMatchObject({ accept: true });
  });
});

describe("isBlocked", () => {
  const list = ["Spam@Promo.example", "*@marketing.example", "@newsletter.example", "ads.example", "  ", ""];
  it("matches exact addresses without regard to case", () => {
    expect(isBlocked("spam@promo.example", list)).toBe(true);
    expect(isBlocked("other@promo.example", list)).toBe(false);
  });
  it("matches whole domains written *@domain, @domain or domain, but not their subdomains", () => {
    expect(isBlocked("a@marketing.example", list)).toBe(true);
    expect(isBlocked("a@newsletter.example", list)).toBe(true);
    expect(isBlocked("a@ads.example", list)).toBe(true);
    expect(isBlocked("a@eu.marketing.example", list)).toBe(false);
    expect(isBlocked("a@notmarketing.example", list)).toBe(false);
  });
  it("ignores blank entries and addresses without a domain", () => {
    expect(isBlocked("jean@acme.fr", list)).toBe(false);
    expect(isBlocked("", list)).toBe(false);
  });
});
