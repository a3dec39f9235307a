import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import type { ContractTable } from "../../db/schema-assets.js";
import type { Selectable } from "kysely";

export type ContractRow = Selectable<ContractTable>;

/** Contracts with the names the presenter shows and how many assets each covers. */
export function selectContracts(db: Db) {
  return db.selectFrom("contract as c")
    .innerJoin("entity as e", "e.id", "c.entity_id")
    .leftJoin("supplier as s", "s.id", "c.supplier_id")
    .selectAll("c")
    .select(["e.complete_name as entity_name", "s.name as supplier_name"])
    .select((eb) => eb.selectFrom("contract_asset as ca").whereRef("ca.contract_id", "=", "c.id")
      .select(sql<number>`count(*)`.as("n")).as("asset_count"));
}

export type ContractListRow = Awaited<ReturnType<ReturnType<typeof selectContracts>["executeTakeFirstOrThrow"]>>;

export function findContractRow(db: Db, id: number): Promise<ContractRow | undefined> {
  return db.selectFrom("contract").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function countContractAssets(db: Db, contractId: number): Promise<number> {
  const row = await db.selectFrom("contract_asset").select(sql<number>`count(*)`.as("n"))
    .where("contract_id", "=", contractId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Covered assets with what the contract's page shows of each (kind, place, user). */
export function selectCoveredAssets(db: Db, contractId: number) {
  return db.selectFrom("contract_asset as ca")
    .innerJoin("asset as a", "a.id", "ca.asset_id")
    .innerJoin("asset_kind as k", "k.id", "a.kind_id")
    .leftJoin("location as l", "l.id", "a.location_id")
    .leftJoin("app_user as u", "u.id", "a.user_id")
    .select(["a.id", "a.asset_tag", "a.name", "a.status", "a.warranty_end", "k.name as kind_name", "l.complete_name as location_name",
      "u.first_name", "u.last_name"])
    .where("ca.contract_id", "=", contractId);
}

export type CoveredAssetRow = Awaited<ReturnType<ReturnType<typeof selectCoveredAssets>["executeTakeFirstOrThrow"]>>;
