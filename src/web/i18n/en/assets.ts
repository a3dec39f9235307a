import type { frAssets } from "../fr/assets.js";

export const enAssets: typeof frAssets = { assets: {} };
