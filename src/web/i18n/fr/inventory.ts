/** The fleet: inventory (filled in by its part). */
export const frInventory = { inventory: {} };
