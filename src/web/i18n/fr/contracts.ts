/** The fleet: contracts (filled in by its part). */
export const frContracts = { contracts: {} };
