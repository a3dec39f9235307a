import { SAVED_QUERY_KEYS } from "../../../../shared/api/saved-views.js";
import { TICKET_SORTS, TICKET_VIEWS, type TicketView } from "../../../../shared/domain/tickets.js";

/**
 * The queue's state is its URL: the same names and values as GET /api/tickets takes, so a link
 * can be shared, a saved view is the URL's filters, and "back" from a ticket finds the list as it was.
 */
export type QueueQuery = Record<string, string>;

/** Filters a technician sets beyond the view and the sort (what "clear filters" empties). */
export const FILTER_KEYS = SAVED_QUERY_KEYS.filter((key) => !["view", "sort", "portal"].includes(key));

/** Filters shown in the "more filters" panel (the others stay in view all the time). */
export const PANEL_KEYS = ["type", "level", "channel", "categoryId", "requesterId", "assigneeId", "groupId", "entityId",
  "createdFrom", "createdBefore", "dueBefore", "sla"] as const;

const DEFAULTS: QueueQuery = { view: "open", sort: "updated" };

/** Known keys only, empty values and defaults left out: two equal queues give equal objects. */
export function normalizeQuery(source: URLSearchParams | QueueQuery): QueueQuery {
  const get = (key: string) => (source instanceof URLSearchParams ? source.get(key) : source[key]) ?? "";
  const query: QueueQuery = {};
  for (const key of SAVED_QUERY_KEYS) {
    const value = get(key).trim();
    if (value && DEFAULTS[key] !== value && key !== "portal") query[key] = value;
  }
  return query;
}

export function sameQuery(a: QueueQuery, b: QueueQuery): boolean {
  const left = normalizeQuery(a);
  const right = normalizeQuery(b);
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}

export function queueView(query: QueueQuery): TicketView {
  return (TICKET_VIEWS as readonly string[]).includes(query.view ?? "") ? (query.view as TicketView) : "open";
}

export function queueSort(query: QueueQuery): (typeof TICKET_SORTS)[number] {
  return (TICKET_SORTS as readonly string[]).includes(query.sort ?? "") ? (query.sort as (typeof TICKET_SORTS)[number]) : "updated";
}

export function countFilters(query: QueueQuery, keys: readonly string[] = FILTER_KEYS): number {
  return keys.filter((key) => query[key]).length;
}

/** "a,b" ↔ ["a", "b"], for the multiple choices (status, priority, channel). */
export function listOf(value: string | undefined): string[] {
  return (value ?? "").split(",").filter(Boolean);
}

export function idOf(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** A day picked in the browser ("2026-01-15") as the instant its local midnight is, plus `days`. */
export function dayToInstant(day: string, days = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The local day an instant falls on, minus `days`: what a date field shows for a filter. */
export function instantToDay(instant: string | undefined, days = 0): string {
  if (!instant) return "";
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return "";
  date.setDate(date.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
