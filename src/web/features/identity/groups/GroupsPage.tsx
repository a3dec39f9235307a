import { Anchor, Button, Group, Skeleton, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { SearchIcon } from "../../../components/icons.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { useFormat } from "../../../i18n/format.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { CreateGroupModal } from "./CreateGroupModal.js";
import { useGroupList } from "./useGroups.js";

export function GroupsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const { scopeQuery } = useEntityScope();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [opened, modal] = useDisclosure(false);
  const groups = useGroupList({ ...scopeQuery, q: debounced || undefined });
  const mayWrite = can(me, "group.write");

  return (
    <>
      <PageHeader
        title={t("groups.title")}
        description={t("groups.description")}
        actions={mayWrite && <Button onClick={modal.open}>{t("groups.new")}</Button>}
      />
      <Group mb="sm">
        <TextInput
          label={t("common.search")}
          placeholder={t("groups.searchPlaceholder")}
          leftSection={<SearchIcon size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
          type="search"
        />
      </Group>
      <ApiErrorAlert error={groups.error} />
      {groups.isPending ? (
        <Skeleton h={200} />
      ) : groups.items.length === 0 && !groups.isError ? (
        <Text c="dimmed" py="xl" ta="center">
          {t("groups.empty")}
        </Text>
      ) : (
        <div className="table-scroll">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("groups.name")}</Table.Th>
                <Table.Th>{t("groups.entity")}</Table.Th>
                <Table.Th>{t("groups.members")}</Table.Th>
                <Table.Th>{t("groups.recursive")}</Table.Th>
                <Table.Th>{t("groups.descriptionField")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.items.map((group) => (
                <Table.Tr key={group.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/groups/${group.id}`} fw={500}>
                      {group.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{group.entityName}</Table.Td>
                  <Table.Td>{format.number(group.memberCount)}</Table.Td>
                  <Table.Td>{group.recursive ? t("common.yes") : t("common.no")}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1} c={group.description ? undefined : "dimmed"}>
                      {group.description ?? "—"}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore
        shown={groups.items.length}
        hasNextPage={groups.hasNextPage}
        isFetchingNextPage={groups.isFetchingNextPage}
        fetchNextPage={groups.fetchNextPage}
      />
      {mayWrite && <CreateGroupModal opened={opened} onClose={modal.close} />}
    </>
  );
}
