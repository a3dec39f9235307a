import { Anchor, Group, Select, Skeleton, Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ASSET_EVENT_TYPES } from "../../../../shared/domain/assets.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { useFormat } from "../../../i18n/format.js";
import { LocationSelect } from "../references/LocationSelect.js";
import { numberOrNull } from "./asset-params.js";
import { AssetErrorAlert } from "./asset-ui.js";
import { EventBadge, EventChanges } from "./AssetTimeline.js";
import { useMovements } from "./useAssets.js";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The URL's filters as the API takes them; a "to" day is included whole by the server. */
export function movementQuery(params: URLSearchParams) {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const type = params.get("type") ?? "";
  return {
    locationId: numberOrNull(params.get("locationId") ?? undefined) ?? undefined,
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
    type: (ASSET_EVENT_TYPES as readonly string[]).includes(type) ? type : undefined,
  };
}

/** "Everything that moved in Lyon last month": fleet-wide events by place and dates, kept in the URL. */
export function MovementsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const movements = useMovements(movementQuery(params));
  const set = (key: string, value: string | null) =>
    setParams((old) => {
      const next = new URLSearchParams(old);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    }, { replace: true });

  return (
    <>
      <PageHeader crumbs={[{ label: t("assets.title"), to: "/assets" }]} title={t("assets.movements.title")}
        description={t("assets.movements.description")} />
      <Group mb="sm" gap="sm" align="flex-end" wrap="wrap">
        <div style={{ minWidth: 260 }}>
          <LocationSelect label={t("assets.filters.location")} value={numberOrNull(params.get("locationId") ?? undefined)}
            onChange={(id) => set("locationId", id === null ? null : String(id))} />
        </div>
        <TextInput type="date" label={t("assets.movements.from")} value={params.get("from") ?? ""} w={170}
          onChange={(e) => set("from", e.currentTarget.value)} />
        <TextInput type="date" label={t("assets.movements.to")} value={params.get("to") ?? ""} w={170}
          onChange={(e) => set("to", e.currentTarget.value)} />
        <Select label={t("assets.movements.type")} placeholder={t("assets.movements.anyType")} clearable w={220}
          data={ASSET_EVENT_TYPES.map((value) => ({ value, label: t(`assets.events.${value}`) }))}
          value={params.get("type")} onChange={(value) => set("type", value)} />
      </Group>
      <AssetErrorAlert error={movements.error} />
      {movements.isPending ? <Skeleton h={240} /> : movements.items.length === 0 && !movements.isError ? (
        <Text c="dimmed" py="xl" ta="center">{t("assets.movements.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assets.movements.when")}</Table.Th>
                <Table.Th>{t("assets.movements.asset")}</Table.Th>
                <Table.Th>{t("assets.movements.type")}</Table.Th>
                <Table.Th>{t("assets.movements.change")}</Table.Th>
                <Table.Th>{t("assets.movements.who")}</Table.Th>
                <Table.Th>{t("assets.movements.reason")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {movements.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td className="nowrap">{format.dateTime(event.createdAt)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/assets/${event.assetId}`} fz="sm" className="mono nowrap">{event.assetTag}</Anchor>
                    <Text size="xs" c="dimmed">{event.assetName}</Text>
                  </Table.Td>
                  <Table.Td><EventBadge type={event.type} /></Table.Td>
                  <Table.Td miw={220}><EventChanges event={event} /></Table.Td>
                  <Table.Td className="nowrap">{event.actorName ?? "—"}</Table.Td>
                  <Table.Td>{event.reason ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={movements.items.length} hasNextPage={movements.hasNextPage} isFetchingNextPage={movements.isFetchingNextPage}
        fetchNextPage={movements.fetchNextPage} />
    </>
  );
}
