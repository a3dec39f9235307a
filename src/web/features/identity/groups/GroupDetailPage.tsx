import { Badge, Button, Group, Paper, Skeleton, Stack, Tabs } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { type Group as GroupRecord, UpdateGroupBodySchema } from "../../../../shared/api/groups.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { RecordError } from "../../../components/StatusPages.js";
import { changedFields } from "../../../lib/diff.js";
import { can } from "../../../lib/permissions.js";
import { useTabParam } from "../../../lib/useTabParam.js";
import { emptyToNull, useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { useMe } from "../../auth/useAuth.js";
import { HistoryTab } from "../../history/HistoryTab.js";
import { GroupFields, type GroupFormValues } from "./GroupFields.js";
import { GroupMembersTab } from "./GroupMembersTab.js";
import { useDeleteGroup, useGroup, useUpdateGroup } from "./useGroups.js";

const TABS = ["members", "details", "history"] as const;

export function GroupDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [tab, setTab] = useTabParam(TABS);
  const group = useGroup(id);
  const deleteGroup = useDeleteGroup();

  if (group.isPending) return <Skeleton h={300} />;
  if (group.isError) return <RecordError error={group.error} />;
  const record = group.data;
  const mayWrite = can(me, "group.write");

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("nav.groups"), to: "/admin/groups" }]}
        title={
          <Group gap="sm" component="span">
            {record.name}
            <Badge variant="light" size="sm">
              {t("groups.memberCount", { count: record.memberCount })}
            </Badge>
          </Group>
        }
        description={record.entityName}
        actions={
          mayWrite && (
            <ConfirmButton
              label={t("common.delete")}
              title={t("groups.deleteTitle")}
              message={t("groups.deleteMessage", { name: record.name })}
              confirmLabel={t("common.delete")}
              loading={deleteGroup.isPending}
              error={deleteGroup.error}
              onOpen={deleteGroup.reset}
              onConfirm={async () => {
                await deleteGroup.mutateAsync(record.id);
                notifications.show({ color: "green", message: t("groups.deleted") });
                void navigate("/admin/groups", { replace: true });
              }}
            />
          )
        }
      />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="members">{t("tabs.members")}</Tabs.Tab>
          <Tabs.Tab value="details">{t("tabs.details")}</Tabs.Tab>
          {can(me, "history.read") && <Tabs.Tab value="history">{t("tabs.history")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="members">{tab === "members" && <GroupMembersTab groupId={record.id} mayWrite={mayWrite} />}</Tabs.Panel>
        <Tabs.Panel value="details">
          <GroupDetailsForm key={record.updatedAt} group={record} readOnly={!mayWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="history">{tab === "history" && <HistoryTab recordType="group" id={record.id} />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

function GroupDetailsForm({ group, readOnly }: { group: GroupRecord; readOnly: boolean }) {
  const { t } = useTranslation();
  const updateGroup = useUpdateGroup(group.id);
  const form = useForm<GroupFormValues>({
    name: group.name,
    description: group.description ?? "",
    entityId: group.entityId,
    recursive: group.recursive,
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { values } = form;
    const before = { name: group.name, description: group.description, entityId: group.entityId, recursive: group.recursive };
    const after = { ...values, description: emptyToNull(values.description), entityId: values.entityId ?? undefined };
    const result = validate(UpdateGroupBodySchema, changedFields(before, after), t);
    if (!result.ok) return form.setErrors(result.errors);
    if (Object.keys(result.data).length === 0) return notifications.show({ message: t("common.noChanges") });
    updateGroup.mutate(result.data, {
      onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }),
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={updateGroup.error} />
          <GroupFields values={form.values} errors={form.errors} setField={form.setField} readOnly={readOnly} />
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={updateGroup.isPending}>
                {t("common.save")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
