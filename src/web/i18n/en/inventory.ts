import type { frInventory } from "../fr/inventory.js";

export const enInventory: typeof frInventory = { inventory: {} };
