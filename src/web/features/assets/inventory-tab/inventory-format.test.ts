import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { AssetChange } from "../../../../shared/api/asset-inventory.js";
import { en } from "../../../i18n/en/index.js";
import { fr } from "../../../i18n/fr/index.js";
import { changeText, gbNumber, lockLabel } from "./inventory-format.js";

const change = (section: AssetChange["section"], kind: AssetChange["change"], item: string, oldValue: string | null, newValue: string | null): AssetChange =>
  ({ id: 1, section, change: kind, item, oldValue, newValue, changedAt: "2026-11-20T08:00:00.000Z" });

describe("the inventory changes, as people read them", () => {
  let tFr: TFunction;
  let tEn: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: "fr", interpolation: { escapeValue: false } });
    tFr = i18n.getFixedT("fr");
    tEn = i18n.getFixedT("en");
  });

  it("says memory in GB, from the MB the agents send", () => {
    expect(changeText(change("memory", "changed", "total", "8192", "16384"), tFr, "fr")).toBe("Mémoire 8 → 16 Go");
    expect(changeText(change("memory", "changed", "total", "3584", "24105"), tEn, "en")).toBe("Memory 3.5 → 24 GB");
    expect(gbNumber(1536, "fr")).toBe("1,5");
  });

  it("tells software upgrades, installs and removals, and a version the agent did not give", () => {
    expect(changeText(change("software", "changed", "Mozilla Firefox", "128.0", "131.0"), tFr, "fr")).toBe("Mozilla Firefox 128.0 → 131.0");
    expect(changeText(change("software", "removed", "VLC media player", "3.0.20", null), tFr, "fr")).toBe("Logiciel VLC media player supprimé");
    expect(changeText(change("software", "added", "7-Zip", null, ""), tFr, "fr")).toBe("Logiciel 7-Zip installé (sans version)");
    expect(changeText(change("software", "removed", "VLC media player", "3.0.20", null), tEn, "en")).toBe("Software VLC media player removed");
  });

  it("tells disks, interfaces, monitors, the system and the BIOS", () => {
    expect(changeText(change("disk", "added", "Samsung SSD 870 sda", null, "476940"), tFr, "fr")).toBe("Disque Samsung SSD 870 sda ajouté (466 Go)");
    expect(changeText(change("disk", "removed", "WDC WD5000 sdb", "476940", null), tEn, "en")).toBe("Disk WDC WD5000 sdb removed");
    expect(changeText(change("network", "added", "eth1 02:fc:00:00:00:02", null, null), tFr, "fr")).toBe("Carte réseau eth1 02:fc:00:00:00:02 ajoutée");
    expect(changeText(change("monitor", "removed", "Dell P2422H", null, null), tFr, "fr")).toBe("Écran Dell P2422H débranché");
    expect(changeText(change("os", "changed", "build", "10.0.22621", "10.0.22631"), tFr, "fr")).toBe("Version du système 10.0.22621 → 10.0.22631");
    expect(changeText(change("bios", "changed", "version", null, "1.21.0"), tEn, "en")).toBe("BIOS ? → 1.21.0");
  });

  it("names the locked fields as the asset form does, and an unknown one as stored", () => {
    expect(lockLabel("fields.ram_gb", tFr)).toBe("Mémoire (Go)");
    expect(lockLabel("serial", tEn)).toBe("Serial number");
    expect(lockLabel("fields.warranty_code", tFr)).toBe("fields.warranty_code");
  });
});
