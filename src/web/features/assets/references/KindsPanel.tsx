import { Badge, Button, Group, Skeleton, Switch, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AssetKind } from "../../../../shared/api/asset-references.js";
import { KindDrawer } from "./KindDrawer.js";
import { useKindName } from "./kind-name.js";
import { RefErrorAlert } from "./ref-errors.js";
import { useKindList } from "./useReferences.js";

/** The kinds by family, with their tag pattern and how many fields they have; a row opens the kind. */
export function KindsPanel({ mayWrite }: { mayWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const kindName = useKindName();
  const [showInactive, setShowInactive] = useState(false);
  const [open, setOpen] = useState<{ id: number | null; created?: AssetKind } | null>(null);
  const list = useKindList({ includeInactive: true });
  // The server sorts by family, then by the stored (French) name: within a family, sort again in the reader's language.
  const kinds = (list.data ?? []).filter((k) => showInactive || k.isActive).map((k, index) => ({ k, index, name: kindName(k) }))
    .sort((a, b) => (a.k.family === b.k.family ? a.name.localeCompare(b.name, i18n.language) : a.index - b.index)).map((x) => x.k);
  // The drawer reads the kind from the list, so it shows the fields as they are after each change.
  const opened = open?.id ? (list.data ?? []).find((k) => k.id === open.id) ?? open.created ?? null : null;

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Switch label={t("assetRefs.common.showInactive")} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
        {mayWrite && <Button onClick={() => setOpen({ id: null })}>{t("assetRefs.kindAdmin.new")}</Button>}
      </Group>
      <RefErrorAlert error={list.error} />
      {list.isPending ? <Skeleton h={240} /> : (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assetRefs.common.name")}</Table.Th>
                <Table.Th>{t("assetRefs.kindAdmin.family")}</Table.Th>
                <Table.Th>{t("assetRefs.kindAdmin.tagPattern")}</Table.Th>
                <Table.Th>{t("assetRefs.kindAdmin.fields")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kinds.map((kind: AssetKind) => (
                <Table.Tr key={kind.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button variant="subtle" size="compact-sm" onClick={() => setOpen({ id: kind.id })}>{kindName(kind)}</Button>
                      {kind.isBuiltin && <Badge variant="light" color="gray" size="sm">{t("assetRefs.common.builtin")}</Badge>}
                      {!kind.isActive && <Badge variant="light" color="gray" size="sm">{t("assetRefs.common.inactive")}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`assetRefs.families.${kind.family}`)}</Table.Td>
                  <Table.Td><Text size="sm" ff="monospace">{kind.tagPattern ?? "—"}</Text></Table.Td>
                  <Table.Td>{t("assetRefs.kindAdmin.fieldsCount", { count: kind.fields.length })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && <KindDrawer key={open.id ?? "new"} kind={opened} mayWrite={mayWrite} onClose={() => setOpen(null)}
        onCreated={(created) => setOpen({ id: created.id, created })} />}
    </>
  );
}
