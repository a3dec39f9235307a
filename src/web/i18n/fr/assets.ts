/** The fleet: assets (filled in by its part). */
export const frAssets = { assets: {} };
