import { Badge, Select, type SelectProps, Typography } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Group } from "../../../shared/api/groups.js";
import { SCALE, type TicketStatus } from "../../../shared/domain/tickets.js";
import { useGroup, useGroupList } from "../identity/groups/useGroups.js";

const STATUS_COLORS: Record<TicketStatus, string> = {
  new: "blue",
  assigned: "cyan",
  in_progress: "indigo",
  pending: "yellow",
  solved: "green",
  closed: "gray",
};

export function TicketStatusBadge({ status, size = "sm" }: { status: TicketStatus; size?: "xs" | "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === "closed" ? "outline" : "light"} size={size} miw="max-content">
      {t(`tickets.statuses.${status}`)}
    </Badge>
  );
}

/** 1 (very low) … 5 (very high): grey to red, the two highest filled so they stand out in a list. */
const PRIORITY_COLORS = ["gray", "teal", "yellow", "orange", "red"] as const;

export function PriorityBadge({ priority, size = "sm" }: { priority: number; size?: "xs" | "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  const level = Math.min(5, Math.max(1, priority)) as 1 | 2 | 3 | 4 | 5;
  return (
    <Badge
      color={PRIORITY_COLORS[level - 1]}
      variant={level >= 4 ? "filled" : "light"}
      size={size}
      miw="max-content"
      title={`${t("tickets.priority")} ${level}/5`}
    >
      {level} · {t(`tickets.scale.${level}`)}
    </Badge>
  );
}

/** "1 · Très basse" … for urgency / impact / priority pickers. */
export function useScaleOptions() {
  const { t } = useTranslation();
  return SCALE.map((n) => ({ value: String(n), label: `${n} · ${t(`tickets.scale.${n}`)}` }));
}

type ScaleSelectProps = Omit<SelectProps, "data" | "value" | "onChange"> & { value: number; onChange: (value: number) => void };

/** A 1–5 urgency or impact picker, "1 · Très basse" … "5 · Très haute". */
export function ScaleSelect({ value, onChange, ...props }: ScaleSelectProps) {
  const scale = useScaleOptions();
  return (
    <Select {...props} data={scale} value={String(value)} onChange={(v) => v && onChange(Number(v))} allowDeselect={false} />
  );
}

/** A textarea's plain text as the HTML the API stores: escaped, one paragraph per blank line. */
export function textToHtml(text: string): string {
  const escaped = text
    .trim()
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** Descriptions and followups: HTML the server has already sanitised (sanitize-html, allow-list). */
export function RichText({ html }: { html: string }) {
  return (
    <Typography className="rich-text" fz="sm">
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

/** Picks a group by name, searching on the server. */
export function GroupSelect({
  value,
  onChange,
  ...props
}: { value: number | null; onChange: (value: number | null) => void } & Omit<
  SelectProps,
  "value" | "onChange" | "data"
>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const selected = useGroup(value ?? 0, value !== null);
  const isShowingSelection = selected.data !== undefined && search === selected.data.name;
  const [debounced] = useDebouncedValue(isShowingSelection ? "" : search, 250);
  const list = useGroupList({ q: debounced || undefined });
  const options: Group[] = [...list.items];
  if (selected.data && !options.some((group) => group.id === selected.data.id)) options.unshift(selected.data);
  return (
    <Select
      placeholder={t("common.searchPlaceholder")}
      {...props}
      data={options.map((group) => ({ value: String(group.id), label: group.name }))}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={list.isFetching ? t("common.loading") : t("common.nothingFound")}
      clearable
    />
  );
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "il y a 5 min", "hier"…: how long ago, in the user's language. */
export function useRelativeTime() {
  const { i18n } = useTranslation();
  const format = new Intl.RelativeTimeFormat(i18n.language, { numeric: "auto", style: "short" });
  return (iso: string, now = Date.now()) => {
    const seconds = (new Date(iso).getTime() - now) / 1000;
    if (Number.isNaN(seconds)) return iso;
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return format.format(0, "second");
  };
}

/** "YYYY-MM-DD HH:MM" in the browser's zone → ISO; "" → undefined; anything else → null (invalid). */
export function parseLocalDateTime(text: string): string | undefined | null {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(trimmed);
  if (!match) return null;
  const [, y, mo, d, h = "09", mi = "00"] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}


/** 95 → "1 h 35", 20 → "20 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${String(rest).padStart(2, "0")}` : ""}`;
}

/** A call's length, 75 → "01:15"; an hour or more → "1:01:15". */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mmss = `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
