import { Badge, Button, Collapse, Group, MultiSelect, Select } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SCALE, TICKET_SORTS, TICKET_STATUSES } from "../../../../shared/domain/tickets.js";
import { SearchFilter } from "../../../components/SearchFilter.js";
import { FilterPanel } from "./FilterPanel.js";
import { PANEL_KEYS, type QueueQuery, countFilters, listOf, queueSort } from "./queue-params.js";

type FilterProps = { query: QueueQuery; setFilter: (key: string, value: string | null) => void };

/**
 * The queue's filters: title, status, priority and sort in view; every other field behind
 * "more filters", which says how many are set. `tools` go at the row's end (columns…).
 */
export function QueueFilters({ query, setFilter, onClear, tools }: FilterProps & { onClear: () => void; tools: ReactNode }) {
  const { t } = useTranslation();
  const panelCount = countFilters(query, PANEL_KEYS);
  const [opened, panel] = useDisclosure(panelCount > 0);
  const statuses = listOf(query.status);
  const priorities = listOf(query.priority);
  return (
    <>
      <Group mb="sm" gap="sm" align="flex-end" wrap="wrap">
        <SearchFilter value={query.q} onChange={(value) => setFilter("q", value)} label={t("queue.search")}
          placeholder={t("queue.searchPlaceholder")} width={220} />
        <MultiSelect
          label={t("tickets.status")}
          placeholder={statuses.length ? undefined : t("tickets.anyStatus")}
          data={TICKET_STATUSES.map((value) => ({ value, label: t(`tickets.statuses.${value}`) }))}
          value={statuses}
          onChange={(value) => setFilter("status", value.join(",") || null)}
          clearable
          w={{ base: "100%", sm: 240 }}
          size="xs"
        />
        <MultiSelect
          label={t("tickets.priority")}
          placeholder={priorities.length ? undefined : t("tickets.anyPriority")}
          data={[...SCALE].reverse().map((n) => ({ value: String(n), label: `${n} · ${t(`tickets.scale.${n}`)}` }))}
          value={priorities}
          onChange={(value) => setFilter("priority", value.join(",") || null)}
          clearable
          w={{ base: "100%", sm: 200 }}
          size="xs"
        />
        <Select
          label={t("tickets.sort")}
          data={TICKET_SORTS.map((value) => ({ value, label: t(`tickets.sorts.${value}`) }))}
          value={queueSort(query)}
          onChange={(value) => setFilter("sort", value)}
          allowDeselect={false}
          w={170}
          size="xs"
        />
        <Button
          variant={opened ? "light" : "default"}
          size="xs"
          onClick={panel.toggle}
          aria-expanded={opened}
          aria-controls="queue-more-filters"
          rightSection={panelCount > 0 ? <Badge size="xs" circle>{panelCount}</Badge> : undefined}
        >
          {t("queue.moreFilters")}
        </Button>
        {tools}
        {countFilters(query) > 0 && (
          <Button variant="subtle" size="xs" onClick={onClear}>
            {t("tickets.clearFilters")}
          </Button>
        )}
      </Group>
      <Collapse expanded={opened} id="queue-more-filters">
        <FilterPanel query={query} setFilter={setFilter} />
      </Collapse>
    </>
  );
}
