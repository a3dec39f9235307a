/** The global search: palette results and the results page. */
export const frSearch = {
  search: {},
};
