/** The knowledge base: articles, known errors, revisions, FAQ. */
export const frKb = {
  kb: {},
};
