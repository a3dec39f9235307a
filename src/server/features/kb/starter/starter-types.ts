/** One article of the starter library, as the hotline would write it. */
export type StarterArticle = {
  /** Stable key: the same article is never loaded twice. */
  key: string;
  category: string;
  title: string;
  /** portal: requesters read it in the FAQ too (self-help steps); internal: for technicians. */
  audience: "internal" | "portal";
  tags: string[];
  body: string;
  /** Known errors only. */
  knownError?: { symptom: string; cause: string; workaround: string; fix: string };
};
