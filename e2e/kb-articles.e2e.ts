import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { KbArticle } from "../src/shared/api/kb.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const SUPERVISOR = { login: "paul.martin", password: "superviseur-kb-2026!", firstName: "Paul", lastName: "Martin", language: "fr" };
const REQUESTER = { login: "lea.petit", password: "demandeuse-faq-2026!", firstName: "Léa", lastName: "Petit", language: "en" };

/** Stored-XSS attempts an article author might slip into Markdown: each would set window.__xss or open a dialog if it ran. */
const XSS_CORPUS = [
  "# Corpus XSS",
  "<script>window.__xss = 1; alert('script')</script>",
  "",
  "<img src=x onerror=\"window.__xss = 2; alert('img')\">",
  "",
  "[lien](javascript:window.__xss=3;alert('lien'))",
  "",
  "<a href=\"JaVaScRiPt:window.__xss=4\">majuscules</a> <svg onload=\"window.__xss=5\"></svg>",
  "",
  "<iframe src=\"javascript:parent.__xss=6\"></iframe> <details open ontoggle=\"window.__xss=7\">x</details>",
  "",
  "<style>body { display: none }</style> <form action=\"javascript:window.__xss=8\"><button>go</button></form>",
  "",
  "![img](x\" onerror=\"window.__xss=9)",
].join("\n");

describe.skipIf(missing !== undefined)("knowledge base articles", () => {
  let server: TestServer;
  let desk: Browser;
  let adminCookie: string;
  let rootId: number;

  const makeUser = async (person: typeof SUPERVISOR, role: "supervisor" | "requester") => {
    const user = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie: adminCookie,
      body: { ...person, email: `${person.login}@durand.example`, entityId: rootId } }));
    await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie: adminCookie, body: { userId: user.id, entityId: rootId, role, recursive: true } }));
  };
  const publishedArticle = async (body: object): Promise<KbArticle> => {
    const a = await ok(apiCall<KbArticle>(server.url, "/api/kb/articles", { method: "POST", cookie: adminCookie, body: { kind: "article", ...body } }));
    return ok(apiCall<KbArticle>(server.url, `/api/kb/articles/${a.id}/status`, { method: "POST", cookie: adminCookie, body: { status: "published", version: a.version } }));
  };

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    adminCookie = login.cookie ?? "";
    rootId = login.body.entityId;
    await makeUser(SUPERVISOR, "supervisor");
    await makeUser(REQUESTER, "requester");
    desk = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `kb-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
  });

  it("a supervisor loads the starter library from the empty KB home", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, SUPERVISOR);
    await page.goto(`${server.url}/kb`);
    await page.getByText("La base de connaissances est vide.").waitFor();
    await page.getByRole("button", { name: "Charger la bibliothèque de départ" }).click();
    await page.getByText(/articles ajoutés/).waitFor();
    await page.getByRole("link", { name: "Pas de réseau ou pas d’accès à Internet" }).waitFor();
    await page.getByRole("navigation", { name: "Catégories" }).getByRole("button", { name: /^Réseau/ }).click();
    // The network category keeps its articles and drops the others (the slow computer is a workstation's).
    await page.getByRole("link", { name: "L’ordinateur est lent" }).waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Le VPN ne se connecte pas" }).waitFor();
    await screenshot(page, "kb-home-fr");
    // Words of the text, not only of the title, find an article (ranked by the search module).
    await page.getByRole("searchbox", { name: "Rechercher" }).fill("spouleur");
    await page.getByRole("link", { name: "L’imprimante n’imprime pas ou la file d’attente est bloquée" }).waitFor();
    await page.locator(".kb-snippet mark").first().waitFor();
  });

  it("a supervisor writes an article with a code block, publishes it, edits it, sees the diff and restores the first text", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, SUPERVISOR);
    await page.goto(`${server.url}/kb`);
    await page.getByRole("heading", { name: "Base de connaissances" }).waitFor();
    await page.getByRole("link", { name: "Nouvel article" }).click();
    await page.getByRole("textbox", { name: "Titre" }).fill("Relancer le spouleur d'impression");
    await page.getByRole("textbox", { name: /^Texte \(Markdown\)/ }).fill("Ouvrir une invite administrateur :\n\n```bat\nnet stop spooler\nnet start spooler\n```\n\nPuis imprimer une page de test.");
    await page.getByRole("tab", { name: "Aperçu" }).click();
    await page.getByTestId("kb-body").locator("pre code").getByText("net stop spooler").waitFor();
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { name: "Relancer le spouleur d'impression" }).waitFor();
    expect(await page.getByTestId("kb-body").locator("pre code.language-bat").textContent()).toContain("net start spooler");

    await page.getByRole("button", { name: "Publier" }).click();
    await page.getByText("Publié", { exact: true }).first().waitFor();

    await page.getByRole("link", { name: "Modifier" }).click();
    await page.getByRole("textbox", { name: /^Texte \(Markdown\)/ }).fill("Ouvrir une invite administrateur :\n\n```bat\nnet stop spooler\nnet start spooler\n```\n\nPuis imprimer deux pages de test.");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Puis imprimer deux pages de test.").waitFor();

    await page.getByRole("tab", { name: "Révisions" }).click();
    await page.getByTestId("diff-old-body").locator("del").getByText("Puis imprimer une page de test.").waitFor();
    await page.getByTestId("diff-new-body").locator("ins").getByText("Puis imprimer deux pages de test.").waitFor();
    await screenshot(page, "kb-revisions-fr");
    await page.getByRole("button", { name: /Restaurer cette révision/ }).click();
    await page.getByText(/Révision 1 restaurée/).waitFor();
    await page.getByRole("tab", { name: "Article" }).click();
    await page.getByText("Puis imprimer une page de test.").waitFor();
    await screenshot(page, "kb-article-fr");
  });

  it("turns a solved ticket's solution into a known-error draft linked to the ticket", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, SUPERVISOR);
    const ticket = await ok(apiCall<{ id: number; version: number }>(server.url, "/api/tickets", { method: "POST", cookie: adminCookie,
      body: { title: "Outlook redemande le mot de passe", description: "Depuis le changement de mot de passe, Outlook le redemande sans cesse.", entityId: rootId } }));
    await ok(apiCall(server.url, `/api/tickets/${ticket.id}/solution`, { method: "POST", cookie: adminCookie,
      body: { version: ticket.version, content: "Supprimer l'identifiant Outlook du Gestionnaire d'identification." } }));
    await page.goto(`${server.url}/tickets/${ticket.id}`);
    await page.getByRole("link", { name: "Transformer en article" }).click();
    await expect.poll(() => page.getByRole("textbox", { name: "Titre" }).inputValue()).toBe("Outlook redemande le mot de passe");
    expect(await page.getByRole("textbox", { name: "Correction" }).inputValue()).toBe("Supprimer l'identifiant Outlook du Gestionnaire d'identification.");
    await screenshot(page, "kb-editor-from-ticket-fr");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { name: "Outlook redemande le mot de passe" }).waitFor();
    await page.getByText("Erreur connue").first().waitFor();
    await page.getByRole("link", { name: `#${ticket.id} Outlook redemande le mot de passe` }).waitFor();
    await screenshot(page, "kb-known-error-fr");
  });

  it("renders a stored-XSS corpus inert in Chromium", async () => {
    const { page } = desk;
    const article = await publishedArticle({ title: "Corpus XSS", body: XSS_CORPUS, audience: "portal" });
    let dialogs = 0;
    page.on("dialog", (dialog) => { dialogs += 1; void dialog.dismiss(); });
    await page.goto(`${server.url}/kb/articles/${article.id}`);
    await page.getByTestId("kb-body").getByRole("heading", { name: "Corpus XSS" }).waitFor();
    await page.getByTestId("kb-body").getByText("majuscules").waitFor();
    // Give any event handler (onerror of a broken image, ontoggle) time to fire.
    await page.waitForTimeout(1000);
    expect(dialogs).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const body = page.getByTestId("kb-body");
    expect(await body.locator("script, iframe, svg, style, form, [onerror], [onload], [ontoggle]").count()).toBe(0);
    expect(await body.locator("a[href^='javascript' i]").count()).toBe(0);
    expect(await page.locator("body").isVisible()).toBe(true);
  });

  it("a requester opens the FAQ from the portal and reads a published portal article, not an internal one", async () => {
    const { page } = desk;
    await publishedArticle({ title: "Reset your Wi-Fi connection", body: "1. Turn Wi-Fi off and on.\n2. **Forget** the network and join it again.", audience: "portal", language: "en" });
    await publishedArticle({ title: "Procédure interne du N2", body: "Réservé aux techniciens.", audience: "internal" });
    await signInAs(desk, server.url, REQUESTER);
    await page.getByRole("link", { name: "Browse help and FAQ" }).click();
    await page.getByRole("heading", { name: "Help and FAQ" }).waitFor();
    await page.getByRole("link", { name: "Reset your Wi-Fi connection" }).waitFor();
    expect(await page.getByText("Procédure interne du N2").count()).toBe(0);
    await page.getByRole("searchbox", { name: "Search the help" }).fill("wi-fi");
    await page.getByRole("link", { name: "Reset your Wi-Fi connection" }).click();
    await page.getByTestId("kb-body").getByText("the network and join it again").waitFor();
    await page.getByRole("button", { name: "Yes" }).click();
    await page.getByText("Thank you for your feedback.").waitFor();
    await screenshot(page, "kb-help-article-en");
  });

  it("a supervisor inserts a screenshot into an article, and a requester sees it in the FAQ", async () => {
    const { page } = desk;
    const article = await ok(apiCall<KbArticle>(server.url, "/api/kb/articles", { method: "POST", cookie: adminCookie,
      body: { kind: "article", title: "Voyant orange sur l’imprimante", body: "Le voyant orange clignote :", audience: "portal" } }));
    await signInAs(desk, server.url, SUPERVISOR);
    await page.goto(`${server.url}/kb/articles/${article.id}/edit`);
    const text = page.getByRole("textbox", { name: /^Texte \(Markdown\)/ });
    await text.click();
    await text.press("Control+End");
    const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 480, height: 160 } });
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Insérer une image" }).click();
    await (await chooser).setFiles([{ name: "voyant-orange.png", mimeType: "image/png", buffer: shot }]);
    await expect.poll(() => text.inputValue()).toMatch(/^Le voyant orange clignote :\n!\[voyant-orange\.png\]\(\/api\/kb\/files\/\d+\?inline=1\)\n$/);
    await page.getByRole("link", { name: "Télécharger voyant-orange.png" }).waitFor();
    await screenshot(page, "kb-editor-image-fr");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { name: "Voyant orange sur l’imprimante" }).waitFor();
    const loaded = () => page.getByTestId("kb-body").getByRole("img", { name: "voyant-orange.png" })
      .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    await expect.poll(loaded).toBe(true);
    await screenshot(page, "kb-article-image-fr");
    await page.getByRole("button", { name: "Publier" }).click();
    await page.getByText("Publié", { exact: true }).first().waitFor();

    await signInAs(desk, server.url, REQUESTER);
    await page.goto(`${server.url}/help/articles/${article.id}`);
    await page.getByRole("heading", { name: "Voyant orange sur l’imprimante" }).waitFor();
    await expect.poll(loaded).toBe(true);
    await screenshot(page, "kb-help-image-en");
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(loaded).toBe(true);
    await screenshot(page, "kb-help-image-phone-en");
    if (desktop) await page.setViewportSize(desktop);

    // The file deleted, the text keeps a labelled placeholder rather than a broken image.
    const [file] = (await ok(apiCall<KbArticle>(server.url, `/api/kb/articles/${article.id}`, { cookie: adminCookie }))).files;
    await ok(apiCall(server.url, `/api/kb/files/${file?.id}`, { method: "DELETE", cookie: adminCookie }));
    await page.reload();
    await page.getByTestId("kb-body").locator(".kb-file-missing").getByText("voyant-orange.png").waitFor();
    await screenshot(page, "kb-help-image-deleted-en");
  });
});
