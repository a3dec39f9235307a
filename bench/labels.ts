/**
 * Labels at size: `npx tsx bench/labels.ts` prints how long 1,000 QR-code labels take (target
 * ≤ 5 s), once through the renderer alone and once through POST /api/assets/labels on an
 * in-memory SQLite app (loading the assets, drawing, streaming). VIGIE_BENCH_LABELS changes the count.
 */
import type { Readable } from "node:stream";
import { createTestApp } from "../test/app.js";
import { labelPdf } from "../src/server/features/assets/label-pdf.js";
import { SHEETS } from "../src/server/features/assets/label-layouts.js";
import { LABEL_LAYOUTS } from "../src/shared/api/inventory.js";

const COUNT = Number(process.env.VIGIE_BENCH_LABELS ?? 1000);

async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

const labels = Array.from({ length: COUNT }, (_v, i) => ({ url: `https://vigie.example.fr/assets/${100_000 + i}`,
  tag: `PC-2026-${String(i).padStart(5, "0")}`, name: `Portable Dell Latitude 5440 — poste ${i}`, entityName: "Clinique de Lyon" }));
for (const layout of LABEL_LAYOUTS) {
  const t0 = performance.now();
  const bytes = await drain(labelPdf(labels, SHEETS[layout], "bench"));
  console.log(`renderer ${layout}: ${COUNT} labels in ${((performance.now() - t0) / 1000).toFixed(2)} s, ${(bytes / 1024).toFixed(0)} KiB`);
}

const t = await createTestApp("sqlite");
const entity = await t.db.selectFrom("entity").select("id").executeTakeFirstOrThrow();
const kind = await t.db.selectFrom("asset_kind").select("id").executeTakeFirstOrThrow();
const at = new Date().toISOString();
const ids: number[] = [];
for (const label of labels) {
  const row = await t.db.insertInto("asset").values({ entity_id: entity.id, kind_id: kind.id, name: label.name, asset_tag: label.tag,
    status: "in_use", version: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  ids.push(row.id);
}
for (const layout of ["L7160", "L7651"] as const) {
  const t0 = performance.now();
  const res = await t.app.inject({ method: "POST", url: "/api/assets/labels", headers: { cookie: t.adminCookie }, payload: { assetIds: ids, layout } });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`POST /api/assets/labels ${layout}: ${COUNT} labels in ${seconds.toFixed(2)} s (status ${res.statusCode}, ${(res.rawPayload.length / 1024).toFixed(0)} KiB)`);
}
await t.close();
