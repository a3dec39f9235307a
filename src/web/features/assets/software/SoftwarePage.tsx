import { Anchor, Badge, Button, Group, Paper, Skeleton, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { Software, SoftwareVersion } from "../../../../shared/api/software.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { useFormat } from "../../../i18n/format.js";
import { useSetParam } from "../../../lib/useSetParam.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { useSoftware, useSoftwareInstallations } from "./useSoftware.js";

/** One software: its versions with their counts, and the machines that have it (of one version, once picked). */
export function SoftwarePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { scopeQuery } = useEntityScope();
  const software = useSoftware(id, scopeQuery.entityId);
  const [params] = useSearchParams();
  const setParam = useSetParam();
  const versionId = Number(params.get("version")) || undefined;

  if (software.isPending) return <Skeleton h={300} />;
  if (software.isError) return <ApiErrorAlert error={software.error} />;
  const s = software.data;
  const version = s.versions.find((v) => v.id === versionId);
  return (
    <>
      <PageHeader crumbs={[{ label: t("assets.title"), to: "/assets" }, { label: t("software.title"), to: "/assets/software" }]}
        title={s.name} description={s.publisher || t("software.noPublisher")}
        actions={<Button component={Link} to="/assets/software/rules" variant="default">{t("software.rulesLink")}</Button>} />
      <Versions software={s} selected={version?.id} onSelect={(v) => setParam("version", v === undefined ? null : String(v))} />
      <Title order={2} fz="h4" mb="xs">
        {version ? t("software.detail.machinesOfVersion", { version: version.version || t("software.noVersion") }) : t("software.detail.machinesTitle")}
      </Title>
      <Machines softwareId={s.id} versionId={version?.id} entityId={scopeQuery.entityId} />
    </>
  );
}

function versionLabel(v: SoftwareVersion, noVersion: string) {
  return v.version || noVersion;
}

/** Each version is a toggle: pressing it keeps its machines in the list below, pressing "all" shows them all again. */
function Versions({ software, selected, onSelect }: { software: Software; selected: number | undefined; onSelect: (id: number | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={2} fz="h4">{t("software.detail.versionsTitle")}</Title>
      <Text c="dimmed" fz="sm" mb="sm">{t("software.detail.versionsHelp")}</Text>
      <Group gap="xs" role="group" aria-label={t("software.detail.versionsTitle")}>
        <Button size="xs" variant={selected === undefined ? "filled" : "default"} aria-pressed={selected === undefined} onClick={() => onSelect(undefined)}>
          {t("software.detail.allVersions")}
        </Button>
        {software.versions.map((v) => (
          <Button key={v.id} size="xs" variant={selected === v.id ? "filled" : "default"} aria-pressed={selected === v.id}
            onClick={() => onSelect(selected === v.id ? undefined : v.id)}
            rightSection={<Badge size="sm" variant="light" aria-label={t("software.detail.installationsCount", { count: v.installations })}>{v.installations}</Badge>}>
            {versionLabel(v, t("software.noVersion"))}
          </Button>
        ))}
      </Group>
    </Paper>
  );
}

function Machines({ softwareId, versionId, entityId }: { softwareId: number; versionId: number | undefined; entityId: number | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useSoftwareInstallations(softwareId, versionId, entityId);
  return (
    <>
      <ApiErrorAlert error={list.error} />
      {list.isPending ? <Skeleton h={200} /> : list.items.length === 0 && !list.isError ? (
        <Text c="dimmed" py="xl" ta="center">{t("software.detail.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={6} fz="sm" aria-label={t("software.detail.machinesTitle")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("software.machines.tag")}</Table.Th>
                <Table.Th>{t("software.machines.asset")}</Table.Th>
                <Table.Th>{t("software.machines.entity")}</Table.Th>
                <Table.Th>{t("software.machines.version")}</Table.Th>
                <Table.Th>{t("software.machines.installDate")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((m) => (
                <Table.Tr key={`${m.assetId}-${m.versionId}`}>
                  <Table.Td className="mono nowrap"><Anchor component={Link} to={`/assets/${m.assetId}`}>{m.assetTag}</Anchor></Table.Td>
                  <Table.Td>{m.assetName}</Table.Td>
                  <Table.Td>{m.entityName}</Table.Td>
                  <Table.Td className="mono">{m.version || <Text span c="dimmed" fz="sm">{t("software.noVersion")}</Text>}</Table.Td>
                  <Table.Td className="nowrap">{m.installDate ? format.date(m.installDate) : "—"}</Table.Td>
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
