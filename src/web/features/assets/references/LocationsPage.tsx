import { ActionIcon, Badge, Button, Group, Skeleton, Switch, Table, Text, TextInput, Tooltip, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Location } from "../../../../shared/api/asset-references.js";
import { PlusIcon, SearchIcon } from "../../../components/icons.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { LocationDrawer, type LocationTarget } from "./LocationDrawer.js";
import { RefErrorAlert } from "./ref-errors.js";
import { fold, useLocationList } from "./useReferences.js";

function drawerKey(target: LocationTarget): string {
  return "location" in target ? `edit-${target.location.id}` : `new-${target.parent?.id ?? "top"}-${target.entityId}`;
}

/** The places of the entity the header shows (with its parents'), as an indented tree; supervisors edit them from here. */
export function LocationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useEntityScope();
  const [search, setSearch] = useState("");
  const [showInactive, setShowInactive] = useState(false);
  const [drawer, setDrawer] = useState<LocationTarget | null>(null);
  const list = useLocationList({ entityId: scope.entityId ?? undefined, includeInactive: showInactive });
  const mayWrite = can(me, "asset.manage");
  const words = fold(search).split(/\s+/).filter(Boolean);
  const all = list.data ?? [];
  const shown = words.length > 0 ? all.filter((l) => words.every((w) => fold(`${l.completeName} ${l.city ?? ""}`).includes(w))) : all;

  return (
    <>
      <PageHeader title={t("assetRefs.locations.title")} description={t("assetRefs.locations.description")}
        actions={mayWrite && <Button onClick={() => setDrawer({ parent: null, entityId: scope.entityId ?? me.entityId })}>{t("assetRefs.locations.new")}</Button>} />
      {!mayWrite && <Text size="sm" c="dimmed" mb="sm">{t("assetRefs.common.readOnly")}</Text>}
      <Group mb="sm" align="flex-end" gap="lg">
        <TextInput label={t("assetRefs.common.search")} placeholder={t("assetRefs.locations.searchPlaceholder")} type="search"
          leftSection={<SearchIcon size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: "100%", sm: 320 }} />
        <Switch label={t("assetRefs.common.showInactive")} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} mb={6} />
      </Group>
      <RefErrorAlert error={list.error} />
      {list.isPending ? (
        <Skeleton h={240} />
      ) : shown.length === 0 && !list.isError ? (
        <Text c="dimmed" py="xl" ta="center">{words.length > 0 ? t("assetRefs.common.noMatch") : t("assetRefs.common.empty")}</Text>
      ) : (
        <LocationTable locations={shown} indent={words.length === 0} mayWrite={mayWrite}
          onOpen={(location) => setDrawer({ location })} onAddChild={(parent) => setDrawer({ parent, entityId: parent.entityId })} />
      )}
      {!list.isPending && shown.length > 0 && <Text size="sm" c="dimmed" mt="xs">{t("assetRefs.common.count", { count: shown.length })}</Text>}
      {drawer && <LocationDrawer key={drawerKey(drawer)} target={drawer} mayWrite={mayWrite} onClose={() => setDrawer(null)} />}
    </>
  );
}

function LocationTable({ locations, indent, mayWrite, onOpen, onAddChild }: {
  locations: Location[]; indent: boolean; mayWrite: boolean; onOpen: (l: Location) => void; onAddChild: (l: Location) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("assetRefs.common.name")}</Table.Th>
            <Table.Th>{t("assetRefs.locations.type")}</Table.Th>
            <Table.Th>{t("assetRefs.locations.city")}</Table.Th>
            <Table.Th>{t("assetRefs.locations.entity")}</Table.Th>
            {mayWrite && <Table.Th w={60}><VisuallyHidden>{t("assetRefs.common.actions")}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locations.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td style={{ paddingInlineStart: indent ? `calc(var(--mantine-spacing-sm) + ${l.depth * 1.25}rem)` : undefined }}>
                <Group gap="xs" wrap="nowrap">
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpen(l)} c={l.isActive ? undefined : "dimmed"}>
                    {indent ? l.name : l.completeName}
                  </Button>
                  {!l.isActive && <Badge color="gray" variant="light" size="sm">{t("assetRefs.common.inactive")}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{t(`assetRefs.locationTypes.${l.locationType}`)}</Table.Td>
              <Table.Td>{l.city ?? ""}</Table.Td>
              <Table.Td><Text size="sm" c="dimmed">{l.entityName}</Text></Table.Td>
              {mayWrite && (
                <Table.Td>
                  <Tooltip label={t("assetRefs.locations.addChild", { name: l.name })}>
                    <ActionIcon variant="subtle" aria-label={t("assetRefs.locations.addChild", { name: l.name })} onClick={() => onAddChild(l)}>
                      <PlusIcon size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
