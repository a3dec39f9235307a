import { Anchor, Badge, Button, Group, MultiSelect, NumberInput, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RECURRING_FREQUENCIES, type Recurring, type RecurringValues } from "../../../shared/api/automation.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import { ItemsTab } from "./ItemsTab.js";
import { TimeZoneSelect } from "../../components/TimeZoneSelect.js";
import { UserSelect } from "../../components/UserSelect.js";
import { useFormat } from "../../i18n/format.js";
import { useAssetList } from "../assets/core/useAssets.js";
import { useRecurringCommand, useRecurringList, useSaveRecurring, useTemplates } from "./useAutomation.js";

/** Preventive maintenance and routine checks: tickets created on a schedule from a template. */
export function RecurringTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const command = useRecurringCommand();
  return (
    <ItemsTab section="recurring" list={useRecurringList()} minWidth={760}
      remove={{ ...command, mutateAsync: (r: Recurring) => command.mutateAsync({ kind: "delete", id: r.id }) }}
      columns={[
        { header: t("automation.name"), cell: (r) => <>
          <Text size="sm" fw={600}>{r.name}</Text>
          <Text size="xs" c="dimmed">{r.templateName} · {r.entityName}{r.assets.length > 0 ? ` · ${t("automation.recurring.assetCount", { count: r.assets.length })}` : ""}</Text>
        </> },
        { header: t("automation.recurring.schedule"),
          cell: (r) => <Text size="sm">{t(`automation.recurring.every.${r.frequency}`, { count: r.every, day: r.weekday ? t(`automation.days.${r.weekday as 1}`) : "", time: r.timeOfDay })}</Text> },
        { header: t("automation.recurring.nextRun"), cell: (r) => (r.nextRunAt ? format.dateTime(r.nextRunAt) : <Badge color="gray">{t("automation.recurring.paused")}</Badge>) },
        { header: t("automation.recurring.lastTickets"), cell: (r) => (r.recentTickets.length === 0 ? <Text size="sm" c="dimmed">—</Text> : (
          <Group gap={6}>{r.recentTickets.map((x) => <Anchor key={x.ticketId} component={Link} to={`/tickets/${x.ticketId}`} size="sm" title={x.title}>#{x.ticketId}</Anchor>)}</Group>
        )) },
        { header: t("automation.active"), cell: (r) => (
          <Switch aria-label={t("automation.recurring.activeFor", { name: r.name })} checked={r.isActive}
            onChange={(e) => command.mutate({ kind: "pause", id: r.id, isActive: e.currentTarget.checked })} />
        ) },
      ]}
      form={(recurring, done) => <RecurringForm recurring={recurring} onDone={done} />} />
  );
}

function AssetsPicker({ entityId, value, initial, onChange }: { entityId: number; value: number[]; initial: { id: number; name: string }[]; onChange: (ids: number[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const assets = useAssetList({ entityId: entityId || undefined, q: q || undefined, limit: 50 }, entityId > 0);
  const known = new Map([...initial.map((a) => [a.id, a.name] as const), ...assets.items.map((a) => [a.id, `${a.name} (${a.assetTag})`] as const)]);
  return (
    <MultiSelect label={t("automation.recurring.assets")} description={t("automation.recurring.assetsHelp")} searchable searchValue={search} onSearchChange={setSearch}
      data={[...known].map(([id, name]) => ({ value: String(id), label: name }))} value={value.map(String)} onChange={(v) => onChange(v.map(Number))} />
  );
}

function RecurringForm({ recurring, onDone }: { recurring?: Recurring; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRecurring();
  const templates = useTemplates();
  const [form, setForm] = useState<RecurringValues>(() => ({
    name: recurring?.name ?? "", entityId: recurring?.entityId ?? 0, templateId: recurring?.templateId ?? 0, requesterId: recurring?.requesterId ?? null,
    frequency: recurring?.frequency ?? "week", every: recurring?.every ?? 1, weekday: recurring?.weekday ?? 1, timeOfDay: recurring?.timeOfDay ?? "08:00",
    timeZone: recurring?.timeZone ?? "Europe/Paris", startsOn: recurring?.startsOn ?? new Date().toISOString().slice(0, 10),
    assetIds: recurring?.assets.map((a) => a.id) ?? [], isActive: recurring?.isActive ?? true,
  }));
  const set = (patch: Partial<RecurringValues>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); save.mutate({ id: recurring?.id, body: form }, { onSuccess: onDone }); }}>
      <TextInput label={t("automation.name")} required value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} />
      <EntitySelect label={t("automation.entity")} required value={form.entityId || null} onChange={(v) => set({ entityId: v ?? 0 })} />
      <Select label={t("automation.recurring.template")} required value={form.templateId ? String(form.templateId) : null}
        data={(templates.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))} onChange={(v) => set({ templateId: Number(v ?? 0) })} />
      <UserSelect label={t("automation.recurring.requester")} value={form.requesterId ?? null} onChange={(v) => set({ requesterId: v })} />
      <Group grow align="flex-end">
        <NumberInput label={t("automation.recurring.everyN")} min={1} max={365} value={form.every} onChange={(v) => set({ every: Number(v) || 1 })} />
        <Select label={t("automation.recurring.frequency")} allowDeselect={false} value={form.frequency}
          data={RECURRING_FREQUENCIES.map((f) => ({ value: f, label: t(`automation.recurring.units.${f}`) }))} onChange={(v) => set({ frequency: (v ?? "week") as RecurringValues["frequency"] })} />
      </Group>
      <Group grow align="flex-end">
        {form.frequency === "week" && (
          <Select label={t("automation.recurring.weekday")} allowDeselect={false} value={String(form.weekday ?? 1)}
            data={([1, 2, 3, 4, 5, 6, 7] as const).map((d) => ({ value: String(d), label: t(`automation.days.${d}`) }))} onChange={(v) => set({ weekday: Number(v ?? 1) })} />
        )}
        <TextInput type="time" label={t("automation.recurring.time")} required value={form.timeOfDay} onChange={(e) => set({ timeOfDay: e.currentTarget.value })} />
      </Group>
      <Group grow align="flex-end">
        <TextInput type="date" label={t("automation.recurring.startsOn")} required value={form.startsOn} onChange={(e) => set({ startsOn: e.currentTarget.value })} />
        <TimeZoneSelect label={t("automation.recurring.timeZone")} value={form.timeZone ?? null} onChange={(v) => set({ timeZone: v ?? "Europe/Paris" })} />
      </Group>
      <AssetsPicker entityId={form.entityId} value={form.assetIds ?? []} initial={recurring?.assets ?? []} onChange={(assetIds) => set({ assetIds })} />
      <Switch label={t("automation.active")} checked={form.isActive} onChange={(e) => set({ isActive: e.currentTarget.checked })} />
      <ApiErrorAlert error={save.error} />
      <Group justify="flex-end"><Button variant="default" onClick={onDone}>{t("automation.cancel")}</Button><Button type="submit" loading={save.isPending}>{t("automation.save")}</Button></Group>
    </Stack>
  );
}
