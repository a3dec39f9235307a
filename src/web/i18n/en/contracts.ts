import type { frContracts } from "../fr/contracts.js";

export const enContracts: typeof frContracts = { contracts: {} };
