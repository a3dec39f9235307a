import type { frAssetRefs } from "../fr/references.js";

export const enAssetRefs: typeof frAssetRefs = { assetRefs: {} };
