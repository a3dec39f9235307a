/**
 * Reconciliation: which asset an incoming inventory is, following the admin's ordered import
 * rules ("serial + uuid", "serial", "uuid", "mac", "name" by default). Pure: the database is
 * behind `lookup`, which returns the assets having a key's value.
 *
 * For each enabled rule, in order:
 * - the rule is skipped when the inventory lacks one of its keys (after placeholders are dropped);
 * - its candidates are the assets found by every one of its criteria (for "mac", by any of the
 *   machine's addresses);
 * - a candidate whose serial differs from the inventory's is left out: two serials mean two
 *   machines, whatever MAC or name they share (a USB network adapter moves between laptops, names
 *   are reused). The UUID is not used that way: a motherboard replacement changes it;
 * - one candidate: match. None: the next rule. Several: the import is refused and kept for a
 *   person to choose. Falling through to a weaker rule could pick one of them by a weaker key, and
 *   reaching "create" would add a duplicate — both worse than asking.
 * No rule matched: a new asset, unless no enabled rule could use this inventory's keys at all
 * (creating it would then create it again at every inventory) or it has no key (refused too).
 */
import { z } from "zod";
import type { IdentityKeys } from "./identity-keys.js";
import { normalizeSerial, sameSerial } from "./identity-values.js";

export const MATCH_CRITERIA = ["serial", "uuid", "mac", "name"] as const;
export type MatchCriterion = (typeof MATCH_CRITERIA)[number];

export const MatchRuleSchema = z.strictObject({
  criteria: z.array(z.enum(MATCH_CRITERIA)).min(1).max(MATCH_CRITERIA.length)
    .refine((criteria) => new Set(criteria).size === criteria.length, "A criterion appears twice in the rule"),
  enabled: z.boolean().default(true),
});
export type MatchRule = z.output<typeof MatchRuleSchema>;

export const MatchRulesSchema = z.array(MatchRuleSchema).max(20).superRefine((rules, ctx) => {
  const seen = new Map<string, number>();
  rules.forEach((rule, index) => {
    const key = [...rule.criteria].sort().join("+");
    const first = seen.get(key);
    if (first !== undefined) ctx.addIssue({ code: "custom", path: [index, "criteria"], message: `Same criteria as rule ${first + 1}` });
    else seen.set(key, index);
  });
});

export const DEFAULT_MATCH_RULES: readonly MatchRule[] = [
  { criteria: ["serial", "uuid"], enabled: true },
  { criteria: ["serial"], enabled: true },
  { criteria: ["uuid"], enabled: true },
  { criteria: ["mac"], enabled: true },
  { criteria: ["name"], enabled: true },
];

/** An asset a lookup found; `label` (its tag, "PC-0042") names it in the log, else "#id". */
export type AssetCandidate = { id: number; label?: string | null; serial?: string | null };

/** The assets having one of `values` for the criterion (serials compared with sameSerial). */
export type MatchLookup = (criterion: MatchCriterion, values: readonly string[]) => Promise<readonly AssetCandidate[]>;

export type MatchDecision = {
  decision: "match" | "create" | "refuse";
  assetId?: number;
  /** The rule that decided, e.g. "serial + uuid"; null when none did. */
  rule: string | null;
  /** For the UI to translate; `text` is the English line for the import log. */
  reason: "matched" | "ambiguous" | "no-match" | "no-usable-rule" | "no-identity";
  text: string;
  /** What each rule did, in order. */
  trace: string[];
};

export function ruleLabel(rule: Pick<MatchRule, "criteria">): string {
  return rule.criteria.join(" + ");
}

function valuesOf(keys: IdentityKeys, criterion: MatchCriterion): string[] {
  if (criterion === "mac") return keys.macs;
  const value = keys[criterion];
  return value ? [value] : [];
}

function nameOf(candidate: AssetCandidate): string {
  return candidate.label || `#${candidate.id}`;
}

/** The assets every criterion of the rule finds, each once. */
async function candidatesOf(rule: MatchRule, keys: IdentityKeys, lookup: MatchLookup): Promise<AssetCandidate[]> {
  let found: Map<number, AssetCandidate> | undefined;
  for (const criterion of rule.criteria) {
    const byId = new Map<number, AssetCandidate>();
    for (const candidate of await lookup(criterion, valuesOf(keys, criterion))) {
      if (!found || found.has(candidate.id)) byId.set(candidate.id, found?.get(candidate.id) ?? candidate);
    }
    found = byId;
    if (found.size === 0) break;
  }
  return [...(found?.values() ?? [])];
}

/** The candidate's serial when it is a real one and not the inventory's, else undefined. */
function otherSerial(candidate: AssetCandidate, keys: IdentityKeys): string | undefined {
  const theirs = normalizeSerial(candidate.serial);
  return keys.serial && theirs && !sameSerial(theirs, keys.serial) ? theirs : undefined;
}

function describeKeys(rule: MatchRule, keys: IdentityKeys): string {
  return rule.criteria.map((criterion) => `${criterion} ${valuesOf(keys, criterion).join(", ")}`).join(" and ");
}

/** Decides whether the inventory updates an asset, creates one, or is refused. Never throws on data. */
export async function decide(keys: IdentityKeys, rules: readonly MatchRule[], lookup: MatchLookup): Promise<MatchDecision> {
  const trace: string[] = [];
  const refuse = (reason: MatchDecision["reason"], rule: string | null, text: string): MatchDecision =>
    ({ decision: "refuse", rule, reason, text, trace });
  if (!keys.serial && !keys.uuid && keys.macs.length === 0 && !keys.name) {
    return refuse("no-identity", null, "refused: the inventory has no usable serial, UUID, MAC address or name");
  }
  const tried: string[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const label = ruleLabel(rule);
    const missing = rule.criteria.filter((criterion) => valuesOf(keys, criterion).length === 0);
    if (missing.length > 0) {
      trace.push(`${label}: skipped, the inventory has no usable ${missing.join(" or ")}`);
      continue;
    }
    tried.push(label);
    const candidates: AssetCandidate[] = [];
    for (const candidate of await candidatesOf(rule, keys, lookup)) {
      const serial = otherSerial(candidate, keys);
      if (serial) trace.push(`${label}: asset ${nameOf(candidate)} left out, its serial ${serial} is not ${keys.serial}`);
      else candidates.push(candidate);
    }
    if (candidates.length === 0) {
      trace.push(`${label}: no asset`);
      continue;
    }
    const found = describeKeys(rule, keys);
    if (candidates.length > 1) {
      const names = candidates.map(nameOf).join(", ");
      trace.push(`${label}: ${candidates.length} assets (${names})`);
      return refuse("ambiguous", label, `refused: assets ${names} all match by ${found}; a person must choose`);
    }
    const [asset] = candidates as [AssetCandidate];
    trace.push(`${label}: asset ${nameOf(asset)}`);
    return { decision: "match", assetId: asset.id, rule: label, reason: "matched", text: `matched asset ${nameOf(asset)} by ${found}`, trace };
  }
  if (tried.length === 0) {
    return refuse("no-usable-rule", null, "refused: no enabled rule can use this inventory's keys, so it could not be found again next time");
  }
  return { decision: "create", rule: null, reason: "no-match", text: `new asset: no asset matched by ${tried.join(", ")}`, trace };
}
