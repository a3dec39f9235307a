/** The fleet: references (filled in by its part). */
export const frAssetRefs = { assetRefs: {} };
