import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCompoundFile, makeDocx, makeExe, makePng, makeZip } from "../../../../test/file-samples.js";
import { classifyFile } from "./file-kind.js";
import { cleanFileName } from "./upload-receiver.js";
import { contentDisposition } from "./attachment.routes.js";

describe("classifyFile", () => {
  let dir: string;
  let n = 0;
  beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-kind-")); });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  async function classify(name: string, content: Buffer | string) {
    const file = path.join(dir, `sample-${++n}`);
    await fs.writeFile(file, content);
    return classifyFile(file, name);
  }
  async function refused(name: string, content: Buffer | string) {
    await expect(classify(name, content)).rejects.toMatchObject({ code: "FILE_TYPE_REFUSED" });
  }

  it("takes the type from the bytes and fixes a name that lies about it", async () => {
    expect(await classify("écran.png", makePng())).toEqual({ contentType: "image/png", fileName: "écran.png", isImage: true });
    expect(await classify("capture", makePng())).toMatchObject({ contentType: "image/png", fileName: "capture.png" });
    expect(await classify("photo.exe", makePng())).toMatchObject({ contentType: "image/png", fileName: "photo.exe.png" });
    expect(await classify("scan.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])))
      .toMatchObject({ contentType: "image/jpeg", isImage: true });
    expect(await classify("facture.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"))
      .toMatchObject({ contentType: "application/pdf", isImage: false });
  });

  it("recognises Office documents and archives, and refuses other containers", async () => {
    expect(await classify("rapport.docx", makeDocx("Bonjour"))).toMatchObject({
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", isImage: false });
    expect(await classify("logs.zip", makeZip([{ name: "a.txt", content: "x" }]))).toMatchObject({ contentType: "application/zip" });
    await refused("outil.zip", makeZip([{ name: "META-INF/MANIFEST.MF", content: "Manifest-Version: 1.0\n" }]));
  });

  it("accepts an old .doc or .msg only when the container holds their streams (an .msi renamed .doc is refused)", async () => {
    expect(await classify("courrier.doc", makeCompoundFile("WordDocument"))).toMatchObject({ contentType: "application/msword" });
    expect(await classify("mail.msg", makeCompoundFile("__substg1.0_0037001F"))).toMatchObject({ contentType: "application/vnd.ms-outlook" });
    await refused("setup.doc", makeCompoundFile("\u4840\u3f3f\u4577"));
    await refused("setup.msi", makeCompoundFile("WordDocument"));
  });

  it("accepts plain UTF-8 text, CSV and logs", async () => {
    expect(await classify("export.csv", "nom;poste\nDurand;Accueil\n")).toMatchObject({ contentType: "text/csv; charset=utf-8" });
    expect(await classify("vigie.log", "\uFEFF2026-01-12 08:00 démarrage\n<134> syslog line\n")).toMatchObject({ contentType: "text/plain; charset=utf-8" });
  });

  it("refuses pages, SVG, scripts and executables, whatever their name", async () => {
    await refused("capture.png", "<!doctype html><html><script>alert(document.cookie)</script></html>");
    await refused("capture.png", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    await refused("notes.txt", "  <svg onload=alert(1)>");
    await refused("notes.txt", "Bonjour\n<script src=//evil.example/x.js></script>");
    await refused("install.txt", "#!/bin/sh\nrm -rf ~\n");
    await refused("run.bat", "@echo off\r\nformat c:\r\n");
    await refused("outil.exe", makeExe());
    await refused("image.png", makeExe());
    await refused("rapport.txt", Buffer.from("caf\xe9 cr\xe8me", "latin1"));
    await refused("binaire.txt", Buffer.from([0x41, 0x00, 0x42]));
  });
});

describe("file names", () => {
  it("keeps the user's name without folders or control characters", () => {
    expect(cleanFileName("C:\\Users\\léa\\Bureau\\écran 1.png")).toBe("écran 1.png");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\u0000b\"c.txt")).toBe("abc.txt");
    expect(cleanFileName("..")).toBe("fichier");
  });

  it("says the name in UTF-8 (RFC 5987) with an ASCII fallback", () => {
    expect(contentDisposition("attachment", "Relevé d'écran (1).png"))
      .toBe("attachment; filename=\"Releve d'ecran (1).png\"; filename*=UTF-8''Relev%C3%A9%20d%27%C3%A9cran%20%281%29.png");
    expect(contentDisposition("inline", "\"x\".png")).toBe("inline; filename=\"_x_.png\"; filename*=UTF-8''%22x%22.png");
  });
});
