import type { frKb } from "../fr/kb.js";

/** English — The knowledge base: articles, known errors, revisions, FAQ. */
export const enKb: typeof frKb = {
  kb: {},
};
