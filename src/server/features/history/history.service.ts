import type { HistoryEntry, HistoryRecordType } from "../../../shared/api/history.js";
import type { Permission } from "../../../shared/domain/roles.js";
import type { Page } from "../../../shared/api/common.js";
import type { Db } from "../../db/database.js";
import type { HistoryRow } from "../../db/schema.js";
import { now } from "../../db/values.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import type { Ctx } from "../../http/context.js";
import { notFound } from "../../http/errors.js";
import { type Actor, assertCan } from "../identity/access.js";
import { withNames } from "./history-names.js";

export type Change = { field: string; oldValue: unknown; newValue: unknown };

/** Fields whose value must never be copied into history: only the fact they changed. */
const SECRET_FIELDS = new Set(["password", "passwordHash"]);

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

/** The fields of `after` whose value differs from `before`. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Change[] {
  const changes: Change[] = [];
  for (const field of Object.keys(after)) {
    const oldValue = before[field];
    const newValue = after[field];
    if (newValue === undefined || asText(oldValue) === asText(newValue)) continue;
    changes.push({ field, oldValue, newValue });
  }
  return changes;
}

type Event = {
  recordType: HistoryRecordType;
  recordId: number;
  /** The record's entity after the change: who may read this history. */
  entityId: number | null;
  action: "create" | "update" | "delete" | "link" | "unlink";
  changes?: Change[];
  /** For create, delete, link and unlink: what to show, e.g. the name or the member added. */
  label?: string;
  field?: string;
};

/** What was created or linked shows as the new value; what was deleted or unlinked as the old one. */
function labelColumns(event: Event) {
  const label = event.label ?? null;
  const removed = event.action === "delete" || event.action === "unlink";
  return { old_value: removed ? label : null, new_value: removed ? null : label };
}

/** Appends to the history in the caller's transaction. There is no update nor delete of history. */
export async function recordHistory(db: Db, actor: Actor | undefined, event: Event): Promise<void> {
  const base = {
    record_type: event.recordType,
    record_id: event.recordId,
    entity_id: event.entityId,
    action: event.action,
    actor_id: actor?.userId ?? null,
    actor_name: actor?.name ?? "system",
    at: now(),
  };
  const rows = event.changes
    ? event.changes.map((c) => ({
        ...base,
        field: c.field,
        old_value: SECRET_FIELDS.has(c.field) ? null : asText(c.oldValue),
        new_value: SECRET_FIELDS.has(c.field) ? "••••" : asText(c.newValue),
      }))
    : [{ ...base, field: event.field ?? null, ...labelColumns(event) }];
  if (rows.length > 0) await db.insertInto("history").values(rows).execute();
}

/** A setting (calendar, SLA, rule) flattened to readable fields; a diff of two of them is the change. */
export type Snapshot = Record<string, string | number | boolean | null>;

/**
 * Records the creation (every field set, old value empty), the change (the fields that differ) or
 * the deletion (its name) of a setting, in the caller's transaction. Nothing when nothing changed.
 */
export async function recordSettingChange(db: Db, actor: Actor, event: {
  recordType: HistoryRecordType; recordId: number; entityId: number; label: string; before: Snapshot | null; after: Snapshot | null;
}): Promise<void> {
  const { before, after, ...about } = event;
  if (!after) return recordHistory(db, actor, { ...about, action: "delete" });
  // Written last field first: the history reads newest first, so the fields then show in the setting's own order.
  if (!before) {
    const changes = Object.entries(after).filter(([, value]) => value !== null && value !== "").map(([field, newValue]) => ({ field, oldValue: null, newValue }));
    return recordHistory(db, actor, { ...about, action: "create", changes: changes.reverse() });
  }
  // A field present on one side only (a level removed) reads as emptied or newly set.
  const all = Object.fromEntries(Object.keys({ ...before, ...after }).map((field) => [field, after[field] ?? null]));
  const changes = diffFields(before, all);
  if (changes.length > 0) await recordHistory(db, actor, { ...about, action: "update", changes: changes.reverse() });
}

function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    action: row.action as HistoryEntry["action"],
    field: row.field,
    oldValue: row.old_value,
    newValue: row.new_value,
    actorId: row.actor_id,
    actorName: row.actor_name,
    at: row.at,
  };
}

/** Settings are read by those who manage them: their history too (a technician may not read an SLA). */
const READ_PERMISSION: Partial<Record<HistoryRecordType, Permission>> = {
  sla_calendar: "sla.manage", sla_policy: "sla.manage", automation_rule: "automation.manage",
};

/** Newest first. Readable by whoever may read history in the record's (latest) entity. */
export async function listHistory(
  ctx: Ctx,
  recordType: HistoryRecordType,
  recordId: number,
  page: { limit: number; cursor?: string },
): Promise<Page<HistoryEntry>> {
  const latest = await ctx.db
    .selectFrom("history")
    .select("entity_id")
    .where("record_type", "=", recordType)
    .where("record_id", "=", recordId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!latest) throw notFound("NOT_FOUND", "History");
  if (latest.entity_id !== null) await assertCan(ctx.db, ctx.actor, READ_PERMISSION[recordType] ?? "history.read", latest.entity_id);
  else if (!ctx.actor.grants.some((g) => g.role === "admin")) throw notFound("NOT_FOUND", "History");

  let q = ctx.db
    .selectFrom("history")
    .selectAll()
    .where("record_type", "=", recordType)
    .where("record_id", "=", recordId);
  if (page.cursor) q = q.where("id", "<", decodeCursor(page.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("id", "desc").limit(page.limit + 1).execute();
  const result = toPage(rows, page.limit, toHistoryEntry, (r) => [r.id]);
  return { ...result, data: await withNames(ctx.db, result.data) };
}
