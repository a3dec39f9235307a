import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jsQRModule from "jsqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { SHEETS, mm } from "./label-layouts.js";

type Caller = { cookie: string };

/** jsqr is CommonJS: under Node its module object is the function itself (TypeScript sees the namespace). */
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Poppler renders and reads the PDF the way a viewer would; without it those checks are skipped (a failure under CI). */
function hasPoppler(): boolean {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    if (process.env.CI === "true") throw new Error("pdftoppm (Debian package poppler-utils) is needed by the label tests");
    console.warn("label tests: pdftoppm (poppler-utils) is missing, the PDF is not rendered nor its QR codes decoded");
    return false;
  }
}
const POPPLER = hasPoppler();

function withPdf<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "vigie-labels-"));
  try {
    const file = path.join(dir, "labels.pdf");
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pageCount(pdf: Buffer): number {
  if (POPPLER) return withPdf(pdf, (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())?.[1]));
  return (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
}

/** Renders page 1 at 200 dpi and decodes the QR code of its first label. */
function firstQr(pdf: Buffer, layout: keyof typeof SHEETS): string | undefined {
  return withPdf(pdf, (file, dir) => {
    execFileSync("pdftoppm", ["-r", "200", "-f", "1", "-l", "1", "-singlefile", file, path.join(dir, "page")]);
    const ppm = readFileSync(path.join(dir, "page.ppm"));
    const [, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString("latin1", 0, 40)) ?? [];
    const header = ppm.toString("latin1", 0, 40).match(/^P6\s+\d+\s+\d+\s+255\s/)![0].length;
    const width = Number(w);
    const sheet = SHEETS[layout];
    const px = (v: number) => Math.round((v * 200) / 72);
    const [x0, y0, cw, ch] = [px(mm(sheet.left)), px(mm(sheet.top)), px(mm(sheet.width)), px(mm(sheet.height))];
    const rgba = new Uint8ClampedArray(cw * ch * 4);
    for (let y = 0; y < ch; y++) {
      for (let x = 0; x < cw; x++) {
        const src = header + ((y0 + y) * width + (x0 + x)) * 3;
        rgba.set([ppm[src]!, ppm[src + 1]!, ppm[src + 2]!, 255], (y * cw + x) * 4);
      }
    }
    expect(Number(h)).toBeGreaterThan(y0 + ch);
    return jsQR(rgba, cw, ch)?.data;
  });
}

describe.each(DIALECTS)("asset labels on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let tech: Caller;
  let requester: Caller;
  const lyonAssets: number[] = [];
  let parisAsset: number;

  async function makeAsset(entityId: number, tag: string, name: string): Promise<number> {
    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const row = await t.db.insertInto("asset").values({ entity_id: entityId, kind_id: kind.id, name, asset_tag: tag, status: "in_use",
      version: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Clinique de Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Cabinet de Paris")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    for (let n = 1; n <= 70; n++) {
      lyonAssets.push(await makeAsset(lyon, `PC-2026-${String(n).padStart(5, "0")}`, n === 1 ? "Portable Dell Latitude 5440 de l'accueil — Élodie Lefèvre" : `Poste ${n}`));
    }
    parisAsset = await makeAsset(paris, "PC-2026-90001", "Poste secret");
  });
  afterAll(async () => { await t.close(); });

  const labels = (cookie: string, payload: object) =>
    t.app.inject({ method: "POST", url: "/api/assets/labels", headers: { cookie }, payload });

  it("answers a PDF of A4 sheets, one page per sheet of labels, with tag, name and entity", async () => {
    const res = await labels(tech.cookie, { assetIds: lyonAssets.slice(0, 22), layout: "L7160" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="etiquettes-L7160-\d{4}-\d{2}-\d{2}\.pdf"/);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pageCount(pdf)).toBe(2);
    if (!POPPLER) return;
    const text = withPdf(pdf, (file) => execFileSync("pdftotext", ["-layout", file, "-"]).toString());
    expect(text).toContain("PC-2026-00001");
    expect(text).toContain("PC-2026-00022");
    expect(text).toContain("Clinique de Lyon");
    expect(text).toMatch(/Portable Dell Latitude/);
  });

  it("prints a QR code that opens the asset's page", async () => {
    if (!POPPLER) return;
    for (const layout of ["L7160", "L7163", "L7651", "3x8"] as const) {
      const res = await labels(tech.cookie, { assetIds: [lyonAssets[4]], layout });
      expect(res.statusCode, res.body).toBe(200);
      expect(firstQr(res.rawPayload, layout), layout).toBe(`http://localhost:80/assets/${lyonAssets[4]}`);
    }
  });

  it("fits 65 tags on a sheet of the tiny layout, and each asset once", async () => {
    const res = await labels(tech.cookie, { assetIds: [...lyonAssets.slice(0, 66), lyonAssets[0]], layout: "L7651" });
    expect(res.statusCode, res.body).toBe(200);
    expect(pageCount(res.rawPayload)).toBe(2);
    const res3x8 = await labels(tech.cookie, { assetIds: lyonAssets.slice(0, 24), layout: "3x8" });
    expect(pageCount(res3x8.rawPayload)).toBe(1);
  });

  it("answers 404 for the whole sheet when one asset is another entity's, 403 without asset rights, 400 for a bad request", async () => {
    const other = await labels(tech.cookie, { assetIds: [lyonAssets[0], parisAsset] });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe("ASSET_NOT_FOUND");
    expect(other.body).not.toContain("secret");
    expect((await labels(t.adminCookie, { assetIds: [parisAsset] })).statusCode).toBe(200);
    expect((await labels(requester.cookie, { assetIds: [lyonAssets[0]] })).statusCode).toBe(403);
    expect((await labels(tech.cookie, { assetIds: [] })).statusCode).toBe(400);
    expect((await labels(tech.cookie, { assetIds: [1], layout: "L9999" })).statusCode).toBe(400);
    expect((await labels(tech.cookie, { assetIds: Array.from({ length: 2001 }, (_v, i) => i + 1) })).statusCode).toBe(400);
  });

  it("finds an asset by its tag, typed in any case, among the caller's entities only", async () => {
    const byTag = (cookie: string, tag: string) => t.app.inject({ url: `/api/assets/by-tag/${encodeURIComponent(tag)}`, headers: { cookie } });
    expect((await byTag(tech.cookie, "PC-2026-00003")).json()).toEqual({ id: lyonAssets[2] });
    expect((await byTag(tech.cookie, "pc-2026-00003")).json()).toEqual({ id: lyonAssets[2] });
    expect((await byTag(tech.cookie, "PC-2026-90001")).statusCode).toBe(404);
    expect((await byTag(t.adminCookie, "PC-2026-90001")).json()).toEqual({ id: parisAsset });
    expect((await byTag(requester.cookie, "PC-2026-00003")).statusCode).toBe(403);
  });
});
