import { Anchor, Button, Group, Select, Skeleton, Table, Tabs, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { CONTRACT_SORTS } from "../../../../shared/api/contracts.js";
import { CONTRACT_TYPES, type ContractType } from "../../../../shared/domain/assets.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { SearchIcon } from "../../../components/icons.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { can } from "../../../lib/permissions.js";
import { useSetParam } from "../../../lib/useSetParam.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { ContractBadges, useDayFormat, useMoneyFormat } from "./contract-ui.js";
import { ContractDrawer } from "./ContractDrawer.js";
import { FleetAlertsList } from "./FleetAlertsList.js";
import { type ContractFilters, useContractList } from "./useContracts.js";

type Sort = (typeof CONTRACT_SORTS)[number];
const isDay = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** The contracts of the entity scope, and (second tab) the alerts: filters live in the URL so "back" keeps them. */
export function ContractsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const { scope } = useEntityScope();
  const tab = params.get("tab") === "alerts" ? "alerts" : "list";

  const setParam = useSetParam();

  return (
    <>
      <PageHeader title={t("contracts.title")} description={t("contracts.description")}
        actions={can(me, "asset.manage") && <Button onClick={() => setCreating(true)}>{t("contracts.new")}</Button>} />
      <Tabs value={tab} onChange={(value) => setParam("tab", value === "alerts" ? "alerts" : null)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="list">{t("contracts.tabs.list")}</Tabs.Tab>
          <Tabs.Tab value="alerts">{t("contracts.tabs.alerts")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list"><ContractList params={params} setParam={setParam} /></Tabs.Panel>
        <Tabs.Panel value="alerts"><FleetAlertsList /></Tabs.Panel>
      </Tabs>
      {creating && <ContractDrawer contract={null} entityId={scope.entityId ?? me.entityId} onClose={() => setCreating(false)} />}
    </>
  );
}

function ContractList({ params, setParam }: { params: URLSearchParams; setParam: (name: string, value: string | null) => void }) {
  const { t } = useTranslation();
  const { scopeQuery } = useEntityScope();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // The URL follows the search box once typing pauses; setParam changes with every location.
  useEffect(() => setParam("q", debounced || null), [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  const type = (CONTRACT_TYPES as readonly string[]).includes(params.get("type") ?? "") ? (params.get("type") as ContractType) : undefined;
  const sort: Sort = params.get("sort") === "name" ? "name" : "end_date";
  const filters: ContractFilters = {
    entityId: scopeQuery.entityId, contractType: type, q: debounced || undefined, sort,
    endingBefore: isDay(params.get("endingBefore")), noticeBefore: isDay(params.get("noticeBefore")),
  };
  const list = useContractList(filters);
  const filtered = Boolean(type || debounced || filters.endingBefore || filters.noticeBefore);

  return (
    <>
      <Group mb="sm" gap="sm" align="flex-end" wrap="wrap">
        <TextInput label={t("common.search")} placeholder={t("contracts.searchPlaceholder")} leftSection={<SearchIcon size={16} />}
          value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: "100%", sm: 260 }} type="search" />
        <Select label={t("contracts.fields.contractType")} placeholder={t("contracts.allTypes")} clearable value={type ?? null} w={200}
          data={CONTRACT_TYPES.map((value) => ({ value, label: t(`contracts.types.${value}`) }))} onChange={(v) => setParam("type", v)} />
        <TextInput type="date" label={t("contracts.endingBefore")} w={180} value={filters.endingBefore ?? ""}
          onChange={(e) => setParam("endingBefore", e.currentTarget.value || null)} />
        <TextInput type="date" label={t("contracts.noticeBefore")} w={180} value={filters.noticeBefore ?? ""}
          onChange={(e) => setParam("noticeBefore", e.currentTarget.value || null)} />
        <Select label={t("contracts.sort")} value={sort} allowDeselect={false} w={160}
          data={CONTRACT_SORTS.map((value) => ({ value, label: t(`contracts.sorts.${value}`) }))}
          onChange={(v) => setParam("sort", v === "name" ? "name" : null)} />
      </Group>
      <ApiErrorAlert error={list.error} />
      <ContractTable list={list} filtered={filtered} />
      <LoadMore shown={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage} />
    </>
  );
}

function ContractTable({ list, filtered }: { list: ReturnType<typeof useContractList>; filtered: boolean }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const money = useMoneyFormat();
  if (list.isPending) return <Skeleton h={200} />;
  if (list.isError) return null;
  if (list.items.length === 0) {
    return <Text c="dimmed" py="xl" ta="center" maw={640} mx="auto">{filtered ? t("contracts.noMatch") : t("contracts.empty")}</Text>;
  }
  return (
    <div className="table-scroll">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("contracts.fields.name")}</Table.Th>
            <Table.Th>{t("contracts.fields.contractType")}</Table.Th>
            <Table.Th>{t("contracts.fields.supplier")}</Table.Th>
            <Table.Th>{t("contracts.fields.endDate")}</Table.Th>
            <Table.Th>{t("contracts.fields.noticeDate")}</Table.Th>
            <Table.Th ta="right">{t("contracts.fields.yearlyCost")}</Table.Th>
            <Table.Th ta="right">{t("contracts.fields.assetCount")}</Table.Th>
            <Table.Th>{t("contracts.fields.entity")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/contracts/${c.id}`} fw={500}>{c.name}</Anchor>
                {c.number && <Text size="xs" c="dimmed" className="mono">{c.number}</Text>}
                <ContractBadges contract={c} />
              </Table.Td>
              <Table.Td>{t(`contracts.types.${c.contractType}`)}</Table.Td>
              <Table.Td>{c.supplierName ?? "—"}</Table.Td>
              <Table.Td className="nowrap">{day(c.endDate)}</Table.Td>
              <Table.Td className="nowrap">{c.noticeMonths > 0 ? day(c.noticeDate) : "—"}</Table.Td>
              <Table.Td ta="right" className="nowrap">{money(c.yearlyCostCents)}</Table.Td>
              <Table.Td ta="right">{c.assetCount}</Table.Td>
              <Table.Td>{c.entityName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
