import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { KbArticle, KbDiff } from "../../../shared/api/kb.js";
import { STARTER_EN } from "./starter/starter-en.js";
import { STARTER_FR } from "./starter/starter-fr.js";

type Caller = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("knowledge base API on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let lyonSite: number;
  let writer: Caller;
  let supervisor: Caller;
  let parisTech: Caller;
  let siteTech: Caller;
  let requester: Caller;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    lyonSite = (await makeEntity(t.db, lyon, "Lyon Gerland")).id;
    writer = await signedInUser(t, { entityId: lyon, role: "technician" });
    supervisor = await signedInUser(t, { entityId: lyon, role: "supervisor" });
    parisTech = await signedInUser(t, { entityId: paris, role: "technician" });
    siteTech = await signedInUser(t, { entityId: lyonSite, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const write = async (payload: object, cookie = writer.cookie): Promise<KbArticle> => {
    const res = await call(cookie, "POST", "/api/kb/articles", { kind: "article", body: "", entityId: lyon, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const publish = async (a: KbArticle): Promise<KbArticle> => {
    const res = await call(supervisor.cookie, "POST", `/api/kb/articles/${a.id}/status`, { status: "published", version: a.version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const ids = async (cookie: string, query = "") => {
    const res = await call(cookie, "GET", `/api/kb/articles${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().data as { id: number }[]).map((a) => a.id);
  };

  it("writes a draft whose Markdown is rendered with its code block, and lists it with its filters", async () => {
    const a = await write({ title: "Vider la file d'impression", body: "Étapes :\n\n```bat\nnet stop spooler\n```", tags: ["Imprimante"] });
    expect(a.status).toBe("draft");
    expect(a.revision).toBe(1);
    expect(a.tags).toEqual(["imprimante"]);
    expect(a.bodyHtml).toContain('<pre><code class="language-bat">net stop spooler');
    expect(a.canWrite).toBe(true);
    expect(a.canManage).toBe(false);
    expect(await ids(writer.cookie, "?q=FILE")).toContain(a.id);
    expect(await ids(writer.cookie, "?tag=imprimante&status=draft")).toContain(a.id);
    expect(await ids(writer.cookie, "?status=published")).not.toContain(a.id);
  });

  it("lets only kb.manage publish, and a requester read only published portal articles", async () => {
    const internal = await publish(await write({ title: "Procédure interne", audience: "internal" }));
    const faqDraft = await write({ title: "FAQ brouillon", audience: "portal" });
    const faq = await write({ title: "FAQ publiée", audience: "portal" });
    const refused = await call(writer.cookie, "POST", `/api/kb/articles/${faq.id}/status`, { status: "published", version: faq.version });
    expect(refused.statusCode).toBe(403);
    const published = await publish(faq);
    expect(published.publishedAt).not.toBeNull();
    expect(published.reviewDueAt).not.toBeNull();

    const seen = await ids(requester.cookie);
    expect(seen).toContain(faq.id);
    expect(seen).not.toContain(internal.id);
    expect(seen).not.toContain(faqDraft.id);
    expect((await call(requester.cookie, "GET", `/api/kb/articles/${internal.id}`)).statusCode).toBe(403);
    expect((await call(requester.cookie, "GET", `/api/kb/articles/${faqDraft.id}`)).statusCode).toBe(403);
    const read = await call(requester.cookie, "GET", `/api/kb/articles/${faq.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().canWrite).toBe(false);
    // Revisions are the staff's, even of an article the requester reads.
    expect((await call(requester.cookie, "GET", `/api/kb/articles/${faq.id}/revisions`)).statusCode).toBe(403);
    expect((await call(requester.cookie, "PATCH", `/api/kb/articles/${faq.id}`, { title: "x", version: published.version })).statusCode).toBe(403);
  });

  it("shows a recursive article in sub-entities and a non-recursive one only in its entity", async () => {
    const local = await write({ title: "Seulement à Lyon", isRecursive: false });
    const shared = await write({ title: "Pour Lyon et ses sites", isRecursive: true });
    expect(await ids(parisTech.cookie)).not.toContain(local.id);
    expect((await call(parisTech.cookie, "GET", `/api/kb/articles/${local.id}`)).statusCode).toBe(403);
    expect((await call(parisTech.cookie, "GET", `/api/kb/articles/${shared.id}`)).statusCode).toBe(403);
    const site = await ids(siteTech.cookie);
    expect(site).toContain(shared.id);
    expect(site).not.toContain(local.id);
    expect((await call(siteTech.cookie, "GET", `/api/kb/articles/${local.id}`)).statusCode).toBe(403);
    // Reading is not writing: the site's technician holds kb.write in the site, not in Lyon.
    expect((await call(siteTech.cookie, "PATCH", `/api/kb/articles/${shared.id}`, { title: "x", version: shared.version })).statusCode).toBe(403);
  });

  it("keeps every save as a revision, shows the diff, restores an old one and refuses a stale save", async () => {
    const a = await write({ title: "Redémarrer le VPN", body: "Ligne 1\nLigne 2\n" });
    const saved = await call(writer.cookie, "PATCH", `/api/kb/articles/${a.id}`, { title: "Redémarrer le client VPN", body: "Ligne 1\nLigne 2 corrigée\n", version: a.version });
    expect(saved.statusCode, saved.body).toBe(200);
    const v2: KbArticle = saved.json();
    expect(v2.revision).toBe(2);

    const stale = await call(writer.cookie, "PATCH", `/api/kb/articles/${a.id}`, { body: "écrasement", version: a.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("KB_ARTICLE_VERSION_CONFLICT");

    const diff: KbDiff = (await call(writer.cookie, "GET", `/api/kb/articles/${a.id}/diff?from=1&to=2`)).json();
    const body = diff.fields.find((f) => f.field === "body");
    expect(body?.parts).toContainEqual({ value: "Ligne 2\n", change: "removed" });
    expect(body?.parts).toContainEqual({ value: "Ligne 2 corrigée\n", change: "added" });
    expect(diff.fields.find((f) => f.field === "title")?.parts).toContainEqual({ value: "client ", change: "added" });

    const restored = await call(writer.cookie, "POST", `/api/kb/articles/${a.id}/revisions/1/restore`, { version: v2.version });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ title: "Redémarrer le VPN", body: "Ligne 1\nLigne 2\n", revision: 3 });
    const revisions = (await call(writer.cookie, "GET", `/api/kb/articles/${a.id}/revisions`)).json().data;
    expect(revisions.map((r: { number: number }) => r.number)).toEqual([3, 2, 1]);
    expect((await call(writer.cookie, "GET", `/api/kb/articles/${a.id}/revisions/9`)).statusCode).toBe(404);
    const history = (await call(t.adminCookie, "GET", `/api/history/kb_article/${a.id}`)).json().data;
    expect(history.some((h: { field: string }) => h.field === "revision")).toBe(true);
  });

  it("counts one vote per reader, changeable, and one view per reader and day", async () => {
    const a = await publish(await write({ title: "Wi-Fi", audience: "portal" }));
    await call(requester.cookie, "PUT", `/api/kb/articles/${a.id}/vote`, { useful: false });
    await call(requester.cookie, "PUT", `/api/kb/articles/${a.id}/vote`, { useful: true });
    const voted = await call(writer.cookie, "PUT", `/api/kb/articles/${a.id}/vote`, { useful: false });
    expect(voted.json().votes).toEqual({ useful: 1, notUseful: 1, mine: false });
    await call(requester.cookie, "GET", `/api/kb/articles/${a.id}`);
    const again = await call(requester.cookie, "GET", `/api/kb/articles/${a.id}`);
    expect(again.json().viewCount).toBe(1);
    expect((await call(writer.cookie, "GET", `/api/kb/articles/${a.id}`)).json().viewCount).toBe(2);
  });

  it("removes scripts, event handlers and javascript: links from article HTML", async () => {
    const a = await write({ title: "XSS", body: [
      "<script>alert(1)</script>", "", "<img src=x onerror=alert(2)>", "", "[clic](javascript:alert(3))", "",
      '<a href="JaVaScRiPt:alert(4)">a</a> <svg onload=alert(5)></svg> <iframe src="https://evil.example"></iframe>', "",
      "![ok](/api/attachments/12) ![ko](https://evil.example/x.png)",
    ].join("\n") });
    expect(a.bodyHtml).not.toMatch(/<script|onerror|onload|javascript:|<svg|<iframe|evil\.example/i);
    expect(a.bodyHtml).toContain('<img src="/api/attachments/12" alt="ok" />');
    const preview = await call(writer.cookie, "POST", "/api/kb/preview", { body: "<b onclick=alert(1)>gras</b>" });
    expect(preview.json().html).toBe("<p><b>gras</b></p>");
  });

  it("drafts a known error from a solved ticket the caller reads, and links it", async () => {
    const created = await call(writer.cookie, "POST", "/api/tickets", { title: "Outlook demande le mot de passe", entityId: lyon,
      description: "<p>Depuis ce matin Outlook redemande le <b>mot de passe</b>.</p>" });
    const ticket = created.json();
    expect((await call(writer.cookie, "GET", `/api/tickets/${ticket.id}/kb-draft`)).json().error.code).toBe("KB_TICKET_NOT_SOLVED");
    await call(writer.cookie, "POST", `/api/tickets/${ticket.id}/solution`, { version: ticket.version, content: "<p>Supprimer l'identifiant enregistré.</p>" });
    expect((await call(parisTech.cookie, "GET", `/api/tickets/${ticket.id}/kb-draft`)).statusCode).toBe(403);
    const draft = (await call(writer.cookie, "GET", `/api/tickets/${ticket.id}/kb-draft`)).json();
    expect(draft).toMatchObject({ kind: "known_error", title: "Outlook demande le mot de passe", entityId: lyon, ticketIds: [ticket.id],
      symptom: "Depuis ce matin Outlook redemande le mot de passe.", fix: "Supprimer l'identifiant enregistré." });
    const saved = await write({ ...draft, body: draft.body });
    expect(saved.tickets.map((x) => x.id)).toEqual([ticket.id]);
    expect(saved.fix).toBe("Supprimer l'identifiant enregistré.");
  });

  it("links a known error to ticket categories, asset models and software, and refuses unknown ones", async () => {
    const category = (await call(t.adminCookie, "POST", "/api/categories", { name: "Messagerie", entityId: lyon })).json();
    const at = new Date().toISOString();
    const software = await t.db.insertInto("software").values({ name: "Outlook", publisher: "Microsoft", name_key: "microsoft|outlook", created_at: at })
      .returning("id").executeTakeFirstOrThrow();
    const a = await write({ kind: "known_error", title: "Outlook boucle", symptom: "Mot de passe redemandé", fix: "Vider l'identifiant",
      targets: [{ type: "ticket_category", id: category.id }, { type: "software", id: software.id }] });
    expect(a.targets).toEqual(expect.arrayContaining([
      { type: "ticket_category", id: category.id, name: "Messagerie" }, { type: "software", id: software.id, name: "Outlook" }]));
    const unknown = await call(writer.cookie, "PATCH", `/api/kb/articles/${a.id}`, { version: a.version, targets: [{ type: "asset_model", id: 999999 }] });
    expect(unknown.statusCode).toBe(400);
    // An article is no known error: its known-error fields and targets go.
    const plain = (await call(writer.cookie, "PATCH", `/api/kb/articles/${a.id}`, { version: a.version, kind: "article" })).json();
    expect(plain).toMatchObject({ kind: "article", symptom: null, fix: null, targets: [] });
  });

  it("loads the starter library once, in French and English, for kb.manage of the root", async () => {
    expect((await call(supervisor.cookie, "POST", "/api/kb/starter")).statusCode).toBe(403);
    const first = await call(t.adminCookie, "POST", "/api/kb/starter");
    expect(first.json().added).toBeGreaterThanOrEqual(18);
    const second = await call(t.adminCookie, "POST", "/api/kb/starter");
    expect(second.json()).toEqual({ added: 0, alreadyThere: first.json().added });
    const fr = await ids(requester.cookie, "?language=fr&limit=100");
    const en = await ids(requester.cookie, "?language=en&limit=100");
    // The requester reads the self-help ones (audience portal); the earlier tests' French FAQ articles add to the French list.
    const portal = (lib: { audience: string }[]) => lib.filter((a) => a.audience === "portal").length;
    expect(en.length).toBe(portal(STARTER_EN));
    expect(fr.length).toBe(portal(STARTER_FR) + 2);
    const categories = (await call(requester.cookie, "GET", "/api/kb/categories")).json().data;
    expect(categories.map((c: { name: string }) => c.name)).toContain("Réseau");
    // Counted in one language, the French categories hold no English article.
    const english = (await call(requester.cookie, "GET", "/api/kb/categories?language=en")).json().data as { name: string; articleCount: number }[];
    expect(english.find((c) => c.name === "Réseau")?.articleCount).toBe(0);
    expect(english.find((c) => c.name === "Network")?.articleCount).toBe(2);
  });

  it("manages categories with kb.manage and refuses to delete one in use", async () => {
    expect((await call(writer.cookie, "POST", "/api/kb/categories", { name: "Téléphonie", entityId: lyon })).statusCode).toBe(403);
    const top = (await call(supervisor.cookie, "POST", "/api/kb/categories", { name: "Téléphonie", entityId: lyon })).json();
    const sub = (await call(supervisor.cookie, "POST", "/api/kb/categories", { name: "Softphone", parentId: top.id })).json();
    expect(sub.completeName).toBe("Téléphonie > Softphone");
    expect((await call(supervisor.cookie, "PATCH", `/api/kb/categories/${top.id}`, { parentId: sub.id })).statusCode).toBe(409);
    await write({ title: "Casque", categoryId: sub.id });
    expect((await call(supervisor.cookie, "DELETE", `/api/kb/categories/${sub.id}`)).json().error.code).toBe("KB_CATEGORY_NOT_EMPTY");
    expect((await call(parisTech.cookie, "POST", "/api/kb/articles", { kind: "article", title: "x", body: "", entityId: paris, categoryId: sub.id })).statusCode).toBe(400);
  });
});
