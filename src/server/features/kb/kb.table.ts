import type { Generated, Selectable } from "kysely";
import type { Flag } from "../../db/schema.js";

/** The knowledge base's tables, as Kysely sees them (see migration 2026_11_25_100000_kb_articles). */
export type KbTables = {
  kb_category: KbCategoryTable;
  kb_article: KbArticleTable;
  kb_revision: KbRevisionTable;
  kb_article_tag: { article_id: number; tag: string };
  kb_vote: { article_id: number; user_id: number; useful: Flag; voted_at: string };
  kb_view: { article_id: number; user_id: number; day: string };
  kb_article_ticket: { article_id: number; ticket_id: number; created_at: string };
  kb_article_target: { article_id: number; target_type: string; target_id: number };
  kb_attachment: KbAttachmentTable;
};

export type KbCategoryTable = {
  id: Generated<number>;
  entity_id: number;
  parent_id: number | null;
  name: string;
  created_at: string;
  updated_at: string;
};
export type KbCategoryRow = Selectable<KbCategoryTable>;

export type KbArticleTable = {
  id: Generated<number>;
  entity_id: number;
  is_recursive: Flag;
  kind: string;
  title: string;
  body: string;
  body_html: string;
  symptom: string | null;
  cause: string | null;
  workaround: string | null;
  fix: string | null;
  status: string;
  audience: string;
  language: string;
  category_id: number | null;
  author_id: number | null;
  author_name: string;
  reviewer_id: number | null;
  reviewer_name: string | null;
  reviewed_at: string | null;
  review_due_at: string | null;
  published_at: string | null;
  revision: number;
  version: number;
  view_count: Generated<number>;
  starter_key: string | null;
  created_at: string;
  updated_at: string;
};
export type KbArticleRow = Selectable<KbArticleTable>;

export type KbRevisionTable = {
  id: Generated<number>;
  article_id: number;
  number: number;
  title: string;
  body: string;
  symptom: string | null;
  cause: string | null;
  workaround: string | null;
  fix: string | null;
  author_id: number | null;
  author_name: string;
  created_at: string;
};
export type KbRevisionRow = Selectable<KbRevisionTable>;

/** A file of an article (migration 2026_11_27_120000_kb_attachments); its bytes are in the file store's kb/ directory. */
export type KbAttachmentTable = {
  id: Generated<number>;
  article_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: string;
};
export type KbAttachmentRow = Selectable<KbAttachmentTable>;
