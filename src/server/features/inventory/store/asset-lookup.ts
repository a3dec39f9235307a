/**
 * The database side of reconciliation: the assets of the agent's entity (and its sub-entities)
 * having a serial, UUID, MAC address or name. Serials are read on the asset itself, so assets typed
 * by hand or imported from a spreadsheet are found by their first inventory; the other keys were
 * recorded by earlier inventories (asset_identity), and a name also matches an asset named so by hand.
 */
import type { Db } from "../../../db/database.js";
import { inEntity } from "../../identity/access.js";
import type { AssetCandidate, MatchLookup } from "../identity/match-rules.js";
import { sameSerial } from "../identity/identity-values.js";

/** The spellings a hand-typed serial may have: as reported, upper and lower case. */
function spellings(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((value) => [value, value.toUpperCase(), value.toLowerCase()]))];
}

export function assetLookup(trx: Db, entityId: number): MatchLookup {
  const assets = () => trx.selectFrom("asset").select(["asset.id", "asset.asset_tag as label", "asset.serial"])
    .where(inEntity("asset.entity_id", entityId, true));
  return async (criterion, values): Promise<AssetCandidate[]> => {
    if (values.length === 0) return [];
    if (criterion === "serial") {
      const rows = await assets().where("asset.serial", "in", spellings(values)).execute();
      return rows.filter((row) => row.serial !== null && values.some((value) => sameSerial(value, row.serial as string)));
    }
    const known = assets().innerJoin("asset_identity as identity", "identity.asset_id", "asset.id")
      .where("identity.key", "=", criterion).where("identity.value", "in", [...values]);
    if (criterion !== "name") return known.execute();
    const byName = assets().where("asset.name", "in", spellings(values));
    return known.union(byName).execute();
  };
}
