import { frCore } from "./core.js";
import { frIdentity } from "./identity.js";
import { frTickets } from "./tickets.js";
import { frCategories } from "./categories.js";
import { frAttachments } from "./attachments.js";
import { frRelations } from "./relations.js";
import { frLive } from "./live.js";
import { frQueue } from "./queue.js";
import { frAssetRefs } from "./references.js";
import { frAssets } from "./assets.js";
import { frContracts } from "./contracts.js";
import { frInventory } from "./inventory.js";
import { frAssetImport } from "./asset-import.js";
import { frAgents } from "./agents.js";
import { frSoftware } from "./software.js";
import { frAssetInventory } from "./asset-inventory.js";
import { frInventoryHealth } from "./inventory-health.js";
import { frSearch } from "./search.js";
import { frKbScripts } from "./kb-scripts.js";
import { frKb } from "./kb.js";
import { frSnmp } from "./snmp.js";
import { frAssetConnections } from "./asset-connections.js";
import { frSla } from "./sla.js";
import { frSlaContracts } from "./sla-contracts.js";
import { frAutomation } from "./automation.js";
import { frMailOut } from "./mail-out.js";
import { frMailIn } from "./mail-in.js";

export const fr = { ...frCore, ...frIdentity, ...frTickets, ...frCategories, ...frAttachments, ...frRelations, ...frLive, ...frQueue, ...frAssetRefs, ...frAssets, ...frContracts, ...frInventory, ...frAssetImport, ...frAgents, ...frSoftware, ...frAssetInventory, ...frInventoryHealth, ...frSearch, ...frKbScripts, ...frKb, ...frSnmp, ...frAssetConnections, ...frSla, ...frSlaContracts, ...frAutomation, ...frMailOut, ...frMailIn };

/** Every language has the same keys as French, with its own words. */
export type Messages = typeof fr;
