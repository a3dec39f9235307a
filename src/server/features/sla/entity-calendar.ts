import type { Db } from "../../db/database.js";
import { isOpen } from "./calendar/business-time.js";
import { alwaysOpenCalendar, type BusinessCalendar } from "./calendar/calendar.js";

/**
 * The business calendar of an entity for other modules (the automation rules' "business hours"
 * condition): its own, or its nearest parent's; none: open round the clock, as for SLA deadlines.
 * Read from the table each time, unlike the SLA cache, because a calendar applies here even when
 * no SLA is active. Parsed calendars are kept by their JSON text so that each one is compiled once.
 */
/** Paris time, so that a dry run shows the hour a French desk reads. */
const ALWAYS_OPEN = alwaysOpenCalendar("Europe/Paris");
const PARSED_MAX = 200;
const parsed = new Map<string, BusinessCalendar>();

export type EntityCalendar = { name: string | null; calendar: BusinessCalendar };

export async function entityCalendar(db: Db, entityId: number): Promise<EntityCalendar> {
  const row = await db.selectFrom("entity_closure as ec").innerJoin("sla_calendar as c", "c.entity_id", "ec.ancestor_id")
    .select(["c.name", "c.definition"]).where("ec.descendant_id", "=", entityId).where("c.contract_id", "is", null).orderBy("ec.depth").limit(1).executeTakeFirst();
  if (!row) return { name: null, calendar: ALWAYS_OPEN };
  let calendar = parsed.get(row.definition);
  if (!calendar) {
    if (parsed.size >= PARSED_MAX) parsed.clear();
    calendar = JSON.parse(row.definition) as BusinessCalendar;
    parsed.set(row.definition, calendar);
  }
  return { name: row.name, calendar };
}

/** Whether the calendar is open at this instant. */
export function isBusinessTime(calendar: BusinessCalendar, at: Date): boolean {
  return isOpen(calendar, at);
}
