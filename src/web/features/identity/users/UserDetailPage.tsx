import { Badge, Group, Skeleton, Tabs } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ActiveBadge } from "../../../components/badges.js";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { RecordError } from "../../../components/StatusPages.js";
import { can } from "../../../lib/permissions.js";
import { useTabParam } from "../../../lib/useTabParam.js";
import { useMe } from "../../auth/useAuth.js";
import { HistoryTab } from "../../history/HistoryTab.js";
import { UserGrantsTab } from "../grants/UserGrantsTab.js";
import { UserDetailsForm } from "./UserDetailsForm.js";
import { useDeleteUser, useUser } from "./useUsers.js";

const TABS = ["details", "roles", "history"] as const;

export function UserDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [tab, setTab] = useTabParam(TABS);
  const user = useUser(id);
  const deleteUser = useDeleteUser();

  if (user.isPending) return <Skeleton h={300} />;
  if (user.isError) return <RecordError error={user.error} />;
  const record = user.data;
  const mayWrite = can(me, "user.write");

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("nav.users"), to: "/admin/users" }]}
        title={
          <Group gap="sm" component="span">
            {record.firstName} {record.lastName}
            <ActiveBadge isActive={record.isActive} />
            {record.id === me.id && (
              <Badge variant="outline" size="sm">
                {t("users.itsYou")}
              </Badge>
            )}
          </Group>
        }
        description={`${record.login} · ${record.entityName}`}
        actions={
          mayWrite &&
          record.id !== me.id && (
            <ConfirmButton
              label={t("common.delete")}
              title={t("users.deleteTitle")}
              message={t("users.deleteMessage", { name: `${record.firstName} ${record.lastName}` })}
              confirmLabel={t("common.delete")}
              loading={deleteUser.isPending}
              error={deleteUser.error}
              onOpen={deleteUser.reset}
              onConfirm={async () => {
                await deleteUser.mutateAsync(record.id);
                notifications.show({ color: "green", message: t("users.deleted") });
                void navigate("/admin/users", { replace: true });
              }}
            />
          )
        }
      />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">{t("tabs.details")}</Tabs.Tab>
          <Tabs.Tab value="roles">{t("tabs.roles")}</Tabs.Tab>
          {can(me, "history.read") && <Tabs.Tab value="history">{t("tabs.history")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="details">
          <UserDetailsForm key={record.updatedAt} user={record} readOnly={!mayWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="roles">{tab === "roles" && <UserGrantsTab userId={record.id} />}</Tabs.Panel>
        <Tabs.Panel value="history">{tab === "history" && <HistoryTab recordType="user" id={record.id} />}</Tabs.Panel>
      </Tabs>
    </>
  );
}
