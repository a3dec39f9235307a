import { Anchor, Button, Group, Skeleton, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { SearchIcon } from "../../../components/icons.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { SearchFilter } from "../../../components/SearchFilter.js";
import { useFormat } from "../../../i18n/format.js";
import { useSetParam } from "../../../lib/useSetParam.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { useSoftwareList } from "./useSoftware.js";

/** The software catalogue, by name; the search (start of the name) lives in the URL so "back" keeps it. */
export function SoftwareListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params] = useSearchParams();
  const setParam = useSetParam();
  const q = params.get("q") ?? undefined;
  const { scopeQuery } = useEntityScope();
  const list = useSoftwareList(q, scopeQuery.entityId);

  return (
    <>
      <PageHeader crumbs={[{ label: t("assets.title"), to: "/assets" }]} title={t("software.title")} description={t("software.description")}
        actions={<Button component={Link} to="/assets/software/rules" variant="default">{t("software.rulesLink")}</Button>} />
      <Group mb="sm">
        <SearchFilter value={q} onChange={(value) => setParam("q", value)} label={t("software.searchLabel")}
          placeholder={t("software.searchPlaceholder")} icon={<SearchIcon size={16} />} width={280} />
      </Group>
      <ApiErrorAlert error={list.error} />
      {list.isPending ? <Skeleton h={200} /> : list.items.length === 0 && !list.isError ? (
        <Text c="dimmed" py="xl" ta="center">{q ? t("software.emptySearch", { q }) : t("software.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={6} fz="sm" aria-label={t("software.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("software.columns.name")}</Table.Th>
                <Table.Th>{t("software.columns.publisher")}</Table.Th>
                <Table.Th ta="right">{t("software.columns.versions")}</Table.Th>
                <Table.Th ta="right">{t("software.columns.installations")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td><Anchor component={Link} to={`/assets/software/${s.id}`} fw={500}>{s.name}</Anchor></Table.Td>
                  <Table.Td>{s.publisher || <Text span c="dimmed" fz="sm">{t("software.noPublisher")}</Text>}</Table.Td>
                  <Table.Td ta="right">{format.number(s.versions)}</Table.Td>
                  <Table.Td ta="right">{format.number(s.installations)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage} />
    </>
  );
}
