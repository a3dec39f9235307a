import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { makePng } from "../../../../test/file-samples.js";
import type { KbFile } from "../../../shared/api/kb-files.js";
import type { KbArticle } from "../../../shared/api/kb.js";
import { VIGIE_VERSION } from "../../../shared/domain/version.js";
import { buildApp } from "../../app.js";

type Caller = { user: { id: number }; cookie: string };
type Part = { name: string; content: Buffer | string };

const LIMIT = 100_000;

/** A real multipart/form-data body, encoded by the platform's own FormData. */
async function multipart(files: Part[]) {
  const form = new FormData();
  for (const file of files) form.append("file", new Blob([file.content]), file.name);
  const encoded = new Response(form);
  return { payload: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type") as string };
}

/** Every file under the store, tmp/ included: what a refused upload must not leave behind. */
async function storedFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

describe.each(DIALECTS)("knowledge base files on %s", (dialect) => {
  let t: TestApp;
  let app: FastifyInstance;
  let filesDir: string;
  let lyon: number;
  let writer: Caller;
  let supervisor: Caller;
  let requester: Caller;
  let parisRequester: Caller;
  let parisTech: Caller;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    filesDir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-kb-files-"));
    app = await buildApp({ db: t.db, config: { sessionHours: 12, secureCookies: false, timeZone: "Europe/Paris",
      version: VIGIE_VERSION, filesDir, maxUploadBytes: LIMIT } });
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    const paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    writer = await signedInUser(t, { entityId: lyon, role: "technician" });
    supervisor = await signedInUser(t, { entityId: lyon, role: "supervisor" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    parisRequester = await signedInUser(t, { entityId: paris, role: "requester" });
    parisTech = await signedInUser(t, { entityId: paris, role: "technician" });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await fs.rm(filesDir, { recursive: true, force: true });
  });

  const call = (who: Caller, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });
  const write = async (payload: object): Promise<KbArticle> => {
    const res = await call(writer, "POST", "/api/kb/articles", { kind: "article", body: "", entityId: lyon, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const publish = async (a: KbArticle): Promise<KbArticle> => {
    const res = await call(supervisor, "POST", `/api/kb/articles/${a.id}/status`, { status: "published", version: a.version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const read = async (who: Caller, id: number): Promise<KbArticle> => (await call(who, "GET", `/api/kb/articles/${id}`)).json();
  async function upload(who: Caller, articleId: number, files: Part[]) {
    const { payload, contentType } = await multipart(files);
    return app.inject({ method: "POST", url: `/api/kb/articles/${articleId}/files`, payload,
      headers: { cookie: who.cookie, "content-type": contentType, "x-vigie-upload": "1" } });
  }
  const uploaded = async (articleId: number, file: Part): Promise<KbFile> => {
    const res = await upload(writer, articleId, [file]);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data[0];
  };

  it("uploads a screenshot, shows it in the text and serves it inline to a requester of a published FAQ", async () => {
    const draft = await write({ title: "Imprimante hors ligne", audience: "portal" });
    const png = makePng(12, 8);
    const file = await uploaded(draft.id, { name: "Capture d'écran.png", content: png });
    expect(file).toMatchObject({ articleId: draft.id, fileName: "Capture d'écran.png", contentType: "image/png", size: png.length, isImage: true });

    const saved = await call(writer, "PATCH", `/api/kb/articles/${draft.id}`,
      { version: draft.version, body: `Voyant orange :\n\n![Le voyant](/api/kb/files/${file.id}?inline=1)\n\n![ailleurs](https://evil.example/x.png)` });
    expect(saved.statusCode, saved.body).toBe(200);
    const article = await publish(saved.json());
    expect(article.bodyHtml).toContain(`<img src="/api/kb/files/${file.id}?inline=1" alt="Le voyant" />`);
    expect(article.bodyHtml).not.toContain("evil.example");

    const seen = await read(requester, article.id);
    expect(seen.files.map((f) => f.id)).toEqual([file.id]);
    const image = await call(requester, "GET", `/api/kb/files/${file.id}?inline=1`);
    expect(image.statusCode).toBe(200);
    expect(image.rawPayload.equals(png)).toBe(true);
    expect(image.headers).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff",
      "content-disposition": "inline; filename=\"Capture d'ecran.png\"; filename*=UTF-8''Capture%20d%27%C3%A9cran.png" });
    expect(image.headers["content-security-policy"]).toMatch(/^sandbox;/);

    const history = (await call(writer, "GET", `/api/history/kb_article/${article.id}`)).json();
    expect(history.data.map((h: { action: string; newValue: string | null }) => [h.action, h.newValue])).toContainEqual(["link", "Capture d'écran.png"]);
  });

  it("always downloads a document, even asked inline", async () => {
    const article = await write({ title: "Procédure VPN" });
    const pdf = await uploaded(article.id, { name: "procédure-vpn.pdf", content: "%PDF-1.4\n%%EOF\n" });
    expect(pdf).toMatchObject({ contentType: "application/pdf", isImage: false });
    const res = await call(writer, "GET", `/api/kb/files/${pdf.id}?inline=1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("refuses a program renamed .png, SVG and HTML with 415, and a file over the limit with 413; nothing is stored", async () => {
    const article = await write({ title: "Pièges" });
    const before = await storedFiles(filesDir);
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("This program cannot be run in DOS mode.")]);
    for (const content of [exe, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<html><script>alert(1)</script></html>"]) {
      const res = await upload(writer, article.id, [{ name: "capture.png", content }]);
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json().error.code).toBe("FILE_TYPE_REFUSED");
    }
    const big = await upload(writer, article.id, [{ name: "énorme.png", content: Buffer.concat([makePng(), Buffer.alloc(LIMIT)]) }]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: "FILE_TOO_LARGE", issues: [{ path: "body.file", maximum: LIMIT }] });
    expect((await read(writer, article.id)).files).toEqual([]);
    expect(await storedFiles(filesDir)).toEqual(before);
  });

  it("gives a requester only the files of published portal articles of their entities, and leaks nothing else", async () => {
    const internal = await publish(await write({ title: "Procédure interne", audience: "internal" }));
    const faqDraft = await write({ title: "FAQ brouillon", audience: "portal" });
    const faq = await publish(await write({ title: "FAQ publiée", audience: "portal", isRecursive: false }));
    const secret = await uploaded(internal.id, { name: "mot-de-passe-wifi.png", content: makePng(3, 3) });
    const draftFile = await uploaded(faqDraft.id, { name: "brouillon.png", content: makePng(4, 4) });
    const faqFile = await uploaded(faq.id, { name: "faq.png", content: makePng(5, 5) });

    for (const id of [secret.id, draftFile.id]) {
      const res = await call(requester, "GET", `/api/kb/files/${id}?inline=1`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("KB_FILE_NOT_FOUND");
      expect(res.body).not.toMatch(/mot-de-passe|brouillon/);
    }
    expect((await call(requester, "GET", `/api/kb/files/${faqFile.id}`)).statusCode).toBe(200);
    // The FAQ is Lyon's alone: Paris's requester and technician do not get its file.
    expect((await call(parisRequester, "GET", `/api/kb/files/${faqFile.id}`)).statusCode).toBe(404);
    expect((await call(parisTech, "GET", `/api/kb/files/${secret.id}`)).statusCode).toBe(404);
    // Reading is not editing.
    expect((await upload(requester, faq.id, [{ name: "x.png", content: makePng() }])).statusCode).toBe(403);
    expect((await call(requester, "DELETE", `/api/kb/files/${faqFile.id}`)).statusCode).toBe(403);
    expect((await call(parisTech, "DELETE", `/api/kb/files/${secret.id}`)).statusCode).toBe(404);
    expect((await call(writer, "GET", `/api/kb/files/${secret.id}`)).statusCode).toBe(200);
  });

  it("shows a deleted file's image as a placeholder, in the text and in a restored revision, and records the deletion", async () => {
    const first = await write({ title: "Écran bleu" });
    const shot = await uploaded(first.id, { name: "ecran-bleu.png", content: makePng(6, 6, [0, 0, 200]) });
    const v2 = (await call(writer, "PATCH", `/api/kb/articles/${first.id}`,
      { version: first.version, body: `![Écran bleu](/api/kb/files/${shot.id}?inline=1)` })).json() as KbArticle;
    const v3 = (await call(writer, "PATCH", `/api/kb/articles/${first.id}`, { version: v2.version, body: "Redémarrer." })).json() as KbArticle;

    const removed = await call(writer, "DELETE", `/api/kb/files/${shot.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call(writer, "GET", `/api/kb/files/${shot.id}`)).statusCode).toBe(404);
    expect((await read(writer, first.id)).files).toEqual([]);

    const restored = await call(writer, "POST", `/api/kb/articles/${first.id}/revisions/2/restore`, { version: v3.version });
    expect(restored.statusCode, restored.body).toBe(200);
    const html = (restored.json() as KbArticle).bodyHtml;
    expect(html).toContain('<span class="kb-file-missing">Écran bleu</span>');
    expect(html).not.toContain("<img");
    const history = (await call(writer, "GET", `/api/history/kb_article/${first.id}`)).json();
    expect(history.data.map((h: { action: string; oldValue: string | null }) => [h.action, h.oldValue])).toContainEqual(["unlink", "ecran-bleu.png"]);
  });

  it("removes the stored bytes once no article uses them, and keeps them while another does", async () => {
    const a = await write({ title: "Article A" });
    const b = await write({ title: "Article B" });
    const png = makePng(7, 7, [10, 200, 10]);
    const fileA = await uploaded(a.id, { name: "a.png", content: png });
    const fileB = await uploaded(b.id, { name: "b.png", content: png });
    const row = await t.db.selectFrom("kb_attachment").select("storage_key").where("id", "=", fileA.id).executeTakeFirstOrThrow();
    const stored = path.join(filesDir, "kb", row.storage_key);
    expect((await fs.readFile(stored)).equals(png)).toBe(true);
    expect((await call(writer, "DELETE", `/api/kb/files/${fileA.id}`)).statusCode).toBe(204);
    expect((await call(writer, "GET", `/api/kb/files/${fileB.id}`)).rawPayload.equals(png)).toBe(true);
    expect((await call(writer, "DELETE", `/api/kb/files/${fileB.id}`)).statusCode).toBe(204);
    await expect(fs.access(stored)).rejects.toThrow();
  });

  it("previews an article's own images and refuses a form without the upload header", async () => {
    const article = await write({ title: "Aperçu" });
    const file = await uploaded(article.id, { name: "apercu.png", content: makePng(2, 2) });
    const body = `![ok](/api/kb/files/${file.id}?inline=1)`;
    const own = await call(writer, "POST", "/api/kb/preview", { body, articleId: article.id });
    expect(own.json().html).toContain("<img");
    const fresh = await call(writer, "POST", "/api/kb/preview", { body });
    expect(fresh.json().html).toContain('class="kb-file-missing"');
    const { payload, contentType } = await multipart([{ name: "x.png", content: makePng() }]);
    const noHeader = await app.inject({ method: "POST", url: `/api/kb/articles/${article.id}/files`, payload,
      headers: { cookie: writer.cookie, "content-type": contentType } });
    expect(noHeader.statusCode).toBe(403);
  });
});
