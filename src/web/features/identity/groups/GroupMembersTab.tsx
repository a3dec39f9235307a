import { Anchor, Badge, Button, Checkbox, Group, Paper, Skeleton, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { GroupMember } from "../../../../shared/api/groups.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { UserSelect } from "../../../components/UserSelect.js";
import { useAddGroupMember, useGroupMembers, useRemoveGroupMember } from "./useGroups.js";

export function GroupMembersTab({ groupId, mayWrite }: { groupId: number; mayWrite: boolean }) {
  const { t } = useTranslation();
  const members = useGroupMembers(groupId);

  return (
    <Stack gap="md" maw={900}>
      {mayWrite && <AddMemberForm groupId={groupId} memberIds={members.items.map((member) => member.userId)} />}
      <ApiErrorAlert error={members.error} />
      {members.isPending ? (
        <Skeleton h={120} />
      ) : members.items.length === 0 ? (
        <Text c="dimmed">{t("groups.noMembers")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("users.name")}</Table.Th>
                <Table.Th>{t("auth.login")}</Table.Th>
                <Table.Th>{t("groups.role")}</Table.Th>
                {mayWrite && <Table.Th aria-label={t("common.actions")} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.items.map((member) => (
                <MemberRow key={member.userId} groupId={groupId} member={member} mayWrite={mayWrite} />
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore
        shown={members.items.length}
        hasNextPage={members.hasNextPage}
        isFetchingNextPage={members.isFetchingNextPage}
        fetchNextPage={members.fetchNextPage}
      />
    </Stack>
  );
}

function MemberRow({ groupId, member, mayWrite }: { groupId: number; member: GroupMember; mayWrite: boolean }) {
  const { t } = useTranslation();
  const removeMember = useRemoveGroupMember(groupId);
  const name = `${member.firstName} ${member.lastName}`;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/admin/users/${member.userId}`}>
          {member.lastName} {member.firstName}
        </Anchor>
      </Table.Td>
      <Table.Td className="mono">{member.login}</Table.Td>
      <Table.Td>
        {member.isManager ? (
          <Badge size="sm" variant="light" color="grape">
            {t("groups.manager")}
          </Badge>
        ) : (
          t("groups.member")
        )}
      </Table.Td>
      {mayWrite && (
        <Table.Td ta="right">
          <ConfirmButton
            label={t("common.remove")}
            ariaLabel={t("groups.removeLabel", { name })}
            title={t("groups.removeTitle")}
            message={t("groups.removeMessage", { name })}
            confirmLabel={t("common.remove")}
            loading={removeMember.isPending}
            error={removeMember.error}
            onOpen={removeMember.reset}
            onConfirm={() => removeMember.mutateAsync(member.userId)}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function AddMemberForm({ groupId, memberIds }: { groupId: number; memberIds: number[] }) {
  const { t } = useTranslation();
  const addMember = useAddGroupMember(groupId);
  const [userId, setUserId] = useState<number | null>(null);
  const [isManager, setIsManager] = useState(false);
  const [error, setError] = useState<string | undefined>();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!userId) return setError(t("validation.required"));
    setError(undefined);
    addMember.mutate(
      { userId, isManager },
      {
        onSuccess: () => {
          setUserId(null);
          setIsManager(false);
          notifications.show({ color: "green", message: t("groups.memberAdded") });
        },
      },
    );
  }

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={handleSubmit} noValidate>
        <Text fw={600} mb="xs">
          {t("groups.addMember")}
        </Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <div style={{ flex: "1 1 280px" }}>
            <UserSelect label={t("groups.user")} value={userId} onChange={setUserId} error={error} excludeIds={memberIds} />
          </div>
          <Checkbox
            label={t("groups.manager")}
            checked={isManager}
            onChange={(event) => setIsManager(event.currentTarget.checked)}
            mt={32}
          />
          <Button type="submit" mt={25} loading={addMember.isPending}>
            {t("common.add")}
          </Button>
        </Group>
        {addMember.error !== null && (
          <Stack mt="sm">
            <ApiErrorAlert error={addMember.error} />
          </Stack>
        )}
      </form>
    </Paper>
  );
}
