export const enInventoryHealth = {};
