import { Badge, Button, Collapse, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Switch } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ASSET_SORTS } from "../../../../shared/api/assets.js";
import { ASSET_FAMILIES, ASSET_STATUSES } from "../../../../shared/domain/assets.js";
import { SearchIcon } from "../../../components/icons.js";
import { SearchFilter } from "../../../components/SearchFilter.js";
import { UserSelect } from "../../../components/UserSelect.js";
import { useUserLabel } from "../../tickets/queue/useQueue.js";
import { useKindName } from "../references/kind-name.js";
import { LocationSelect } from "../references/LocationSelect.js";
import { ManufacturerSelect } from "../references/ManufacturerSelect.js";
import { SupplierSelect } from "../references/SupplierSelect.js";
import { useKindList } from "../references/useReferences.js";
import { type AssetQuery, type ListKey, countAssetFilters, listOf, numberOrNull } from "./asset-params.js";

type FilterProps = { query: AssetQuery; setFilter: (key: ListKey, value: string | null) => void };

/** Families first, as a technician thinks "the printers", then the kind inside it. */
export function FamilyTabs({ query, setFilter }: FilterProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" style={{ marginBottom: "var(--mantine-spacing-xs)" }}>
      <SegmentedControl
        aria-label={t("assets.family")}
        value={query.family ?? "all"}
        onChange={(value) => setFilter("family", value === "all" ? null : value)}
        data={["all", ...ASSET_FAMILIES].map((value) => ({ value, label: t(`assets.families.${value as "all"}`) }))}
        size="sm"
      />
    </div>
  );
}

/** The kinds of the chosen family (laptops or desktops among the computers). */
function KindFilter({ query, setFilter }: FilterProps) {
  const { t } = useTranslation();
  const kinds = useKindList();
  const kindName = useKindName();
  const data = (kinds.data ?? []).filter((k) => !query.family || k.family === query.family)
    .map((k) => ({ value: String(k.id), label: kindName(k) }));
  return (
    <Select label={t("assets.fields.kind")} placeholder={t("assets.families.all")} data={data} value={query.kindId ?? null}
      onChange={(value) => setFilter("kindId", value)} clearable searchable w={{ base: "100%", sm: 200 }} size="xs" />
  );
}

const idText = (id: number | null) => (id === null ? null : String(id));

function MoreFilters({ query, setFilter }: FilterProps) {
  const { t } = useTranslation();
  const userId = numberOrNull(query.userId);
  const userLabel = useUserLabel(userId);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="sm">
      <LocationSelect label={t("assets.filters.location")} value={numberOrNull(query.locationId)}
        onChange={(id) => setFilter("locationId", idText(id))} />
      <UserSelect label={t("assets.filters.user")} value={userId} initialLabel={userLabel}
        onChange={(id) => setFilter("userId", idText(id))} />
      <ManufacturerSelect label={t("assets.filters.manufacturer")} value={numberOrNull(query.manufacturerId)}
        onChange={(id) => setFilter("manufacturerId", idText(id))} />
      <SupplierSelect label={t("assets.filters.supplier")} value={numberOrNull(query.supplierId)}
        onChange={(id) => setFilter("supplierId", idText(id))} />
    </SimpleGrid>
  );
}

const PANEL_KEYS: ListKey[] = ["locationId", "userId", "manufacturerId", "supplierId"];

/** Search, status and sort in view; location, user, manufacturer and supplier behind "more filters". */
export function AssetFilters({ query, setFilter, onClear, tools }: FilterProps & { onClear: () => void; tools?: ReactNode }) {
  const { t } = useTranslation();
  const panelCount = PANEL_KEYS.filter((key) => query[key]).length;
  const [opened, panel] = useDisclosure(panelCount > 0);
  // A saved view may bring a location or a user: the panel opens to show them.
  const [hadPanelFilters, setHadPanelFilters] = useState(panelCount > 0);
  if ((panelCount > 0) !== hadPanelFilters) {
    setHadPanelFilters(panelCount > 0);
    if (panelCount > 0) panel.open();
  }
  const statuses = listOf(query.status);
  return (
    <>
      <Group mb="sm" gap="sm" align="flex-end" wrap="wrap">
        <SearchFilter value={query.q} onChange={(value) => setFilter("q", value)} label={t("assets.filters.search")}
          placeholder={t("assets.filters.searchPlaceholder")} icon={<SearchIcon size={14} />} width={240} />
        <KindFilter query={query} setFilter={setFilter} />
        <MultiSelect
          label={t("assets.filters.status")}
          placeholder={statuses.length ? undefined : t("assets.filters.anyStatus")}
          data={ASSET_STATUSES.filter((s) => s !== "disposed" || query.includeDisposed).map((value) => ({ value, label: t(`assets.statuses.${value}`) }))}
          value={statuses}
          onChange={(value) => setFilter("status", value.join(",") || null)}
          clearable
          w={{ base: "100%", sm: 240 }}
          size="xs"
        />
        <Select
          label={t("assets.filters.sort")}
          data={ASSET_SORTS.map((value) => ({ value, label: t(`assets.sorts.${value}`) }))}
          value={query.sort ?? "updated"}
          onChange={(value) => setFilter("sort", value)}
          allowDeselect={false}
          w={160}
          size="xs"
        />
        <Select
          label={t("assets.filters.order")}
          data={(["desc", "asc"] as const).map((value) => ({ value, label: t(`assets.order.${value}`) }))}
          value={query.order ?? "desc"}
          onChange={(value) => setFilter("order", value)}
          allowDeselect={false}
          w={130}
          size="xs"
        />
        <Switch
          label={t("assets.filters.showDisposed")}
          checked={query.includeDisposed === "true"}
          onChange={(event) => setFilter("includeDisposed", event.currentTarget.checked ? "true" : null)}
          mb={6}
          size="sm"
        />
        <Button
          variant={opened ? "light" : "default"}
          size="xs"
          onClick={panel.toggle}
          aria-expanded={opened}
          aria-controls="asset-more-filters"
          rightSection={panelCount > 0 ? <Badge size="xs" circle>{panelCount}</Badge> : undefined}
        >
          {t("assets.filters.more")}
        </Button>
        {countAssetFilters(query) > 0 && (
          <Button variant="subtle" size="xs" onClick={onClear}>
            {t("assets.filters.clear")}
          </Button>
        )}
        {tools}
      </Group>
      <Collapse expanded={opened} id="asset-more-filters">
        <MoreFilters query={query} setFilter={setFilter} />
      </Collapse>
    </>
  );
}
