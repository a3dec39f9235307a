/**
 * Turns the names a file gives (kind, manufacturer, model, place, user, supplier) into ids,
 * each distinct name looked up once per run. The checks are the asset service's own
 * (reference-use, asset-refs): a place, user or supplier outside the entity's reach is unknown.
 *
 * Manufacturers and models missing from the catalog are created by name when the caller
 * manages the global catalog (asset.manage at the root, as the catalog screens require, with
 * their history); for anyone else the row is rejected, naming the missing entry.
 */
import type { ImportReason } from "../../../shared/api/asset-import.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { foldText } from "../../db/values.js";
import { checkUserInReach } from "./asset-refs.js";
import { canManageGlobal } from "./catalog.access.js";
import { createModel } from "./catalog.models.service.js";
import { createManufacturer } from "./catalog.service.js";
import { visibleIn } from "../../db/tree.js";
import { type KindInfo, checkLocationUsable, checkSupplierUsable, loadKind } from "./reference-use.js";

/** A name the file gives that cannot be used: the row is rejected with this reason. */
export class RowProblem extends Error {
  constructor(readonly reason: ImportReason) {
    super(`${reason.code} ${reason.column ?? ""} "${reason.value ?? ""}"`);
  }
}

type Cache<T> = Map<string, Promise<T>>;

function cached<T>(cache: Cache<T>, key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (!hit) {
    hit = load();
    // A failed lookup is remembered too: the same unknown name on 1,000 rows is one query.
    hit.catch(() => undefined);
    cache.set(key, hit);
  }
  return hit;
}

export class ImportRefs {
  private kinds: Cache<KindInfo> = new Map();
  private manufacturers: Cache<number> = new Map();
  private models: Cache<{ id: number; manufacturerId: number | null }> = new Map();
  private locations: Cache<number> = new Map();
  private users: Cache<number> = new Map();
  private suppliers: Cache<number> = new Map();
  private mayCreate: Promise<boolean>;

  constructor(private readonly ctx: Ctx, private readonly entityId: number) {
    this.mayCreate = canManageGlobal(ctx.db, ctx);
  }

  /** By code ("laptop") or name ("Ordinateur portable"), case and accents aside. */
  kind(text: string): Promise<KindInfo> {
    return cached(this.kinds, foldText(text), async () => {
      const rows = await this.ctx.db.selectFrom("asset_kind").select(["id", "code", "name"]).execute();
      const row = rows.find((r) => (r.code !== null && foldText(r.code) === foldText(text)) || foldText(r.name) === foldText(text));
      if (!row) throw new RowProblem({ code: "unknown", column: "kind", value: text });
      const kind = await loadKind(this.ctx.db, row.id);
      if (!kind.isActive) throw new RowProblem({ code: "inactive_kind", column: "kind", value: text });
      return kind;
    });
  }

  manufacturer(text: string): Promise<number> {
    return cached(this.manufacturers, foldText(text), async () => {
      const rows = await this.ctx.db.selectFrom("manufacturer").select(["id", "name"]).execute();
      const row = rows.find((r) => foldText(r.name) === foldText(text));
      if (row) return row.id;
      if (!(await this.mayCreate)) throw new RowProblem({ code: "not_in_catalog", column: "manufacturer", value: text });
      return (await createManufacturer(this.ctx, { name: text })).id;
    });
  }

  /** The model, and its manufacturer (for a row that names the model only). */
  model(text: string, kind: KindInfo, manufacturerId: number | null): Promise<{ id: number; manufacturerId: number | null }> {
    return cached(this.models, `${kind.id}|${manufacturerId ?? ""}|${foldText(text)}`, async () => {
      let query = this.ctx.db.selectFrom("asset_model").select(["id", "name", "manufacturer_id"]).where("kind_id", "=", kind.id);
      if (manufacturerId !== null) query = query.where("manufacturer_id", "=", manufacturerId);
      const row = (await query.execute()).find((r) => foldText(r.name) === foldText(text));
      if (row) return { id: row.id, manufacturerId: row.manufacturer_id };
      if (!(await this.mayCreate)) throw new RowProblem({ code: "not_in_catalog", column: "model", value: text });
      return { id: (await createModel(this.ctx, { kindId: kind.id, manufacturerId, name: text })).id, manufacturerId };
    });
  }

  /** By complete name ("Lyon > Bâtiment A > Salle 204"), spaces around ">" as typed. */
  location(text: string): Promise<number> {
    const wanted = foldText(text.split(">").map((p) => p.trim()).join(" > "));
    return cached(this.locations, wanted, async () => {
      const rows = await this.ctx.db.selectFrom("location").select(["id", "complete_name"]).where(visibleIn("entity_id", this.entityId)).execute();
      const row = rows.find((r) => foldText(r.complete_name) === wanted);
      if (!row) throw new RowProblem({ code: "unknown", column: "location", value: text });
      await expectUsable(() => checkLocationUsable(this.ctx.db, row.id, this.entityId), "location", text);
      return row.id;
    });
  }

  /** By login or email. */
  user(text: string): Promise<number> {
    return cached(this.users, text.toLowerCase(), async () => {
      const row = await this.ctx.db.selectFrom("app_user").select("id")
        .where((eb) => eb.or([eb("login", "=", text.toLowerCase()), eb("email", "=", text.toLowerCase())])).executeTakeFirst();
      if (!row) throw new RowProblem({ code: "unknown", column: "user", value: text });
      await expectUsable(() => checkUserInReach(this.ctx.db, this.ctx.actor, row.id, this.entityId), "user", text);
      return row.id;
    });
  }

  supplier(text: string): Promise<number> {
    return cached(this.suppliers, foldText(text), async () => {
      const rows = await this.ctx.db.selectFrom("supplier").select(["id", "name"]).where(visibleIn("entity_id", this.entityId)).execute();
      const row = rows.find((r) => foldText(r.name) === foldText(text));
      if (!row) throw new RowProblem({ code: "unknown", column: "supplier", value: text });
      await expectUsable(() => checkSupplierUsable(this.ctx.db, row.id, this.entityId), "supplier", text);
      return row.id;
    });
  }
}

/** The asset service's check, its refusal turned into the row's reason. */
async function expectUsable(check: () => Promise<void>, column: string, value: string): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (error instanceof AppError) throw new RowProblem({ code: "out_of_entity", column, value });
    throw error;
  }
}
