import { describe, expect, it } from "vitest";
import { rawMail } from "../../../../../test/fixtures/mail/load.js";
import { readMessage } from "./read-message.js";
import { trimReply } from "./trim-reply.js";

async function trimmedFixture(name: string): Promise<string> {
  return trimReply((await readMessage(rawMail(name))).text);
}

const lines = (...text: string[]) => text.join("\n");

describe("trimReply on real client shapes", () => {
  it("cuts an Outlook (FR) reply at its header block, and the sign-off above it", async () => {
    expect(await trimmedFixture("outlook-reply-fr.eml")).toBe(lines(
      "Bonjour,",
      "",
      "Le bac 2 est toujours bloqué ce matin, le voyant orange clignote.",
      "J'ai essayé d'éteindre et de rallumer, sans succès.",
    ));
  });

  it("cuts a Gmail reply at its attribution, even wrapped over two lines", async () => {
    expect(await trimmedFixture("gmail-reply-en.eml")).toBe(lines(
      "Hi,",
      "",
      "I installed the new client version this morning and it still drops after",
      'about ten minutes. The log says "tunnel keepalive timeout".',
      "",
      "Sarah",
    ));
  });

  it("cuts a Thunderbird reply at « Le … a écrit : » and drops the -- signature", async () => {
    expect(await trimmedFixture("thunderbird-reply-fr.eml")).toBe(lines(
      "Bonjour,",
      "",
      "Merci, je vois bien le dossier maintenant. En revanche je ne peux pas enregistrer : « Accès refusé » quand je modifie un plan.",
    ));
  });

  it("cuts an iPhone reply at « Envoyé de mon iPhone » and the quoted history", async () => {
    expect(await trimmedFixture("iphone-reply-fr.eml")).toBe("Oui, je passe au service informatique vers 14 h avec le chargeur.");
  });

  it("leaves a first message alone", async () => {
    expect(await trimmedFixture("latin1-quoted-printable.eml")).toContain("Merci d'avance,\nAndré Lefèbvre");
    expect(await trimmedFixture("windows1252-base64.eml")).toContain("Bonne journée");
  });
});

describe("trimReply quote markers", () => {
  it("cuts Outlook (EN) header blocks and Original Message separators", () => {
    expect(trimReply(lines("Done, thanks.", "", "From: Vigie Support <support@vigie.example.com>", "Sent: Monday, November 23, 2026 10:02 AM",
      "To: Sarah <sarah@acme.com>", "Subject: [Vigie #88] VPN", "", "Hello"))).toBe("Done, thanks.");
    expect(trimReply(lines("C'est réglé.", "", "-----Message d'origine-----", "De : Support", "Envoyé : lundi", "Texte"))).toBe("C'est réglé.");
    expect(trimReply(lines("Fixed.", "-----Original Message-----", "From: Support", "old"))).toBe("Fixed.");
    expect(trimReply(lines("OK", "", "*From:* Support <s@x.fr>", "*Date:* Mon, 23 Nov", "*To:* Jean", "old"))).toBe("OK");
  });

  it("cuts French and English attributions of Gmail, Apple Mail and Thunderbird", () => {
    expect(trimReply(lines("Toujours pareil.", "", "Le lun. 23 nov. 2026 à 10:02, Support Vigie <support@vigie.example.fr> a écrit :",
      "", "> Bonjour"))).toBe("Toujours pareil.");
    expect(trimReply(lines("Same here.", "", "On 23 Nov 2026, at 10:02, Support <s@x.com> wrote:", "", "> Hello"))).toBe("Same here.");
    expect(trimReply(lines("Same here.", "On 11/23/2026 10:02 AM, Support wrote:", "> Hello"))).toBe("Same here.");
    expect(trimReply(lines("Gleich.", "Am Mo., 23. Nov. 2026 um 10:02 Uhr schrieb Support <s@x.de>:", "> Hallo"))).toBe("Gleich.");
  });

  it("keeps an inline answer (quotes followed by new text) whole", () => {
    const inline = lines("> Quel est le numéro de série ?", "5CG1234XYZ", "", "> Depuis quand ?", "Depuis lundi.");
    expect(trimReply(inline)).toBe(inline);
  });

  it("does not take a sentence that mentions writing for an attribution", () => {
    const text = lines("On Monday the printer wrote: \"paper jam\" on its screen.", "Le technicien a écrit : rien trouvé.");
    expect(trimReply(text)).toBe(text);
    const quoting = lines("Je vous transmets ce que", "le technicien du fournisseur a écrit :", "remplacer la carte mère.");
    expect(trimReply(quoting)).toBe(quoting);
    const capital = lines("Voici la réponse.", "Le technicien a écrit :", "remplacer la carte mère.");
    expect(trimReply(capital)).toBe(capital);
  });
});

describe("trimReply signatures", () => {
  it("drops mobile footers", () => {
    expect(trimReply(lines("Je rappelle demain.", "", "Sent from my iPhone"))).toBe("Je rappelle demain.");
    expect(trimReply(lines("Je rappelle demain.", "", "Obtenir Outlook pour iOS"))).toBe("Je rappelle demain.");
    expect(trimReply(lines("Je rappelle demain.", "Envoyé depuis mon appareil Galaxy"))).toBe("Je rappelle demain.");
  });

  it("drops a sign-off and the few short lines after it", () => {
    expect(trimReply(lines("Le poste est livré.", "", "Bien cordialement,", "Claire Martin", "Achats", "03 88 12 34 50")))
      .toBe("Le poste est livré.");
    expect(trimReply(lines("The VPN works now.", "", "Best regards,", "Sarah"))).toBe("The VPN works now.");
  });

  it("keeps a sign-off followed by real content", () => {
    const longAfter = lines("Voici le détail.", "Cordialement,", "PS : en relisant le journal, je vois que l'erreur revient toutes les nuits à 2 h du matin, pendant la sauvegarde.");
    expect(trimReply(longAfter)).toBe(longAfter);
    const manyAfter = lines("Voici.", "Cordialement", "1", "2", "3", "4", "5", "6", "7");
    expect(trimReply(manyAfter)).toBe(manyAfter);
  });

  it("cuts at the -- delimiter only when a signature-sized block follows", () => {
    expect(trimReply(lines("Merci.", "-- ", "Marie", "03 89 20 00 00"))).toBe("Merci.");
    const notSignature = lines("Étapes :", "--", ...Array.from({ length: 13 }, (_, i) => `étape ${i + 1}`));
    expect(trimReply(notSignature)).toBe(notSignature);
  });
});

describe("trimReply fallbacks", () => {
  it("returns the full text when trimming would leave nothing", () => {
    expect(trimReply(lines("> seulement une citation", "> rien d'autre"))).toBe("> seulement une citation\n> rien d'autre");
    expect(trimReply(lines("Cordialement,", "Jean"))).toBe("Cordialement,\nJean");
    expect(trimReply("Envoyé de mon iPhone")).toBe("Envoyé de mon iPhone");
    expect(trimReply("")).toBe("");
  });

  it("reads CRLF text and trims the blank lines and rules left at the end", () => {
    expect(trimReply("Vu.\r\n\r\n________________________________\r\nDe : Support\r\nEnvoyé : lundi\r\nÀ : Jean\r\n")).toBe("Vu.");
  });
});

describe("trimReply on long messages", () => {
  it("stays linear on a long quoted history followed by text", () => {
    const text = [...Array.from({ length: 100_000 }, (_, i) => `> ligne ${i}`), "fin", ...Array.from({ length: 100_000 }, () => "> encore")].join("\n");
    const started = Date.now();
    expect(trimReply(text).endsWith("fin")).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
