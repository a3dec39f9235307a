/**
 * An inventory's software list as catalogue entries: normalised by the admin's rules and the
 * built-in normalisation, one entry per software and version, sorted so that two runs of an
 * unchanged machine hash alike whatever order the agent listed them in.
 */
import type { InventorySoftware } from "../protocol/inventory-model.js";
import { boundedCache } from "../identity/bounded-cache.js";
import { normalizeSoftware, softwareIdentity, type SoftwareRule } from "../identity/software-rules.js";

export type SoftwareEntry = {
  /** softwareIdentity(): the catalogue's unique key. */
  nameKey: string;
  name: string;
  publisher: string | null;
  version: string;
  installDate: string | null;
  arch: string | null;
};

type CatalogueKey = ReturnType<typeof normalizeSoftware>;
// One memo per rule list (a list is never changed in place): a fleet reports the same entries over and over.
const memos = new WeakMap<readonly SoftwareRule[], (key: string) => CatalogueKey>();

function normalizerFor(rules: readonly SoftwareRule[]): (installed: InventorySoftware) => CatalogueKey {
  let memo = memos.get(rules);
  if (!memo) {
    memo = boundedCache((key) => {
      const [name = "", version = "", publisher = ""] = key.split("\u0000");
      return normalizeSoftware({ name, version, publisher }, rules);
    }, 100_000);
    memos.set(rules, memo);
  }
  const cached = memo;
  return (installed) => cached(`${installed.name}\u0000${installed.version ?? ""}\u0000${installed.publisher ?? ""}`);
}

export function softwareEntries(software: readonly InventorySoftware[], rules: readonly SoftwareRule[]): SoftwareEntry[] {
  const byKey = new Map<string, SoftwareEntry>();
  const normalize = normalizerFor(rules);
  for (const installed of software) {
    const key = normalize(installed);
    if (!key) continue;
    const nameKey = softwareIdentity(key);
    const id = `${nameKey}\u0000${key.version}`;
    if (byKey.has(id)) continue;
    byKey.set(id, {
      nameKey, name: key.name.slice(0, 255), publisher: key.publisher === "" ? null : key.publisher.slice(0, 255),
      version: key.version.slice(0, 100), installDate: installed.installDate, arch: installed.arch,
    });
  }
  return [...byKey.values()].sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}
