import { Button, Group, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { SearchIcon } from "../../../components/icons.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { CreateEntityModal } from "./CreateEntityModal.js";
import { EntityTable } from "./EntityTable.js";
import { useEntityList } from "./useEntities.js";

export function EntitiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [opened, modal] = useDisclosure(false);
  const entities = useEntityList({ q: debounced || undefined });
  const mayWrite = can(me, "entity.write");

  return (
    <>
      <PageHeader
        title={t("entities.title")}
        description={t("entities.description")}
        actions={mayWrite && <Button onClick={modal.open}>{t("entities.new")}</Button>}
      />
      <Group mb="sm">
        <TextInput
          label={t("common.search")}
          placeholder={t("entities.searchPlaceholder")}
          leftSection={<SearchIcon size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
          type="search"
        />
      </Group>
      <ApiErrorAlert error={entities.error} />
      <EntityTable
        entities={entities.items}
        isPending={entities.isPending}
        emptyText={t("entities.empty")}
        indent={!debounced}
      />
      <LoadMore
        shown={entities.items.length}
        hasNextPage={entities.hasNextPage}
        isFetchingNextPage={entities.isFetchingNextPage}
        fetchNextPage={entities.fetchNextPage}
      />
      {mayWrite && <CreateEntityModal opened={opened} onClose={modal.close} />}
    </>
  );
}
