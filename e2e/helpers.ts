import type { BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Opens a Mantine Select by its label inside `within` (a dialog, the page's main area),
 * types to search, and picks the option (options live in a portal, hence `page`).
 */
export async function pickOption(
  page: Page,
  within: Locator,
  label: RegExp,
  search: string,
  option: string | RegExp,
): Promise<void> {
  const input = within.getByRole("combobox", { name: label }).first();
  await input.click();
  await input.fill(search);
  await page.getByRole("option", { name: option }).first().click();
}

/** A JSON call with a session cookie, for preparing data through the API. */
export async function apiCall<T>(
  baseUrl: string,
  path: string,
  options: { method?: string; body?: unknown; cookie?: string } = {},
): Promise<{ status: number; body: T; cookie?: string }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? "GET",
    headers: {
      ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const setCookie = response.headers.get("set-cookie");
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    cookie: setCookie ? setCookie.split(";")[0] : undefined,
  };
}

/** Fails the test with the body when an API call used for preparing data did not succeed. */
export async function ok<T>(call: Promise<{ status: number; body: T }>): Promise<T> {
  const result = await call;
  expect(result.status, JSON.stringify(result.body)).toBeLessThan(300);
  return result.body;
}

/** Signs in through the login page (French or English), from a clean slate, and waits to leave it. */
export async function signInAs(browser: { page: Page; context: BrowserContext }, baseUrl: string, person: { login: string; password: string }) {
  const { page, context } = browser;
  await context.clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^(Identifiant|Login)/).fill(person.login);
  await page.getByLabel(/^(Mot de passe|Password)/).fill(person.password);
  await page.getByRole("button", { name: /^(Se connecter|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Saves the list's filters and columns as a view (the French screen), and waits until it is the current one. */
export async function saveViewAs(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: "+ Enregistrer cette vue" }).click();
  const dialog = page.getByRole("dialog", { name: "Enregistrer la vue" });
  await dialog.getByLabel(/^Nom de la vue/).fill(name);
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText(`Vue « ${name} » enregistrée`).waitFor();
  await page.getByRole("button", { name, pressed: true }).waitFor();
}
