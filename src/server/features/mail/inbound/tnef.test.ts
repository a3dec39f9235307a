import { describe, expect, it } from "vitest";
import { rawMail } from "../../../../../test/fixtures/mail/load.js";
import { rtfToBody } from "./rtf-text.js";
import { decompressRtf, readTnef } from "./tnef.js";

/** The genuine winmail.dat inside the Outlook fixture. */
function winmailDat(): Buffer {
  const eml = rawMail("outlook-winmail-tnef.eml").toString("latin1");
  const base64 = eml.split('filename="winmail.dat"')[1]!.split("------")[0]!;
  return Buffer.from(base64.replace(/\s+/g, ""), "base64");
}

describe("readTnef", () => {
  it("reads the long file names, the files and the compressed RTF body of a real winmail.dat", () => {
    const content = readTnef(winmailDat())!;
    expect(content.files.map((f) => [f.filename, f.content.length])).toEqual([["zappa_av1.jpg", 2937], ["bookmark.htm", 85805]]);
    expect(content.text).toMatch(/^Casdasdfasdfasd\nCasdasdfasdfasd\n\nCasdasdfasdfasd/);
    expect(content.html).toBeNull();
  });

  it("gives what it read from a truncated file, and null for what is not TNEF", () => {
    const data = winmailDat();
    const cut = readTnef(data.subarray(0, 6000))!;
    // The file's data came before the cut, its long name after: the short name stands in.
    expect(cut.files.map((f) => [f.filename, f.content.length])).toEqual([["ZAPPA_~2.JPG", 2937]]);
    expect(readTnef(data.subarray(0, 3))).toBeNull();
    expect(readTnef(Buffer.from("%PDF-1.4"))).toBeNull();
  });
});

describe("compressed RTF", () => {
  it("takes RTF stored uncompressed (MELA) and gives back the HTML an RTF body encapsulates", () => {
    const rtf = Buffer.from("{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 {\\*\\htmltag64 <p>}Caf\\'e9 {\\*\\htmltag72 </p>}\\htmlrtf {\\b en gras}\\htmlrtf0 }", "latin1");
    const header = Buffer.alloc(16);
    header.writeUInt32LE(rtf.length + 12, 0);
    header.writeUInt32LE(rtf.length, 4);
    header.writeUInt32LE(0x414c454d, 8);
    const body = rtfToBody(decompressRtf(Buffer.concat([header, rtf])));
    expect(body).toEqual({ text: null, html: "<p>Café </p>" });
  });
});
