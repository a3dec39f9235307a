import { Button, Checkbox, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BusinessCalendarSchema, WEEKDAYS, type BusinessCalendar, type SlaCalendar, type Weekday } from "../../../shared/api/sla.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import { TimeZoneSelect } from "../../components/TimeZoneSelect.js";
import { useFormat } from "../../i18n/format.js";
import { SlaRowActions } from "./SlaRowActions.js";
import { useCalendarWording } from "./history-wording.js";
import type { HolidayCode } from "../../../server/features/sla/calendar/holidays.js";
import { useDeleteCalendar, useHolidays, useSaveCalendar, useSlaCalendars } from "./useSla.js";
import { EntityContractSelect } from "./ContractSelect.js";

type Draft = { id: number | null; version: number; entityId: number | null; contractId: number | null; contractName: string | null; name: string;
  timeZone: string; week: Record<Weekday, string>; france: boolean; alsaceMoselle: boolean; closures: string };

const OFFICE = "09:00-12:00, 14:00-18:00";
const EMPTY: Draft = { id: null, version: 1, entityId: null, contractId: null, contractName: null, name: "", timeZone: "Europe/Paris",
  week: { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE, sat: "", sun: "" }, france: true, alsaceMoselle: false, closures: "" };

function fromCalendar(c: SlaCalendar): Draft {
  const d = c.definition;
  return { id: c.id, version: c.version, entityId: c.entityId, contractId: c.contractId, contractName: c.contractName, name: c.name, timeZone: d.timeZone,
    week: Object.fromEntries(WEEKDAYS.map((day) => [day, d.week[day].join(", ")])) as Record<Weekday, string>,
    france: d.holidays.france, alsaceMoselle: d.holidays.alsaceMoselle,
    closures: d.closures.map((c) => [c.from, c.to ?? "", c.label ?? ""].join(" ").replace(/\s+$/, "")).join("\n") };
}

/** "2026-08-10 2026-08-14 Fermeture d'été" → a closure; a single date closes one day. */
function toDefinition(draft: Draft): BusinessCalendar {
  const closures = draft.closures.split("\n").map((line) => line.trim()).filter(Boolean).map((line) => {
    const [from = "", maybeTo, ...rest] = line.split(/\s+/);
    const hasTo = maybeTo !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(maybeTo);
    const label = (hasTo ? rest : [maybeTo, ...rest]).filter(Boolean).join(" ");
    return { from, ...(hasTo ? { to: maybeTo } : {}), ...(label ? { label } : {}) };
  });
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, draft.week[day].split(/[,;]/).map((r) => r.replace(/\s+/g, "")).filter(Boolean)]));
  return { timeZone: draft.timeZone, week: week as BusinessCalendar["week"], holidays: { france: draft.france, alsaceMoselle: draft.france && draft.alsaceMoselle }, closures };
}

/** The problems the server would refuse, per field, checked as one types. */
function problemsOf(definition: BusinessCalendar): { days: Set<string>; closures: boolean; week: boolean } {
  const parsed = BusinessCalendarSchema.safeParse(definition);
  const days = new Set<string>();
  let closures = false;
  let week = false;
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (issue.path[0] === "week" && issue.path.length > 1) days.add(String(issue.path[1]));
    else if (issue.path[0] === "week") week = true;
    if (issue.path[0] === "closures") closures = true;
  }
  return { days, closures, week };
}

export function CalendarsTab() {
  const { t } = useTranslation();
  const calendars = useSlaCalendars();
  const remove = useDeleteCalendar();
  const wording = useCalendarWording();
  const [draft, setDraft] = useState<Draft | null>(null);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t("sla.calendars.intro")}</Text>
      <ApiErrorAlert error={calendars.error ?? remove.error} />
      {calendars.isPending ? <Skeleton h={80} /> : (
        <div className="table-scroll">
          <Table aria-label={t("sla.tabs.calendars")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("sla.calendars.entity")}</Table.Th>
                <Table.Th>{t("sla.calendars.name")}</Table.Th>
                <Table.Th>{t("sla.calendars.timeZone")}</Table.Th>
                <Table.Th>{t("sla.calendars.monday")}</Table.Th>
                <Table.Th>{t("sla.calendars.holidays")}</Table.Th>
                <Table.Th>{t("sla.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calendars.data?.data.length === 0 && (
                <Table.Tr><Table.Td colSpan={6}><Text size="sm" c="dimmed">{t("sla.calendars.none")}</Text></Table.Td></Table.Tr>
              )}
              {calendars.data?.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.entityName}
                    {c.contractName && <Text size="xs" c="dimmed">{t("slaContracts.ticket.contract", { name: c.contractName })}</Text>}
                  </Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.definition.timeZone}</Table.Td>
                  <Table.Td>{c.definition.week.mon.join(", ") || "—"}</Table.Td>
                  <Table.Td>{c.definition.holidays.alsaceMoselle ? t("sla.calendars.alsaceMoselle") : c.definition.holidays.france ? t("sla.calendars.france") : "—"}</Table.Td>
                  <Table.Td>
                    <SlaRowActions kind="calendars" item={c} wording={wording} onEdit={() => setDraft(fromCalendar(c))} onDelete={() => remove.mutateAsync(c.id)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {draft ? <CalendarForm key={draft.id ?? "new"} initial={draft} onDone={() => setDraft(null)} />
        : <Group><Button onClick={() => setDraft(EMPTY)}>{t("sla.calendars.new")}</Button></Group>}
    </Stack>
  );
}

function CalendarForm({ initial, onDone }: { initial: Draft; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCalendar();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const definition = toDefinition(draft);
  const problems = problemsOf(definition);
  const invalid = problems.days.size > 0 || problems.closures || problems.week || draft.entityId === null || !draft.name.trim();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (invalid || draft.entityId === null) return;
    const saved = await save.mutateAsync({ id: draft.id, body: { entityId: draft.entityId, contractId: draft.contractId, name: draft.name.trim(), definition,
      version: draft.version } });
    notifications.show({ color: "green", message: t("sla.calendars.saved", { name: saved.name }) });
    onDone();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={(e) => void submit(e).catch(() => undefined)} aria-labelledby="sla-calendar-form">
      <Stack gap="sm">
        <Title order={3} size="h4" id="sla-calendar-form">{draft.id === null ? t("sla.calendars.new") : t("sla.calendars.editTitle", { name: initial.name })}</Title>
        <Group align="end" wrap="wrap">
          {draft.id === null && <EntitySelect label={t("sla.calendars.entity")} value={draft.entityId}
            onChange={(id) => setDraft((d) => ({ ...d, entityId: id, contractId: null }))} required />}
          <TextInput label={t("sla.calendars.name")} value={draft.name} onChange={(e) => set("name", e.currentTarget.value)} required maxLength={200} />
          <TimeZoneSelect label={t("sla.calendars.timeZone")} value={draft.timeZone} onChange={(v) => v && set("timeZone", v)} />
        </Group>
        {/* The contract is chosen with the calendar, as its entity is: shown afterwards for the record. */}
        {(draft.id === null || draft.contractId !== null) && (
          <EntityContractSelect entityId={draft.entityId} value={draft.contractId} onChange={(id) => set("contractId", id)} initialLabel={draft.contractName}
            disabled={draft.id !== null} description={t("slaContracts.calendarHelp")} maw={520} />
        )}
        <Text size="sm" c="dimmed">{t("sla.calendars.hoursHelp")}</Text>
        {problems.week && <Text size="sm" c="red" role="alert">{t("sla.calendars.neverOpen")}</Text>}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          {WEEKDAYS.map((day) => (
            <TextInput key={day} label={t(`sla.weekdays.${day}`)} value={draft.week[day]} placeholder={t("sla.calendars.closed")}
              onChange={(e) => set("week", { ...draft.week, [day]: e.currentTarget.value })}
              error={problems.days.has(day) ? t("sla.calendars.dayInvalid") : undefined} />
          ))}
        </SimpleGrid>
        <Group>
          <Checkbox label={t("sla.calendars.france")} checked={draft.france} onChange={(e) => set("france", e.currentTarget.checked)} />
          <Checkbox label={t("sla.calendars.alsaceMoselle")} checked={draft.alsaceMoselle} disabled={!draft.france}
            onChange={(e) => set("alsaceMoselle", e.currentTarget.checked)} />
        </Group>
        {draft.france && <HolidayList alsaceMoselle={draft.alsaceMoselle} />}
        <Textarea label={t("sla.calendars.closures")} description={t("sla.calendars.closuresHelp")} autosize minRows={2}
          value={draft.closures} onChange={(e) => set("closures", e.currentTarget.value)} error={problems.closures ? t("sla.calendars.closuresInvalid") : undefined} />
        <ApiErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={invalid}>{t("sla.save")}</Button>
          <Button variant="default" onClick={onDone}>{t("sla.cancel")}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** This year's public holidays, so that the supervisor sees what "French holidays" closes. */
function HolidayList({ alsaceMoselle }: { alsaceMoselle: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const year = new Date().getFullYear();
  const holidays = useHolidays(year, alsaceMoselle);
  return (
    <Text size="sm" c="dimmed">
      {t("sla.calendars.holidaysOf", { year })}{" "}
      {holidays.data?.data.map((h) => `${t(`sla.holidays.${h.code as HolidayCode}`)} (${format.date(`${h.date}T12:00:00Z`)})`).join(" · ")}
    </Text>
  );
}
