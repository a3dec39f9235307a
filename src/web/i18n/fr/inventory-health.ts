export const frInventoryHealth = {};
