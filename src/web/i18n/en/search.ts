import type { frSearch } from "../fr/search.js";

/** English — The global search: palette results and the results page. */
export const enSearch: typeof frSearch = {
  search: {},
};
