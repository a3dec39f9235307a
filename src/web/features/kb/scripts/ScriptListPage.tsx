import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { SearchIcon } from "../../../components/icons.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { SearchFilter } from "../../../components/SearchFilter.js";
import { useFormat } from "../../../i18n/format.js";
import { can } from "../../../lib/permissions.js";
import { useSetParam } from "../../../lib/useSetParam.js";
import { useMe } from "../../auth/useAuth.js";
import { useLoadStarter, useScriptList } from "./useScripts.js";

/** The scripts serving the user's entities, with last month's runs and share solved at level 1. */
export function ScriptListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const [params] = useSearchParams();
  const setParam = useSetParam();
  const q = params.get("q") ?? undefined;
  const list = useScriptList({ q });
  const starter = useLoadStarter();
  const mayManage = can(me, "kb.manage");

  const loadStarter = () => starter.mutate(undefined, {
    onSuccess: (r) => notifications.show({ color: "green", message: t("scripts.list.starterLoaded", { count: r.created }) }),
  });

  return (
    <>
      <PageHeader title={t("scripts.title")} description={t("scripts.description")}
        actions={mayManage && <Button component={Link} to="/kb/scripts/new">{t("scripts.list.new")}</Button>} />
      <Group mb="sm">
        <SearchFilter value={q} onChange={(value) => setParam("q", value)} label={t("scripts.list.search")}
          placeholder={t("scripts.list.search")} icon={<SearchIcon size={16} />} width={280} />
      </Group>
      <ApiErrorAlert error={list.error ?? starter.error} />
      {list.isPending ? <Skeleton h={200} /> : list.items.length === 0 && !list.isError ? (
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap="sm" ta="center">
            <Text c="dimmed">{q ? t("scripts.list.emptySearch", { q }) : t("scripts.list.empty")}</Text>
            {!q && mayManage && <Button onClick={loadStarter} loading={starter.isPending}>{t("scripts.list.loadStarter")}</Button>}
          </Stack>
        </Paper>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={6} fz="sm" aria-label={t("scripts.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("scripts.list.name")}</Table.Th>
                <Table.Th>{t("scripts.list.audience")}</Table.Th>
                <Table.Th ta="right">{t("scripts.list.version")}</Table.Th>
                <Table.Th ta="right">{t("scripts.list.runs")}</Table.Th>
                <Table.Th ta="right">{t("scripts.list.solvedShare")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {mayManage ? <Anchor component={Link} to={`/kb/scripts/${s.id}`} fw={500}>{s.name}</Anchor> : <Text fw={500} fz="sm">{s.name}</Text>}
                    <Text size="xs" c="dimmed" lineClamp={1}>{s.description}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color="gray">{s.language.toUpperCase()}</Badge>
                      {s.forPortal && <Badge variant="light">{t("scripts.list.portal")}</Badge>}
                      {!s.isActive && <Badge variant="light" color="red">{t("scripts.list.inactive")}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">v{s.version}</Table.Td>
                  <Table.Td ta="right">{format.number(s.runs)}</Table.Td>
                  <Table.Td ta="right">{s.solvedShare === null ? "—" : `${Math.round(s.solvedShare * 100)} %`}</Table.Td>
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
