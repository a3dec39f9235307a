/**
 * The software catalogue as people read it: software → versions → machines. The software and
 * version tables are global, but what anyone sees of them is what the machines of their entities
 * have: a software only another entity installed is not listed at all, and every count is of the
 * caller's installations alone (software_install_count keeps each version's count per entity for that).
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
import { BLOCK_SIZE, machinesOf, settleSoftwareRollup } from "../inventory/store/software-rollup.js";
import { readInstallationsOf } from "../inventory/store/installations.js";

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

/** The software has at least one installation the caller sees (read on the counts' primary key). */
function installedWhere(visible: Visible) {
  return sql<SqlBool>`exists (select 1 from software_install_count c where c.software_id = s.id and c.installs > 0 and ${visible("c.entity_id")})`;
}

/** Installations and versions of these software that the caller sees: one grouped read for a page. */
async function countsOf(db: Db, ids: number[], visible: Visible) {
  if (ids.length === 0) return new Map<number, { installations: number; versions: number }>();
  const rows = await db.selectFrom("software_install_count as c")
    .select((eb) => ["c.software_id", eb.fn.sum<number | string>("c.installs").as("installations"),
      eb.fn.count<number | string>("c.version_id").distinct().as("versions")])
    .where("c.software_id", "in", ids).where("c.installs", ">", 0).where(visible("c.entity_id"))
    .groupBy("c.software_id").execute();
  // PostgreSQL answers sum() and count() as bigints, which pg gives as text.
  return new Map(rows.map((r) => [r.software_id, { installations: Number(r.installations), versions: Number(r.versions) }]));
}

/** The catalogue, by name: only what the caller's entities have installed, counted in those entities. */
export async function listSoftware(ctx: Ctx, query: ListSoftwareQuery): Promise<Page<SoftwareSummary>> {
  await settleSoftwareRollup(ctx.db);
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
  await settleSoftwareRollup(ctx.db);
  const visible = await visibleInstallations(ctx, query.entityId);
  const software = await ctx.db.selectFrom("software").select(["id", "name", "publisher"]).where("id", "=", softwareId).executeTakeFirst();
  // A version list bounded by what one software has, each count summed over the caller's entities.
  const versions = await ctx.db.selectFrom("software_install_count as c").innerJoin("software_version as v", "v.id", "c.version_id")
    .select((eb) => ["v.id", "v.version", eb.fn.sum<number | string>("c.installs").as("installations")])
    .where("c.software_id", "=", softwareId).where("c.installs", ">", 0).where(visible("c.entity_id"))
    .groupBy(["v.id", "v.version"]).execute();
  if (!software || versions.length === 0) throw notFound("SOFTWARE_NOT_FOUND", `Software ${softwareId}`);
  const list = versions.map((v) => ({ id: v.id, version: v.version, installations: Number(v.installations) }))
    .sort((a, b) => b.installations - a.installations || b.version.localeCompare(a.version, "en", { numeric: true }));
  return { id: software.id, name: software.name, publisher: software.publisher, versions: list };
}

/** Blocks of 1,024 asset ids read per step: a page of machines usually lies in the first. */
const BLOCKS_PER_STEP = 8;

/**
 * The machines that have the software (in one version, with `versionId`), by asset id. A machine
 * with two versions of it appears once per version, hence the (asset, version) cursor.
 *
 * The version bitmaps (software-rollup.ts) say which machines to read, a few blocks at a time;
 * their installations (store/installations.ts) are what is shown, and only in the caller's entities.
 */
export async function listSoftwareInstallations(ctx: Ctx, softwareId: number, query: ListSoftwareInstallationsQuery): Promise<Page<SoftwareInstallation>> {
  const software = await getSoftware(ctx, softwareId, query);
  const visible = await visibleInstallations(ctx, query.entityId);
  // The versions the caller sees, already read with the software: id → version text.
  const versions = new Map(software.versions.filter((v) => !query.versionId || v.id === query.versionId).map((v) => [v.id, v.version]));
  const versionIds = [...versions.keys()];
  const [afterAsset, afterVersion] = query.cursor ? (decodeCursor(query.cursor, ["number", "number"]) as [number, number]) : [0, 0];
  const rows: InstallationRow[] = [];
  let block = Math.floor(afterAsset / BLOCK_SIZE);
  while (rows.length <= query.limit && versionIds.length > 0) {
    const bitmaps = await ctx.db.selectFrom("software_machine_block").select(["block", "machines"])
      .where("version_id", "in", versionIds).where("block", ">=", block).where("block", "<", block + BLOCKS_PER_STEP).execute();
    const next = await ctx.db.selectFrom("software_machine_block").select("block")
      .where("version_id", "in", versionIds).where("block", ">=", block + BLOCKS_PER_STEP).orderBy("block").limit(1).executeTakeFirst();
    const assetIds = [...new Set(bitmaps.flatMap((b) => machinesOf(b.block, b.machines)))].filter((id) => id >= afterAsset);
    rows.push(...(await installationRows(ctx.db, assetIds, versions, visible, [afterAsset, afterVersion], query.limit + 1 - rows.length)));
    if (!next) break;
    block = next.block;
  }
  return toPage(rows, query.limit, (r) => ({
    assetId: r.asset_id, assetTag: r.asset_tag, assetName: r.name, entityName: r.entity_name, versionId: r.version_id,
    version: r.version, installDate: r.install_date,
  }), (r) => [r.asset_id, r.version_id]);
}

type InstallationRow = { asset_id: number; version_id: number; install_date: string | null; asset_tag: string; name: string; entity_name: string;
  version: string };

/**
 * The installations of these versions on these machines that the caller sees, after the cursor, by
 * (asset, version): the machines' names read for a page, their lists (one row each) for the dates.
 */
async function installationRows(db: Db, assetIds: number[], versions: ReadonlyMap<number, string>, visible: Visible, after: [number, number],
  limit: number) {
  if (assetIds.length === 0 || limit <= 0) return [];
  // Every machine but the cursor's has at least one installation to show: limit + 1 machines fill the page.
  const assets = await db.selectFrom("asset as a").innerJoin("entity as e", "e.id", "a.entity_id")
    .select(["a.id", "a.asset_tag", "a.name", "e.complete_name as entity_name"])
    .where("a.id", "in", assetIds).where(visible("a.entity_id")).orderBy("a.id").limit(limit + 1).execute();
  const lists = await readInstallationsOf(db, assets.map((a) => a.id));
  const rows: InstallationRow[] = [];
  for (const asset of assets) {
    for (const installation of lists.get(asset.id) ?? []) {
      const version = versions.get(installation.versionId);
      if (version === undefined || (asset.id === after[0] && installation.versionId <= after[1])) continue;
      rows.push({ asset_id: asset.id, version_id: installation.versionId, install_date: installation.installDate, asset_tag: asset.asset_tag,
        name: asset.name, entity_name: asset.entity_name, version });
    }
  }
  return rows.slice(0, limit);
}
