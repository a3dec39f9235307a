/**
 * The admin's inventory settings: the ordered import rules and the software normalisation rules.
 * Read at each inventory (one indexed read, once per SQLite write batch), parsed once per stored value.
 */
import type { Db } from "../../../db/database.js";
import { oncePerWriteBatch } from "./batch-memo.js";
import { DEFAULT_MATCH_RULES, type MatchRule, MatchRulesSchema } from "../identity/match-rules.js";
import { type SoftwareRule, SoftwareRulesSchema } from "../identity/software-rules.js";

export const MATCH_RULES_KEY = "inventory.match_rules";
export const SOFTWARE_RULES_KEY = "inventory.software_rules";

/** One array for "no rules": the software normaliser's memo is kept per rule list. */
const NO_RULES: readonly SoftwareRule[] = [];

export type InventorySettings = { matchRules: readonly MatchRule[]; softwareRules: readonly SoftwareRule[] };

// Parsed lists by their stored text: the same text gives the same array, which the software
// normaliser's memo is keyed on.
const parsed = new Map<string, unknown>();

function parseOnce<T>(key: string, text: string, parse: (value: unknown) => T): T {
  const id = `${key}\u0000${text}`;
  if (!parsed.has(id)) {
    if (parsed.size > 100) parsed.clear();
    parsed.set(id, parse(JSON.parse(text)));
  }
  return parsed.get(id) as T;
}

/** The settings as stored, else the defaults; read once per SQLite write batch (batch-memo.ts). */
export const inventorySettings: (db: Db) => Promise<InventorySettings> = oncePerWriteBatch(readInventorySettings);

async function readInventorySettings(db: Db): Promise<InventorySettings> {
  const rows = await db.selectFrom("setting").select(["key", "value"]).where("key", "in", [MATCH_RULES_KEY, SOFTWARE_RULES_KEY]).execute();
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  const match = value(MATCH_RULES_KEY);
  const software = value(SOFTWARE_RULES_KEY);
  return {
    matchRules: match ? parseOnce(MATCH_RULES_KEY, match, (v) => MatchRulesSchema.parse(v)) : DEFAULT_MATCH_RULES,
    softwareRules: software ? parseOnce(SOFTWARE_RULES_KEY, software, (v) => SoftwareRulesSchema.parse(v)) : NO_RULES,
  };
}
