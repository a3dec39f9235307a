import { type SlaCalendar, type SlaLevel, type SlaPolicy, WEEKDAYS } from "../../../shared/api/sla.js";
import type { Db } from "../../db/database.js";
import type { Snapshot } from "../history/history.service.js";

/**
 * Calendars and SLAs as the history shows them: one field per thing a supervisor sets (each day's
 * hours, each priority's targets in minutes, each escalation level), so that a change reads
 * "Monday: 09:00-12:00 → 08:00-12:00" rather than as two JSON documents.
 */

export function calendarSnapshot(c: SlaCalendar): Snapshot {
  const d = c.definition;
  const closures = d.closures.map((x) => [x.to ? `${x.from}–${x.to}` : x.from, x.label].filter(Boolean).join(" ")).join("; ");
  return {
    name: c.name, timeZone: d.timeZone,
    ...Object.fromEntries(WEEKDAYS.map((day) => [day, d.week[day].join(", ") || null])),
    france: d.holidays.france, alsaceMoselle: d.holidays.alsaceMoselle, closures: closures || null,
  };
}

/** The groups escalation levels reassign to, by name (one query for both sides of a change). */
export async function levelGroupNames(db: Db, ...policies: (SlaPolicy | null)[]): Promise<Map<number, string>> {
  const ids = [...new Set(policies.flatMap((p) => p?.levels ?? []).flatMap((l) => (l.groupId === null ? [] : [l.groupId])))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("user_group").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** "resolve · 75 % · assignee+group · → Support N2 · P+1": the codes the escalation history already uses. */
function levelText(level: SlaLevel, groups: Map<number, string>): string {
  const when = level.trigger === "share" ? `${level.percent} %` : `+${level.minutesAfter} min`;
  const parts = [level.target, when];
  if (level.notify.length > 0) parts.push(level.notify.join("+"));
  if (level.groupId !== null) parts.push(`→ ${groups.get(level.groupId) ?? `#${level.groupId}`}`);
  if (level.raisePriority) parts.push("P+1");
  return parts.join(" · ");
}

export function policySnapshot(p: SlaPolicy, groups: Map<number, string>): Snapshot {
  const targets: Snapshot = {};
  for (const priority of [5, 4, 3, 2, 1]) {
    const target = p.targets.find((x) => x.priority === priority);
    targets[`own${priority}`] = target?.ownMinutes ?? null;
    targets[`resolve${priority}`] = target?.resolveMinutes ?? null;
  }
  return {
    name: p.name, entity: p.entityName, recursive: p.isRecursive, category: p.categoryName, contract: p.contractName, isActive: p.isActive, ...targets,
    ...Object.fromEntries(p.levels.map((level, i) => [`level${i + 1}`, levelText(level, groups)])),
  };
}
