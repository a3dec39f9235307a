import { Button, Group, Skeleton, Stack, Tabs } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { RecordError } from "../../../components/StatusPages.js";
import { can } from "../../../lib/permissions.js";
import { useTabParam } from "../../../lib/useTabParam.js";
import { useMe } from "../../auth/useAuth.js";
import { HistoryTab } from "../../history/HistoryTab.js";
import { CreateEntityModal } from "./CreateEntityModal.js";
import { EntityDetailsForm } from "./EntityDetailsForm.js";
import { EntityTable } from "./EntityTable.js";
import { useDeleteEntity, useEntity, useEntityList } from "./useEntities.js";

const TABS = ["details", "children", "history"] as const;

export function EntityDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [tab, setTab] = useTabParam(TABS);
  const entity = useEntity(id);
  const deleteEntity = useDeleteEntity();

  if (entity.isPending) return <Skeleton h={300} />;
  if (entity.isError) return <RecordError error={entity.error} />;
  const record = entity.data;
  const mayWrite = can(me, "entity.write");

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("nav.entities"), to: "/admin/entities" }]}
        title={record.name}
        description={record.completeName}
        actions={
          mayWrite &&
          record.parentId !== null && (
            <ConfirmButton
              label={t("common.delete")}
              title={t("entities.deleteTitle")}
              message={t("entities.deleteMessage", { name: record.completeName })}
              confirmLabel={t("common.delete")}
              loading={deleteEntity.isPending}
              error={deleteEntity.error}
              onOpen={deleteEntity.reset}
              onConfirm={async () => {
                await deleteEntity.mutateAsync(record.id);
                notifications.show({ color: "green", message: t("entities.deleted") });
                void navigate("/admin/entities", { replace: true });
              }}
            />
          )
        }
      />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">{t("tabs.details")}</Tabs.Tab>
          <Tabs.Tab value="children">{t("tabs.children", { count: record.childCount })}</Tabs.Tab>
          {can(me, "history.read") && <Tabs.Tab value="history">{t("tabs.history")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="details">
          <EntityDetailsForm key={record.updatedAt} entity={record} readOnly={!mayWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="children">{tab === "children" && <SubEntities parentId={record.id} mayWrite={mayWrite} />}</Tabs.Panel>
        <Tabs.Panel value="history">{tab === "history" && <HistoryTab recordType="entity" id={record.id} />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

function SubEntities({ parentId, mayWrite }: { parentId: number; mayWrite: boolean }) {
  const { t } = useTranslation();
  const children = useEntityList({ parentId });
  const [opened, modal] = useDisclosure(false);
  return (
    <Stack gap="sm" maw={1000}>
      {mayWrite && (
        <Group>
          <Button variant="light" onClick={modal.open}>
            {t("entities.newChild")}
          </Button>
        </Group>
      )}
      <EntityTable entities={children.items} isPending={children.isPending} emptyText={t("entities.noChildren")} indent={false} />
      <LoadMore
        shown={children.items.length}
        hasNextPage={children.hasNextPage}
        isFetchingNextPage={children.isFetchingNextPage}
        fetchNextPage={children.fetchNextPage}
      />
      {mayWrite && <CreateEntityModal opened={opened} onClose={modal.close} parentId={parentId} />}
    </Stack>
  );
}
