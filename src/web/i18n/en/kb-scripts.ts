import type { frKbScripts } from "../fr/kb-scripts.js";

/** English — Guided diagnostic scripts: editor, runs, statistics. */
export const enKbScripts: typeof frKbScripts = {
  scripts: {},
};
