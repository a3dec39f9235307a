/** Guided diagnostic scripts: editor, runs, statistics. */
export const frKbScripts = {
  scripts: {},
};
