/**
 * The software catalogue as people read it: software → versions → machines. The software and
 * version tables are global, but what anyone sees of them is what the machines of their entities
 * have: a software only another entity installed is not listed at all, and every count is of the
 * caller's installations alone (asset_software keeps each machine's entity for that).
 */
import { type SqlBool, sql } from "kysely";
import type { Page } from "../../../shared/api/common.js";
import type {
  ListSoftwareInstallationsQuery, ListSoftwareQuery, Software, SoftwareInstallation, SoftwareQuery, SoftwareSummary,
} from "../../../shared/api/software.js";
import type { Db } from "../../db/database.js";
import { hasPrefix } from "../../db/dialect.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { notFound } from "../../http/errors.js";
import { assertCan, entityScope, inEntity, inScope } from "../identity/access.js";

/**
 * The typed text as the database's lower() may give it: SQLite (and PostgreSQL with a C ctype)
 * fold ASCII letters only, PostgreSQL with a Unicode ctype folds "É" too.
 */
function foldings(text: string): string[] {
  return [...new Set([text.replace(/[A-Z]/g, (c) => c.toLowerCase()), text.toLowerCase()])];
}

/** The first letters typed, in every case: "fir" → fir, fiR, fIr… Each is a range on the name index. */
function caseVariants(text: string, letters = 3): string[] {
  let variants = [""];
  for (const char of [...text].slice(0, letters)) {
    const cases = [...new Set([char.toLowerCase(), char.toUpperCase()])];
    variants = variants.flatMap((start) => cases.map((c) => start + c));
  }
  return variants;
}

/**
 * `column` starts with `text` whatever the case: a few ranges on the name index
 * for the first letters in every case, then the whole prefix compared folded. A plain
 * lower(name) LIKE would read every name, PostgreSQL's LIKE is case-sensitive, and SQLite's is not.
 */
function nameStartsWith(column: string, text: string) {
  const length = [...text].length;
  const ranges = caseVariants(text).map((variant) => hasPrefix(column, variant));
  return sql<SqlBool>`((${sql.join(ranges, sql` or `)}) and substr(lower(${sql.ref(column)}), 1, ${length}) in (${sql.join(foldings(text))}))`;
}

/** `column` (an installation's entity) is one the caller may read and, with `entityId`, in that entity's subtree. */
type Visible = (column: string) => ReturnType<typeof inScope>;

/** FORBIDDEN without asset.read, or when the caller may not read the entity asked for. */
async function visibleInstallations(ctx: Ctx, entityId: number | undefined): Promise<Visible> {
  const scope = entityScope(ctx.actor, "asset.read");
  if (!entityId) return (column) => inScope(column, scope);
  await assertCan(ctx.db, ctx.actor, "asset.read", entityId);
  return (column) => sql<SqlBool>`(${inScope(column, scope)} and ${inEntity(column, entityId, true)})`;
}

/** The software has at least one installation the caller sees (read on asset_software_software_idx). */
function installedWhere(visible: Visible) {
  return sql<SqlBool>`exists (select 1 from asset_software i where i.software_id = s.id and ${visible("i.entity_id")})`;
}

/** Installations and versions of these software that the caller sees: one grouped read for a page. */
async function countsOf(db: Db, ids: number[], visible: Visible) {
  if (ids.length === 0) return new Map<number, { installations: number; versions: number }>();
  const rows = await db.selectFrom("asset_software as i")
    .select((eb) => ["i.software_id", eb.fn.countAll<number | string>().as("installations"),
      eb.fn.count<number | string>("i.version_id").distinct().as("versions")])
    .where("i.software_id", "in", ids).where(visible("i.entity_id"))
    .groupBy("i.software_id").execute();
  // PostgreSQL answers count() as a bigint, which pg gives as text.
  return new Map(rows.map((r) => [r.software_id, { installations: Number(r.installations), versions: Number(r.versions) }]));
}

/** The catalogue, by name: only what the caller's entities have installed, counted in those entities. */
export async function listSoftware(ctx: Ctx, query: ListSoftwareQuery): Promise<Page<SoftwareSummary>> {
  const visible = await visibleInstallations(ctx, query.entityId);
  let q = ctx.db.selectFrom("software as s").select(["s.id", "s.name", "s.publisher"]).where(installedWhere(visible));
  if (query.q) q = q.where(nameStartsWith("s.name", query.q));
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple("s.name", "s.id"), ">", eb.tuple(name as string, id as number)));
  }
  const rows = await q.orderBy("s.name").orderBy("s.id").limit(query.limit + 1).execute();
  const counts = await countsOf(ctx.db, rows.slice(0, query.limit).map((r) => r.id), visible);
  return toPage(rows, query.limit, (r) => ({
    id: r.id, name: r.name, publisher: r.publisher,
    installations: counts.get(r.id)?.installations ?? 0, versions: counts.get(r.id)?.versions ?? 0,
  }), (r) => [r.name, r.id]);
}

/** One software with its versions, most installed first; SOFTWARE_NOT_FOUND when the caller's entities have none of it. */
export async function getSoftware(ctx: Ctx, softwareId: number, query: SoftwareQuery = {}): Promise<Software> {
  const visible = await visibleInstallations(ctx, query.entityId);
  const software = await ctx.db.selectFrom("software").select(["id", "name", "publisher"]).where("id", "=", softwareId).executeTakeFirst();
  // A version list bounded by what one software has; each count reads the index's (software, entity, version) part.
  const versions = await ctx.db.selectFrom("asset_software as i").innerJoin("software_version as v", "v.id", "i.version_id")
    .select((eb) => ["v.id", "v.version", eb.fn.countAll<number | string>().as("installations")])
    .where("i.software_id", "=", softwareId).where(visible("i.entity_id"))
    .groupBy(["v.id", "v.version"]).execute();
  if (!software || versions.length === 0) throw notFound("SOFTWARE_NOT_FOUND", `Software ${softwareId}`);
  const list = versions.map((v) => ({ id: v.id, version: v.version, installations: Number(v.installations) }))
    .sort((a, b) => b.installations - a.installations || b.version.localeCompare(a.version, "en", { numeric: true }));
  return { id: software.id, name: software.name, publisher: software.publisher, versions: list };
}

/**
 * The machines that have the software (in one version, with `versionId`), by asset id. A machine
 * with two versions of it appears once per version, hence the (asset, version) cursor.
 */
export async function listSoftwareInstallations(ctx: Ctx, softwareId: number, query: ListSoftwareInstallationsQuery): Promise<Page<SoftwareInstallation>> {
  const visible = await visibleInstallations(ctx, query.entityId);
  let q = ctx.db.selectFrom("asset_software as i")
    .innerJoin("asset as a", "a.id", "i.asset_id")
    .innerJoin("entity as e", "e.id", "a.entity_id")
    .innerJoin("software_version as v", "v.id", "i.version_id")
    .select(["i.asset_id", "i.version_id", "i.install_date", "a.asset_tag", "a.name", "e.complete_name as entity_name", "v.version"])
    .where("i.software_id", "=", softwareId).where(visible("i.entity_id"));
  if (query.versionId) q = q.where("i.version_id", "=", query.versionId);
  if (query.cursor) {
    const [assetId, versionId] = decodeCursor(query.cursor, ["number", "number"]);
    q = q.where((eb) => eb(eb.refTuple("i.asset_id", "i.version_id"), ">", eb.tuple(assetId as number, versionId as number)));
  }
  const rows = await q.orderBy("i.asset_id").orderBy("i.version_id").limit(query.limit + 1).execute();
  if (rows.length === 0 && !query.cursor) await getSoftware(ctx, softwareId, query);
  return toPage(rows, query.limit, (r) => ({
    assetId: r.asset_id, assetTag: r.asset_tag, assetName: r.name, entityName: r.entity_name, versionId: r.version_id,
    version: r.version, installDate: r.install_date,
  }), (r) => [r.asset_id, r.version_id]);
}
