import { MultiSelect, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SLA_FILTERS, SUPPORT_LEVELS, TICKET_CHANNELS, TICKET_TYPES } from "../../../../shared/domain/tickets.js";
import { UserSelect } from "../../../components/UserSelect.js";
import { CategorySelect } from "../../categories/CategorySelect.js";
import { useEntity, useEntityList } from "../../identity/entities/useEntities.js";
import { GroupSelect } from "../ticket-ui.js";
import { type QueueQuery, dayToInstant, idOf, instantToDay, listOf } from "./queue-params.js";
import { useUserLabel } from "./useQueue.js";

type FilterProps = { query: QueueQuery; setFilter: (key: string, value: string | null) => void };

const idText = (id: number | null) => (id === null ? null : String(id));

function UserFilter({ name, label, query, setFilter }: FilterProps & { name: string; label: string }) {
  const id = idOf(query[name]);
  return (
    <UserSelect label={label} value={id} initialLabel={useUserLabel(id)} onChange={(next) => setFilter(name, idText(next))} size="xs" />
  );
}

/** An entity and its sub-entities, found by its complete name ("Groupe > Lyon > Atelier"). */
function EntityFilter({ query, setFilter }: FilterProps) {
  const { t } = useTranslation();
  const id = idOf(query.entityId);
  const [search, setSearch] = useState("");
  const selected = useEntity(id);
  const [debounced] = useDebouncedValue(selected.data?.completeName === search ? "" : search, 250);
  const list = useEntityList({ q: debounced || undefined });
  const options = [...list.items];
  if (selected.data && !options.some((entity) => entity.id === selected.data.id)) options.unshift(selected.data);
  return (
    <Select
      label={t("queue.entity")}
      placeholder={t("common.searchPlaceholder")}
      data={options.map((entity) => ({ value: String(entity.id), label: entity.completeName }))}
      value={idText(id)}
      onChange={(next) => setFilter("entityId", next)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={list.isFetching ? t("common.loading") : t("common.nothingFound")}
      clearable
      size="xs"
    />
  );
}

/** A day in the browser's zone; the URL keeps the instant, `shift` days on (an inclusive "to" is the next midnight). */
function DayFilter({ name, label, shift = 0, query, setFilter }: FilterProps & { name: string; label: string; shift?: number }) {
  return (
    <TextInput
      type="date"
      label={label}
      value={instantToDay(query[name], shift)}
      onChange={(event) => setFilter(name, event.currentTarget.value ? dayToInstant(event.currentTarget.value, shift) : null)}
      size="xs"
    />
  );
}

/** Every other field a technician filters on. */
export function FilterPanel({ query, setFilter }: FilterProps) {
  const { t } = useTranslation();
  const props = { query, setFilter };
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs" mb="md">
      <Select
        label={t("tickets.type")}
        placeholder={t("tickets.anyType")}
        data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
        value={query.type ?? null}
        onChange={(value) => setFilter("type", value)}
        clearable
        size="xs"
      />
      <Select
        label={t("tickets.level")}
        placeholder={t("tickets.anyLevel")}
        data={SUPPORT_LEVELS.map((n) => ({ value: String(n), label: t(`tickets.levels.${n}`) }))}
        value={query.level ?? null}
        onChange={(value) => setFilter("level", value)}
        clearable
        size="xs"
      />
      <MultiSelect
        label={t("tickets.channel")}
        placeholder={query.channel ? undefined : t("queue.anyChannel")}
        data={TICKET_CHANNELS.map((value) => ({ value, label: t(`tickets.channels.${value}`) }))}
        value={listOf(query.channel)}
        onChange={(value) => setFilter("channel", value.join(",") || null)}
        clearable
        size="xs"
      />
      <CategorySelect
        label={t("queue.category")}
        value={idOf(query.categoryId)}
        onChange={(value) => setFilter("categoryId", idText(value))}
        includeInactive
        size="xs"
      />
      <UserFilter {...props} name="requesterId" label={t("tickets.requester")} />
      <UserFilter {...props} name="assigneeId" label={t("tickets.assignee")} />
      <GroupSelect label={t("tickets.group")} value={idOf(query.groupId)} onChange={(value) => setFilter("groupId", idText(value))} size="xs" />
      <EntityFilter {...props} />
      <DayFilter {...props} name="createdFrom" label={t("queue.createdFrom")} />
      <DayFilter {...props} name="createdBefore" label={t("queue.createdTo")} shift={1} />
      <DayFilter {...props} name="dueBefore" label={t("queue.dueBefore")} />
      <Select label={t("sla.filter.label")} placeholder={t("sla.filter.any")} value={query.sla ?? null} clearable size="xs"
        data={SLA_FILTERS.map((value) => ({ value, label: t(`sla.filter.${value}`) }))} onChange={(value) => setFilter("sla", value)} />
    </SimpleGrid>
  );
}
