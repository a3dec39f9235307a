import type { TFunction } from "i18next";
import type { AssetChange } from "../../../../shared/api/asset-inventory.js";

/** MB as GB, the way people say it: "16", "465,8" → rounded to a whole number from 10 GB. */
export function gbNumber(mb: number, language: string): string {
  const gb = mb / 1024;
  return new Intl.NumberFormat(language, { maximumFractionDigits: gb < 10 ? 1 : 0 }).format(gb);
}

export function gbText(mb: number | null, language: string, t: TFunction): string {
  return mb === null ? "—" : t("assetInventory.gb", { value: gbNumber(mb, language) });
}

/** A stored value in MB ("16384") as GB, or "?" when the agent gave none. */
function storedGb(value: string | null, language: string, t: TFunction): string {
  const mb = value === null ? Number.NaN : Number(value);
  return Number.isFinite(mb) ? gbNumber(mb, language) : t("assetInventory.changes.unknown");
}

/**
 * One change as a line of history: "Mémoire 8 → 16 Go", "Mozilla Firefox 128.0 → 131.0",
 * "Logiciel VLC supprimé". Memory and disk sizes are stored in MB; software versions as text.
 */
export function changeText(change: AssetChange, t: TFunction, language: string): string {
  const unknown = t("assetInventory.changes.unknown");
  const item = change.item;
  const raw = { item, from: change.oldValue ?? unknown, to: change.newValue ?? unknown };
  const sized = { item, from: storedGb(change.oldValue, language, t), to: storedGb(change.newValue, language, t) };
  const key = `${change.change.charAt(0).toUpperCase()}${change.change.slice(1)}` as "Added" | "Removed" | "Changed";
  switch (change.section) {
    case "memory":
      return t("assetInventory.changes.memory", sized);
    case "cpu":
      return t("assetInventory.changes.cpu", raw);
    case "os":
      return t(item === "build" ? "assetInventory.changes.osBuild" : "assetInventory.changes.osSystem", raw);
    case "bios":
      return t("assetInventory.changes.bios", raw);
    case "disk":
      return t(`assetInventory.changes.disk${key}`, { item, from: gbText(numberOrNull(change.oldValue), language, t),
        to: gbText(numberOrNull(change.newValue), language, t) });
    case "software": {
      const version = (value: string | null) => (value === "" ? t("assetInventory.changes.noVersion") : value ?? unknown);
      return t(`assetInventory.changes.software${key}`, { item, from: version(change.oldValue), to: version(change.newValue) });
    }
    case "network":
    case "monitor":
      return change.change === "changed" ? otherText(change, t) : t(`assetInventory.changes.${change.section}${change.change === "added" ? "Added" : "Removed"}`, raw);
    case "antivirus":
      return t(`assetInventory.changes.antivirus${key}`, raw);
  }
}

function numberOrNull(value: string | null): number | null {
  const n = value === null || value === "" ? Number.NaN : Number(value);
  return Number.isFinite(n) ? n : null;
}

function otherText(change: AssetChange, t: TFunction): string {
  const unknown = t("assetInventory.changes.unknown");
  return t("assetInventory.changes.other", { section: t(`assetInventory.sectionNames.${change.section}`), item: change.item,
    from: change.oldValue ?? unknown, to: change.newValue ?? unknown });
}

/** "name", "fields.cpu"… as the asset form names them; an unknown lock shows as stored. */
export function lockLabel(field: string, t: TFunction): string {
  const key = `assetInventory.locks.fields.${field.replace(/\./g, "_")}`;
  return t(key as "assetInventory.locks.fields.name", { defaultValue: field });
}
