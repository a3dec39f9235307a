import { describe, expect, it } from "vitest";
import { rawMail } from "../../../../../test/fixtures/mail/load.js";
import { InboundMailError } from "./inbound-mail.js";
import { readMessage } from "./read-message.js";

describe("readMessage", () => {
  it("reads an Outlook reply in ISO-8859-1 quoted-printable: ids, addresses, subject, text and html", async () => {
    const mail = await readMessage(rawMail("outlook-reply-fr.eml"));
    expect(mail.messageId).toBe("<PR3P192MB071455E2A0B8C7D0E1F2A3B4C5D6E@PR3P192MB0714.EURP192.PROD.OUTLOOK.COM>");
    expect(mail.inReplyTo).toBe("<ticket-1234.created.7f3a@vigie.example.fr>");
    expect(mail.references).toEqual(["<ticket-1234.created.7f3a@vigie.example.fr>"]);
    expect(mail.from).toEqual({ address: "jean.dupont@acme-industrie.fr", name: "Jean Dupont" });
    expect(mail.to).toEqual([{ address: "support@vigie.example.fr", name: "Support Informatique" }]);
    expect(mail.cc).toEqual([{ address: "claire.martin@acme-industrie.fr", name: "Martin, Claire" }]);
    expect(mail.subject).toBe("RE: [Vigie #1234] Imprimante bloquée au 2e étage");
    expect(mail.date).toBe("2026-11-23T10:17:42.000Z");
    expect(mail.text).toContain("Le bac 2 est toujours bloqué ce matin");
    expect(mail.text).toContain("Service comptabilité – ACME Industrie"); // 0x96 is Windows-1252, read as such
    expect(mail.html).toContain("<div id=\"divRplyFwdMsg\"");
    expect(mail.attachments).toEqual([]);
  });

  it("keeps References in header order and the headers classify needs", async () => {
    const mail = await readMessage(rawMail("thunderbird-reply-fr.eml"));
    expect(mail.references).toEqual([
      "<ticket-512.created.0a9f@vigie.example.fr>",
      "<ticket-512.followup.991.77aa@vigie.example.fr>",
    ]);
    expect(mail.subject).toBe("Re: [Vigie #512] Accès au partage réseau « Urbanisme »");
    // format=flowed: the soft line break of the first paragraph is joined back.
    expect(mail.text).toContain("je ne peux pas enregistrer : « Accès refusé »");
    expect(mail.headers["content-type"]).toBe("text/plain; charset=UTF-8; format=flowed");

    const oof = await readMessage(rawMail("oof-exchange-fr.eml"));
    expect(oof.headers).toMatchObject({ "auto-submitted": "auto-generated", "x-auto-response-suppress": "All" });
  });

  it("separates an inline image from a PDF attachment, with their content", async () => {
    const mail = await readMessage(rawMail("pdf-and-inline-image.eml"));
    expect(mail.from).toEqual({ address: "francois.lefevre@acme-industrie.fr", name: "François Lefèvre" });
    const [image, pdf] = mail.attachments;
    expect(image).toMatchObject({
      filename: "image001.png", contentType: "image/png", size: 73, inline: true, contentId: "image001.png@01DB5E2A.8F3C1D40",
    });
    expect(image!.content.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(pdf).toMatchObject({
      filename: "Facture F-2026-1187 – Bureau Pro.pdf", contentType: "application/pdf", size: 589, inline: false, contentId: null,
    });
    expect(pdf!.content.subarray(0, 5).toString("ascii")).toBe("%PDF-");
    // html keeps its cid: link (not turned into a data: URL); the text loses Outlook's [cid:…] marker.
    expect(mail.html).toContain('src="cid:image001.png@01DB5E2A.8F3C1D40"');
    expect(mail.text).toBe("Bonjour,\n\nLa facture jointe n’apparaît pas dans l’ERP, voici la capture de l’écran d’erreur :\n\nFrançois");
  });

  it("opens Outlook's winmail.dat (TNEF): its files become attachments and its compressed RTF body the text", async () => {
    const mail = await readMessage(rawMail("outlook-winmail-tnef.eml"));
    expect(mail.from).toEqual({ address: "francois.lefevre@acme-industrie.fr", name: "Lefèvre, François" });
    expect(mail.attachments.map((a) => [a.filename, a.size])).toEqual([["zappa_av1.jpg", 2937], ["bookmark.htm", 85805]]);
    expect(mail.attachments[0]!.content.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // a JPEG
    expect(mail.attachments.some((a) => a.filename === "winmail.dat")).toBe(false);
    expect(mail.text.split("\n").filter(Boolean)).toEqual(Array(6).fill("Casdasdfasdfasd"));
    expect(mail.html).toBeNull();
  });

  it("keeps a winmail.dat it cannot read as an attachment", async () => {
    const raw = rawMail("outlook-winmail-tnef.eml").toString("latin1").replace(/\n\neJ8\+/, "\n\nAAAA");
    const mail = await readMessage(Buffer.from(raw, "latin1"));
    expect(mail.attachments.map((a) => a.filename)).toEqual(["winmail.dat"]);
    expect(mail.text).toBe("");
  });

  it("reads nested multiparts: the alternative's text and html, the related image, the mixed files and a forwarded mail", async () => {
    const mail = await readMessage(rawMail("nested-multipart.eml"));
    expect(mail.subject).toBe("Écran bleu au démarrage du poste ACCUEIL-03");
    expect(mail.text).toContain("affiche un écran bleu à chaque démarrage depuis la mise à jour de cette nuit.");
    expect(mail.text).not.toContain("Trojan"); // the forwarded mail's text stays in its attachment
    expect(mail.html).toContain('src="cid:D41C8E2A-7B3F-4E19-A5C6-9F0D2B1E4A77"');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.inline, a.contentId])).toEqual([
      ["IMG_2041.png", "image/png", true, "D41C8E2A-7B3F-4E19-A5C6-9F0D2B1E4A77"],
      ["Rapport antivirus.pdf", "application/pdf", false, null],
      ["Alerte antivirus.eml", "message/rfc822", false, null],
    ]);
    expect(mail.attachments[2]!.content.toString()).toContain("Trojan.GenericKD");
  });

  it("converts an HTML-only message to text without scripts, styles or tracking images, and keeps the html as received", async () => {
    const mail = await readMessage(rawMail("html-only.eml"));
    expect(mail.text).toBe(
      [
        "Nouvelle demande",
        "",
        "Bonjour,",
        "Merci de créer un compte pour Chloé Roux, stagiaire du 1er au 19 décembre.",
        "",
        "Nom\tRoux",
        "Prénom\tChloé",
        "Service\tComptabilité & paie",
        "",
        "Voir le dossier [https://portail.fournisseur-logiciel.com/d/8841].",
      ].join("\n"),
    );
    expect(mail.text).not.toMatch(/document|alert|color|pixel/);
    expect(mail.html).toContain("<script>"); // not sanitized here, on purpose
  });

  it("decodes ISO-8859-1 quoted-printable, raw 8-bit and Windows-1252 base64 bodies and subjects", async () => {
    const qp = await readMessage(rawMail("latin1-quoted-printable.eml"));
    expect(qp.subject).toBe("Lecteur de badges en panne à l'accueil (bâtiment B)");
    expect(qp.from).toEqual({ address: "andre.lefebvre@lycee-schweitzer.fr", name: "André Lefèbvre" });
    expect(qp.text).toContain("Les employés doivent sonner à l'accueil ; c'est très gênant le matin.");
    expect(qp.text).not.toContain("\r");

    const eightBit = await readMessage(rawMail("latin1-8bit.eml"));
    expect(eightBit.text).toContain("Le scanner du 1er étage affiche « Erreur 0x7E ». Où faut-il");

    const cp1252 = await readMessage(rawMail("windows1252-base64.eml"));
    expect(cp1252.subject).toBe("Devis écran – 289 €");
    expect(cp1252.text).toContain("Le devis pour l’écran 27” est de 289 € HT ; l’œil de la photocopieuse…");
  });

  it("decodes a subject split in Base64 and Q encoded-words, and group addresses", async () => {
    const mail = await readMessage(rawMail("encoded-subject.eml"));
    expect(mail.subject).toBe("TR: Fwd: 🔥 Serveur de fichiers saturé – plus que 2\u00a0Go");
    expect(mail.from).toEqual({ address: "elodie.muller@acme-industrie.fr", name: "Élodie Müller" });
    expect(mail.to.map((to) => to.address)).toEqual(["support@vigie.example.fr", "reseau@acme-industrie.fr"]);
    expect(mail.cc.map((cc) => cc.address)).toEqual(["chef.service@acme-industrie.fr", "adjoint@acme-industrie.fr"]);
  });

  it("names unnamed attachments and reads a bounce without failing", async () => {
    const mail = await readMessage(rawMail("bounce-postfix.eml"));
    expect(mail.from?.address).toBe("mailer-daemon@mx1.vigie.example.fr");
    expect(mail.headers["return-path"]).toBe("<>");
    expect(mail.date).toBe("2026-11-23T09:20:14.000Z"); // "(CET)" comment after the zone
    expect(mail.attachments).toMatchObject([{ contentType: "text/rfc822-headers", filename: "message-headers.txt" }]);
  });

  it("refuses a message over the size limit before parsing it", async () => {
    const raw = rawMail("html-only.eml");
    await expect(readMessage(raw, raw.length - 1)).rejects.toMatchObject({ code: "MAIL_TOO_LARGE" });
    await expect(readMessage(raw, raw.length - 1)).rejects.toBeInstanceOf(InboundMailError);
    await expect(readMessage(raw, raw.length)).resolves.toMatchObject({ subject: "Demande d'ouverture de compte pour une stagiaire" });
  });

  it("gives what it can read from broken or empty input instead of throwing", async () => {
    const empty = await readMessage(Buffer.alloc(0));
    expect(empty).toMatchObject({ messageId: null, from: null, subject: "", text: "", html: null, date: null, to: [] });

    const noBody = await readMessage(Buffer.from("From: a@example.com\r\nSubject: vide\r\nDate: not a date\r\n\r\n"));
    expect(noBody).toMatchObject({ from: { address: "a@example.com", name: "" }, subject: "vide", text: "", date: null });

    // A multipart whose closing boundary never comes, and a part with an unknown charset.
    const broken = Buffer.from(
      'From: b@example.com\r\nContent-Type: multipart/mixed; boundary="zz"\r\n\r\n--zz\r\n' +
        "Content-Type: text/plain; charset=x-unknown-charset\r\n\r\nle texte reste lisible\r\n--zz\r\nContent-Type: applic",
    );
    expect((await readMessage(broken)).text).toContain("le texte reste lisible");
  });

  it("turns a message the parser gives up on into MAIL_UNREADABLE", async () => {
    // More MIME parts than mailparser accepts (1000): a zip bomb of parts, refused as a typed error.
    const parts = Array.from({ length: 1100 }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join("");
    const raw = Buffer.from(`From: c@example.com\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}--b--\r\n`);
    await expect(readMessage(raw)).rejects.toMatchObject({ name: "InboundMailError", code: "MAIL_UNREADABLE" });
  });
});
