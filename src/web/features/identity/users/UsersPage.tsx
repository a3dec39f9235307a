import { Anchor, Button, Group, SegmentedControl, Select, Skeleton, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { USER_SORTS } from "../../../../shared/api/users.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ActiveBadge } from "../../../components/badges.js";
import { SearchIcon } from "../../../components/icons.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { CreateUserModal } from "./CreateUserModal.js";
import { ImportUsersModal } from "./ImportUsersModal.js";
import { type UserFilters, useUserList } from "./useUsers.js";

type StatusFilter = "all" | "active" | "inactive";
type Sort = (typeof USER_SORTS)[number];

/** Users of the current entity scope; filters live in the URL so "back" keeps them. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scopeQuery } = useEntityScope();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const status = (params.get("status") as StatusFilter | null) ?? "all";
  const sort = (USER_SORTS as readonly string[]).includes(params.get("sort") ?? "") ? (params.get("sort") as Sort) : "name";
  const [createOpened, createModal] = useDisclosure(false);
  const [importOpened, importModal] = useDisclosure(false);

  function setParam(name: string, value: string | null) {
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  // The URL follows the search box once typing pauses; setParam changes with every location.
  useEffect(() => setParam("q", debounced || null), [debounced]); // eslint-disable-line react-hooks/exhaustive-deps

  const filters: UserFilters = {
    ...scopeQuery,
    q: debounced || undefined,
    isActive: status === "all" ? undefined : status === "active",
    sort,
  };
  const users = useUserList(filters);
  const mayWrite = can(me, "user.write");

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          mayWrite && (
            <>
              <Button variant="default" onClick={importModal.open}>
                {t("users.import")}
              </Button>
              <Button onClick={createModal.open}>{t("users.new")}</Button>
            </>
          )
        }
      />
      <Group mb="sm" gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("common.search")}
          placeholder={t("users.searchPlaceholder")}
          leftSection={<SearchIcon size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
          type="search"
        />
        <div>
          <Text component="label" size="sm" fw={500} id="user-status-label" display="block" mb={2}>
            {t("users.status")}
          </Text>
          <SegmentedControl
            aria-labelledby="user-status-label"
            value={status}
            onChange={(value) => setParam("status", value === "all" ? null : value)}
            data={[
              { value: "all", label: t("common.all") },
              { value: "active", label: t("users.activePlural") },
              { value: "inactive", label: t("users.inactivePlural") },
            ]}
            size="sm"
          />
        </div>
        <Select
          label={t("users.sort")}
          value={sort}
          onChange={(value) => setParam("sort", value === "name" ? null : value)}
          data={USER_SORTS.map((value) => ({ value, label: t(`users.sorts.${value}`) }))}
          allowDeselect={false}
          w={180}
        />
      </Group>
      <ApiErrorAlert error={users.error} />
      <UsersTable users={users} />
      <LoadMore
        shown={users.items.length}
        hasNextPage={users.hasNextPage}
        isFetchingNextPage={users.isFetchingNextPage}
        fetchNextPage={users.fetchNextPage}
      />
      {mayWrite && <CreateUserModal opened={createOpened} onClose={createModal.close} />}
      {mayWrite && <ImportUsersModal opened={importOpened} onClose={importModal.close} />}
    </>
  );
}

function UsersTable({ users }: { users: ReturnType<typeof useUserList> }) {
  const { t } = useTranslation();
  if (users.isPending) return <Skeleton h={200} />;
  if (users.isError) return null;
  if (users.items.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t("users.empty")}
      </Text>
    );
  }
  return (
    <div className="table-scroll">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("users.name")}</Table.Th>
            <Table.Th>{t("auth.login")}</Table.Th>
            <Table.Th>{t("users.email")}</Table.Th>
            <Table.Th>{t("users.entity")}</Table.Th>
            <Table.Th>{t("users.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.items.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/users/${user.id}`} fw={500} className="nowrap">
                  {user.lastName} {user.firstName}
                </Anchor>
              </Table.Td>
              <Table.Td className="mono">{user.login}</Table.Td>
              <Table.Td>{user.email ?? "—"}</Table.Td>
              <Table.Td>{user.entityName}</Table.Td>
              <Table.Td>
                <ActiveBadge isActive={user.isActive} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
