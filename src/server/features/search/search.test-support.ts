/** Rows for the search tests, inserted directly: the triggers under test index them as any write would. */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { now } from "../../db/values.js";

export async function insertTicket(
  db: Kysely<DB>, opts: { entityId: number; title: string; description?: string; requesterId?: number; isOpen?: boolean },
): Promise<number> {
  const at = now();
  const open = opts.isOpen ?? true;
  const row = await db.insertInto("ticket").values({
    entity_id: opts.entityId, type: "incident", title: opts.title, description: opts.description ?? "", channel: "web",
    requester_id: opts.requesterId ?? null, contact_name: null, contact_phone: null, contact_email: null, assignee_id: null,
    group_id: null, category_id: null, level: 1, status: open ? "new" : "closed", is_open: open ? 1 : 0, pending_reason: null,
    pending_until: null, urgency: 3, impact: 3, priority: 3, due_at: null, call_seconds: null, version: 1, created_by: null,
    created_at: at, updated_at: at, solved_at: null, closed_at: null, satisfaction: null, satisfaction_comment: null, rated_at: null,
  }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function insertArticle(
  db: Kysely<DB>,
  opts: { entityId: number; title: string; body?: string; symptom?: string; audience?: "internal" | "portal";
    status?: "draft" | "published" | "archived"; kind?: "article" | "known_error"; recursive?: boolean },
): Promise<number> {
  const at = now();
  const row = await db.insertInto("kb_article").values({
    entity_id: opts.entityId, is_recursive: opts.recursive === false ? 0 : 1, kind: opts.kind ?? "article", title: opts.title,
    body: opts.body ?? "", body_html: "", symptom: opts.symptom ?? null, cause: null, workaround: null, fix: null,
    status: opts.status ?? "published", audience: opts.audience ?? "portal", language: "fr", category_id: null, author_id: null,
    author_name: "Test", reviewer_id: null, reviewer_name: null, reviewed_at: null, review_due_at: null, published_at: at,
    revision: 1, version: 1, starter_key: null, created_at: at, updated_at: at,
  }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAsset(
  db: Kysely<DB>, opts: { entityId: number; name: string; tag: string; serial?: string; hostname?: string; mac?: string; ip?: string },
): Promise<number> {
  const at = now();
  const kind = await db.selectFrom("asset_kind").select("id").orderBy("id").executeTakeFirstOrThrow();
  const { id } = await db.insertInto("asset").values({
    entity_id: opts.entityId, kind_id: kind.id, name: opts.name, asset_tag: opts.tag, serial: opts.serial ?? null, status: "in_use",
    version: 1, created_at: at, updated_at: at,
  }).returning("id").executeTakeFirstOrThrow();
  if (opts.hostname || opts.mac || opts.ip) {
    const details = JSON.stringify({ networks: [{ name: "eth0", mac: opts.mac ?? null, ipv4: opts.ip ? [opts.ip] : [], ipv6: [] }] });
    await db.insertInto("asset_inventory").values({
      asset_id: id, agent_id: null, agent_name: null, agent_version: null, hostname: opts.hostname ?? null, uuid: null, os_name: null,
      os_version: null, os_build: null, os_arch: null, os_install_date: null, memory_mb: null, disk_mb: null, fullest_volume_pct: null,
      last_user: null, antivirus_ok: null, software_count: 0, details, details_hash: "", software_hash: "", inventoried_at: at,
      received_at: at, first_received_at: at,
    }).execute();
  }
  return id;
}
