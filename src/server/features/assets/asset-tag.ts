/**
 * Asset tags (numéros d'inventaire) made from a kind's pattern: {YYYY} {YY} {MM} are the date
 * of creation, {###…} a counter padded to as many digits as there are #. The counter runs per
 * rendered prefix ("PC-2026-"), so the laptops and desktops sharing "PC-{YYYY}-{#####}" share one
 * sequence, and it starts again at 1 each year when the pattern has {YYYY}.
 */
import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import { AppError } from "../../http/errors.js";

const COUNTER = /\{(#+)\}/;

export type RenderedPattern = { prefix: string; suffix: string; width: number };

/** The pattern with its date tokens filled in, split around the counter. */
export function renderPattern(pattern: string, at: Date): RenderedPattern {
  const year = String(at.getUTCFullYear());
  const dated = pattern.replaceAll("{YYYY}", year).replaceAll("{YY}", year.slice(2)).replaceAll("{MM}", String(at.getUTCMonth() + 1).padStart(2, "0"));
  const match = COUNTER.exec(dated);
  // A pattern without a counter still needs one: numbers follow the fixed text.
  if (!match) return { prefix: dated, suffix: "", width: 1 };
  return { prefix: dated.slice(0, match.index), suffix: dated.slice(match.index + match[0].length), width: (match[1] as string).length };
}

/**
 * Takes the next number of the prefix's counter. The upsert locks the counter row until the
 * transaction ends, so two creations at once on PostgreSQL get consecutive numbers, and a
 * creation that fails rolls its number back: the sequence has no gaps.
 */
async function nextNumber(trx: Db, key: string): Promise<number> {
  const row = await trx.insertInto("asset_tag_counter").values({ prefix: key, last_value: 1 })
    .onConflict((oc) => oc.column("prefix").doUpdateSet({ last_value: sql<number>`asset_tag_counter.last_value + 1` }))
    .returning("last_value").executeTakeFirstOrThrow();
  return Number(row.last_value);
}

/**
 * The next free tag of the pattern in the entity. A number already typed by hand for another
 * asset of the entity is skipped (the counter moves past it) rather than refused.
 */
export async function generateTag(trx: Db, pattern: string, entityId: number, at = new Date()): Promise<string> {
  const { prefix, suffix, width } = renderPattern(pattern, at);
  const key = suffix === "" ? prefix : `${prefix}{#}${suffix}`;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const tag = `${prefix}${String(await nextNumber(trx, key)).padStart(width, "0")}${suffix}`;
    const taken = await trx.selectFrom("asset").select("id").where("entity_id", "=", entityId).where("asset_tag", "=", tag).executeTakeFirst();
    if (!taken) return tag;
  }
  throw new AppError("ASSET_TAG_TAKEN", `No free tag for pattern ${pattern}`);
}
