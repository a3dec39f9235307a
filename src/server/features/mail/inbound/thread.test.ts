import { describe, expect, it } from "vitest";
import { rawMail } from "../../../../../test/fixtures/mail/load.js";
import { readMessage } from "./read-message.js";
import { cleanSubject, findThread, tagPattern, ticketNumberInSubject } from "./thread.js";

/** Message-IDs of mails Vigie sent or stored, as the mail service's table would hold them. */
const KNOWN: Record<string, number> = {
  "<ticket-88.created.b21c@vigie.example.com>": 88,
  "<ticket-512.created.0a9f@vigie.example.fr>": 512,
  "<ticket-1234.created.7f3a@vigie.example.fr>": 1234,
};
const lookup = (messageId: string) => KNOWN[messageId];

describe("findThread", () => {
  it("follows In-Reply-To first", async () => {
    const mail = await readMessage(rawMail("outlook-reply-fr.eml"));
    expect(await findThread(mail, lookup)).toEqual({ ticketId: 1234, via: "in-reply-to" });
  });

  it("walks References from the newest when In-Reply-To is unknown", async () => {
    const mail = await readMessage(rawMail("gmail-reply-en.eml")); // In-Reply-To is a followup we did not store
    expect(await findThread(mail, lookup)).toEqual({ ticketId: 88, via: "references" });
    const asked: string[] = [];
    await findThread({ inReplyTo: "<c@x>", references: ["<a@x>", "<b@x>", "<c@x>"], subject: "" }, (id) => {
      asked.push(id);
      return undefined;
    });
    expect(asked).toEqual(["<c@x>", "<b@x>", "<a@x>"]);
  });

  it("falls back on the ticket number of the subject, and takes an async lookup", async () => {
    const mail = await readMessage(rawMail("iphone-reply-fr.eml"));
    expect(await findThread(mail, async () => undefined)).toEqual({ ticketId: 77, via: "subject" });
    expect(await findThread(mail, async () => 5)).toEqual({ ticketId: 5, via: "in-reply-to" });
  });

  it("returns null for a new conversation", async () => {
    const mail = await readMessage(rawMail("pdf-and-inline-image.eml"));
    expect(await findThread(mail, lookup)).toBeNull();
  });
});

describe("ticketNumberInSubject", () => {
  it("reads our tag and the usual other forms", () => {
    expect(ticketNumberInSubject("RE: [Vigie #1234] Imprimante bloquée")).toBe(1234);
    expect(ticketNumberInSubject("tr : [vigie#1234] Imprimante")).toBe(1234);
    expect(ticketNumberInSubject("Re: [ Vigie # 1234 ]")).toBe(1234);
    expect(ticketNumberInSubject("Re: [#1234] Imprimante")).toBe(1234);
    expect(ticketNumberInSubject("Relance Ticket #1234 toujours en attente")).toBe(1234);
    expect(ticketNumberInSubject("Réf. : #1234 - relance")).toBe(1234);
    expect(ticketNumberInSubject("Ref: #1234")).toBe(1234);
    expect(ticketNumberInSubject("Réf #1234")).toBe(1234);
  });

  it("prefers our tag when several numbers appear", () => {
    expect(ticketNumberInSubject("[#55] chez le fournisseur, suivi [Vigie #1234]")).toBe(1234);
  });

  it("ignores numbers that are not written as a ticket reference", () => {
    for (const subject of ["Budget 2026", "Ticket 2026 du salon", "Commande #4411 chez Bureau Pro", "Réf. 8841", "[Vigie #0] test", ""]) {
      expect(ticketNumberInSubject(subject), subject).toBeNull();
    }
  });

  it("uses a configured tag, and can leave the loose forms out", () => {
    const options = { tag: "[ACME Network Support N°N]" };
    expect(ticketNumberInSubject("RE: [ACME Network Support N°77] Switch", options)).toBe(77);
    expect(ticketNumberInSubject("RE: [Vigie #77] Switch", options)).toBeNull();
    expect(ticketNumberInSubject("RE: [#77] Switch", options)).toBe(77);
    expect(ticketNumberInSubject("RE: [#77] Switch", { ...options, looseTags: false })).toBeNull();
  });
});

describe("tagPattern", () => {
  it("escapes the literal text and lets spacing vary", () => {
    expect(tagPattern("[Vigie #N]").source).toBe("\\[\\s*Vigie\\s*#\\s*(\\d+)\\s*\\]");
    expect(tagPattern("(Helpdesk+ N)").exec("(helpdesk+   12)")?.[1]).toBe("12");
  });
});

describe("cleanSubject", () => {
  it("strips reply and forward prefixes as often as they come, and our tag", () => {
    expect(cleanSubject("RE: [Vigie #1234] Imprimante bloquée au 2e étage")).toBe("Imprimante bloquée au 2e étage");
    expect(cleanSubject("TR: Fwd: RE : FW: AW: Réf : Re[2]: WG: Poste lent")).toBe("Poste lent");
    expect(cleanSubject("Re: TR : [Vigie #12] RE: Poste lent")).toBe("Poste lent");
    expect(cleanSubject("TR: Fwd: 🔥 Serveur de fichiers saturé – plus que 2 Go")).toBe("🔥 Serveur de fichiers saturé – plus que 2 Go");
  });

  it("leaves words that only start like a prefix", () => {
    expect(cleanSubject("Reset du mot de passe")).toBe("Reset du mot de passe");
    expect(cleanSubject("Trieuse : bourrage")).toBe("Trieuse : bourrage");
    expect(cleanSubject("Référentiel : mise à jour")).toBe("Référentiel : mise à jour");
  });

  it("removes a configured tag and may end empty", () => {
    expect(cleanSubject("RE: [Helpdesk N°9]  Écran  noir", { tag: "[Helpdesk N°N]" })).toBe("Écran noir");
    expect(cleanSubject("RE: [Vigie #9]")).toBe("");
    expect(cleanSubject("")).toBe("");
  });
});
