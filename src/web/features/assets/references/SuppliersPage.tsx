import { Badge, Button, Group, Skeleton, Switch, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Supplier } from "../../../../shared/api/asset-references.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { SearchIcon } from "../../../components/icons.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { RefErrorAlert } from "./ref-errors.js";
import { SupplierDrawer } from "./SupplierDrawer.js";
import { fold, useSupplierList } from "./useReferences.js";

/** The suppliers usable in the entity the header shows (with its parents'), by name; a row opens the supplier. */
export function SuppliersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useEntityScope();
  const [search, setSearch] = useState("");
  const [showInactive, setShowInactive] = useState(false);
  const [open, setOpen] = useState<{ id: number | null; created?: Supplier } | null>(null);
  const list = useSupplierList({ entityId: scope.entityId ?? undefined, includeInactive: showInactive });
  const mayWrite = can(me, "asset.manage");
  const words = fold(search).split(/\s+/).filter(Boolean);
  const all = list.data ?? [];
  const shown = all.filter((s) => words.every((w) => fold(`${s.name} ${s.contacts.map((c) => c.name).join(" ")}`).includes(w)));
  // Read from the list, so the drawer shows the contacts as they are after each change.
  const opened = open?.id ? all.find((s) => s.id === open.id) ?? open.created ?? null : null;

  return (
    <>
      <PageHeader title={t("assetRefs.suppliers.title")} description={t("assetRefs.suppliers.description")}
        actions={mayWrite && <Button onClick={() => setOpen({ id: null })}>{t("assetRefs.suppliers.new")}</Button>} />
      {!mayWrite && <Text size="sm" c="dimmed" mb="sm">{t("assetRefs.common.readOnly")}</Text>}
      <Group mb="sm" align="flex-end" gap="lg">
        <TextInput label={t("assetRefs.common.search")} placeholder={t("assetRefs.suppliers.searchPlaceholder")} type="search"
          leftSection={<SearchIcon size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: "100%", sm: 320 }} />
        <Switch label={t("assetRefs.common.showInactive")} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} mb={6} />
      </Group>
      <RefErrorAlert error={list.error} />
      {list.isPending ? <Skeleton h={240} /> : shown.length === 0 && !list.isError ? (
        <Text c="dimmed" py="xl" ta="center">{words.length > 0 ? t("assetRefs.common.noMatch") : t("assetRefs.common.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assetRefs.common.name")}</Table.Th>
                <Table.Th>{t("assetRefs.suppliers.phone")}</Table.Th>
                <Table.Th>{t("assetRefs.suppliers.email")}</Table.Th>
                <Table.Th>{t("assetRefs.suppliers.contacts")}</Table.Th>
                <Table.Th>{t("assetRefs.suppliers.entity")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button variant="subtle" size="compact-sm" onClick={() => setOpen({ id: s.id })}>{s.name}</Button>
                      {!s.isActive && <Badge color="gray" variant="light" size="sm">{t("assetRefs.common.inactive")}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{s.phone ?? ""}</Table.Td>
                  <Table.Td>{s.email ?? ""}</Table.Td>
                  <Table.Td>{s.contacts.map((c) => c.name).join(", ")}</Table.Td>
                  <Table.Td><Text size="sm" c="dimmed">{s.entityName}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!list.isPending && shown.length > 0 && <Text size="sm" c="dimmed" mt="xs">{t("assetRefs.common.count", { count: shown.length })}</Text>}
      {open && <SupplierDrawer key={open.id ?? "new"} supplier={opened} entityId={scope.entityId ?? me.entityId} mayWrite={mayWrite}
        onClose={() => setOpen(null)} onCreated={(created) => setOpen({ id: created.id, created })} />}
    </>
  );
}
