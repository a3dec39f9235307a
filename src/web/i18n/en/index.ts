import type { Messages } from "../fr/index.js";
import { enCore } from "./core.js";
import { enIdentity } from "./identity.js";
import { enTickets } from "./tickets.js";
import { enCategories } from "./categories.js";
import { enAttachments } from "./attachments.js";
import { enRelations } from "./relations.js";
import { enLive } from "./live.js";
import { enQueue } from "./queue.js";
import { enAssetRefs } from "./references.js";
import { enAssets } from "./assets.js";
import { enContracts } from "./contracts.js";
import { enInventory } from "./inventory.js";
import { enAssetImport } from "./asset-import.js";
import { enAgents } from "./agents.js";

export const en: Messages = { ...enCore, ...enIdentity, ...enTickets, ...enCategories, ...enAttachments, ...enRelations, ...enLive, ...enQueue, ...enAssetRefs, ...enAssets, ...enContracts, ...enInventory, ...enAssetImport, ...enAgents };
