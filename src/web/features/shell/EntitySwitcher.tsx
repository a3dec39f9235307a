import { Group, Select, Switch } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { can } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { useEntity, useEntityList } from "../identity/entities/useEntities.js";
import { useEntityScope } from "./entity-scope.js";

/** 0 stands for "every entity I may see" (a Select value cannot be null and selected at once). */
const ALL = 0;

/**
 * The entity the lists are filtered on: one of the user's granted entities, or, for those who
 * may read entities, any of their sub-entities (searched on the server).
 */
export function EntitySwitcher({ stacked = false }: { stacked?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope, setScope } = useEntityScope();
  const [search, setSearch] = useState("");
  const mayBrowse = can(me, "entity.read");
  const selected = useEntity(mayBrowse ? scope.entityId : null);
  const isShowingSelection = search === selected.data?.completeName;
  const [debounced] = useDebouncedValue(isShowingSelection ? "" : search, 250);
  const list = useEntityList({ q: debounced || undefined }, mayBrowse);

  const options = new Map<number, string>();
  if (selected.data) options.set(selected.data.id, selected.data.completeName);
  for (const entity of list.items) options.set(entity.id, entity.completeName);
  for (const grant of me.grants) if (!options.has(grant.entityId)) options.set(grant.entityId, grant.entityName);
  const data = [
    { value: ALL, label: t("header.allEntities") },
    ...[...options].map(([value, label]) => ({ value, label })),
  ];

  return (
    <Group gap="sm" wrap={stacked ? "wrap" : "nowrap"} align="center">
      <Select<number>
        aria-label={t("header.entity")}
        label={stacked ? t("header.entity") : undefined}
        data={data}
        value={scope.entityId ?? ALL}
        onChange={(value) => setScope({ ...scope, entityId: value ? value : null })}
        searchable
        onSearchChange={setSearch}
        allowDeselect={false}
        nothingFoundMessage={t("common.nothingFound")}
        w={stacked ? "100%" : 260}
        size="xs"
        comboboxProps={{ width: 340, position: "bottom-start" }}
      />
      <Switch
        label={t("header.includeSubEntities")}
        checked={scope.recursive}
        onChange={(event) => setScope({ ...scope, recursive: event.currentTarget.checked })}
        disabled={scope.entityId === null}
        size="xs"
      />
    </Group>
  );
}
