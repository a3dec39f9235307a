import { Button, Group, Paper, Select, Skeleton, Stack, Switch, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CreateGrantBodySchema, type Grant } from "../../../../shared/api/grants.js";
import { ROLES, type Role } from "../../../../shared/domain/roles.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { RoleBadge } from "../../../components/badges.js";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { can } from "../../../lib/permissions.js";
import { type FieldErrors, validate } from "../../../lib/validation.js";
import { useMe } from "../../auth/useAuth.js";
import { useCreateGrant, useDeleteGrant, useGrantList } from "./useGrants.js";

/** The roles a user holds, entity by entity; admins add and remove them here. */
export function UserGrantsTab({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const grants = useGrantList({ userId });
  const mayWrite = can(me, "grant.write");

  return (
    <Stack gap="md" maw={900}>
      {mayWrite && <AddGrantForm userId={userId} />}
      <ApiErrorAlert error={grants.error} />
      {grants.isPending ? (
        <Skeleton h={120} />
      ) : grants.items.length === 0 ? (
        <Text c="dimmed">{t("grants.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("grants.entity")}</Table.Th>
                <Table.Th>{t("grants.role")}</Table.Th>
                <Table.Th>{t("grants.recursive")}</Table.Th>
                <Table.Th>{t("grants.since")}</Table.Th>
                {mayWrite && <Table.Th aria-label={t("common.actions")} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.items.map((grant) => (
                <GrantRow key={grant.id} grant={grant} mayWrite={mayWrite} />
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore
        shown={grants.items.length}
        hasNextPage={grants.hasNextPage}
        isFetchingNextPage={grants.isFetchingNextPage}
        fetchNextPage={grants.fetchNextPage}
      />
    </Stack>
  );
}

function GrantRow({ grant, mayWrite }: { grant: Grant; mayWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const deleteGrant = useDeleteGrant();
  const role = t(`roles.${grant.role}`);
  return (
    <Table.Tr>
      <Table.Td>{grant.entityName}</Table.Td>
      <Table.Td>
        <RoleBadge role={grant.role} />
      </Table.Td>
      <Table.Td>{grant.recursive ? t("common.yes") : t("common.no")}</Table.Td>
      <Table.Td className="nowrap">{format.date(grant.createdAt)}</Table.Td>
      {mayWrite && (
        <Table.Td ta="right">
          <ConfirmButton
            label={t("common.remove")}
            ariaLabel={t("grants.removeLabel", { role, entity: grant.entityName })}
            title={t("grants.removeTitle")}
            message={t("grants.removeMessage", { role, entity: grant.entityName, user: grant.userName })}
            confirmLabel={t("common.remove")}
            loading={deleteGrant.isPending}
            error={deleteGrant.error}
            onOpen={deleteGrant.reset}
            onConfirm={() => deleteGrant.mutateAsync(grant.id)}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function AddGrantForm({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const createGrant = useCreateGrant();
  const [entityId, setEntityId] = useState<number | null>(null);
  const [role, setRole] = useState<Role>("technician");
  const [recursive, setRecursive] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = validate(CreateGrantBodySchema, { userId, entityId: entityId ?? undefined, role, recursive }, t);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    createGrant.mutate(result.data, {
      onSuccess: () => {
        setEntityId(null);
        notifications.show({ color: "green", message: t("grants.added") });
      },
    });
  }

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={handleSubmit} noValidate>
        <Text fw={600} mb="xs">
          {t("grants.add")}
        </Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <div style={{ flex: "1 1 260px" }}>
            <EntitySelect label={t("grants.entity")} value={entityId} onChange={setEntityId} error={errors.entityId} required />
          </div>
          <Select
            label={t("grants.role")}
            data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            allowDeselect={false}
            w={180}
          />
          <Switch
            label={t("grants.recursive")}
            description={t("grants.recursiveHelp")}
            checked={recursive}
            onChange={(event) => setRecursive(event.currentTarget.checked)}
            mt={28}
            maw={220}
          />
          <Button type="submit" mt={25} loading={createGrant.isPending}>
            {t("common.add")}
          </Button>
        </Group>
        {createGrant.error !== null && (
          <Stack mt="sm">
            <ApiErrorAlert error={createGrant.error} />
          </Stack>
        )}
      </form>
    </Paper>
  );
}
