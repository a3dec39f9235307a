/**
 * An inventory's software list as catalogue entries: normalised by the admin's rules and the
 * built-in normalisation, one entry per software and version, sorted so that two runs of an
 * unchanged machine hash alike whatever order the agent listed them in.
 */
import type { InventorySoftware } from "../protocol/inventory-model.js";
import { boundedCache } from "../identity/bounded-cache.js";
import { type SoftwareKey, type SoftwareRule, normalizeSoftware, softwareIdentity } from "../identity/software-rules.js";

export type SoftwareEntry = {
  /** softwareIdentity(): the catalogue's unique key. */
  nameKey: string;
  name: string;
  publisher: string | null;
  version: string;
  installDate: string | null;
  arch: string | null;
};

/** What an entry owes to its name, version and publisher alone: worked out once per rule list. */
type Normalized = Pick<SoftwareEntry, "nameKey" | "name" | "publisher" | "version">;

// One memo per rule list (a list is never changed in place): a fleet reports the same entries over and over.
const textMemos = new WeakMap<readonly SoftwareRule[], (key: string) => Normalized | undefined>();
// And, for the entries the XML reader shares between inventories (frozen ones), one by entry: no key to build.
const sharedMemos = new WeakMap<readonly SoftwareRule[], WeakMap<InventorySoftware, Normalized | null>>();

function normalizerFor(rules: readonly SoftwareRule[]): (installed: InventorySoftware) => Normalized | undefined {
  const byText = textMemoFor(rules);
  const shared = sharedMemoFor(rules);
  const normalizeText = (installed: InventorySoftware) =>
    byText(`${installed.name}\u0000${installed.version ?? ""}\u0000${installed.publisher ?? ""}`);
  return (installed) => {
    if (!Object.isFrozen(installed)) return normalizeText(installed);
    let found = shared.get(installed);
    if (found === undefined) shared.set(installed, (found = normalizeText(installed) ?? null));
    return found ?? undefined;
  };
}

function textMemoFor(rules: readonly SoftwareRule[]): (key: string) => Normalized | undefined {
  let memo = textMemos.get(rules);
  if (!memo) {
    memo = boundedCache((key) => {
      const [name = "", version = "", publisher = ""] = key.split("\u0000");
      return normalized(normalizeSoftware({ name, version, publisher }, rules));
    }, 100_000);
    textMemos.set(rules, memo);
  }
  return memo;
}

function sharedMemoFor(rules: readonly SoftwareRule[]): WeakMap<InventorySoftware, Normalized | null> {
  let memo = sharedMemos.get(rules);
  if (!memo) sharedMemos.set(rules, (memo = new WeakMap()));
  return memo;
}

function normalized(key: SoftwareKey | undefined): Normalized | undefined {
  if (!key) return undefined;
  return {
    nameKey: softwareIdentity(key), name: key.name.slice(0, 255), publisher: key.publisher === "" ? null : key.publisher.slice(0, 255),
    version: key.version.slice(0, 100),
  };
}

export function softwareEntries(software: readonly InventorySoftware[], rules: readonly SoftwareRule[]): SoftwareEntry[] {
  const normalize = normalizerFor(rules);
  const entries: SoftwareEntry[] = [];
  for (const installed of software) {
    const key = normalize(installed);
    if (!key) continue;
    entries.push({ nameKey: key.nameKey, name: key.name, publisher: key.publisher, version: key.version, installDate: installed.installDate, arch: installed.arch });
  }
  // The sort is stable: among duplicates, the first one listed comes first and is the one kept.
  entries.sort(byNameKeyAndVersion);
  return entries.filter((entry, i) => i === 0 || byNameKeyAndVersion(entries[i - 1] as SoftwareEntry, entry) !== 0);
}

function byNameKeyAndVersion(a: SoftwareEntry, b: SoftwareEntry): number {
  return a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}
