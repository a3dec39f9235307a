import { Button, Group, Skeleton, Switch, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Category } from "../../../shared/api/categories.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { SearchIcon } from "../../components/icons.js";
import { PageHeader } from "../../components/PageHeader.js";
import { can } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { useEntityScope } from "../shell/entity-scope.js";
import { CategoryDrawer, type DrawerTarget } from "./CategoryDrawer.js";
import { CategoryTree } from "./CategoryTree.js";
import { fold, useCategoryList } from "./useCategories.js";

/** A category matches when its name, path or portal words contain every word typed. */
function matches(category: Category, words: string[]): boolean {
  const text = fold(`${category.completeName} ${category.portalLabel ?? ""}`);
  return words.every((word) => text.includes(word));
}

/** A fresh form for each category or parent the drawer opens on. */
function drawerKey(target: DrawerTarget): string {
  return "category" in target ? `edit-${target.category.id}` : `new-${target.parent?.id ?? "top"}-${target.entityId}`;
}

/**
 * The categories usable in the entity the header shows (with its parents'), as an indented
 * tree; supervisors create, edit, move, deactivate and delete them from here.
 */
export function CategoriesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useEntityScope();
  const [search, setSearch] = useState("");
  const [showInactive, setShowInactive] = useState(false);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const list = useCategoryList({ entityId: scope.entityId ?? undefined, includeInactive: showInactive });
  const mayWrite = can(me, "category.write");
  const words = fold(search).split(/\s+/).filter(Boolean);
  const all = list.data ?? [];
  const shown = words.length > 0 ? all.filter((category) => matches(category, words)) : all;

  return (
    <>
      <PageHeader
        title={t("categories.title")}
        description={t("categories.description")}
        actions={
          mayWrite && (
            <Button onClick={() => setDrawer({ parent: null, entityId: scope.entityId ?? me.entityId })}>{t("categories.new")}</Button>
          )
        }
      />
      <Group mb="sm" align="flex-end" gap="lg">
        <TextInput
          label={t("common.search")}
          placeholder={t("categories.searchPlaceholder")}
          leftSection={<SearchIcon size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
          type="search"
        />
        <Switch
          label={t("categories.showInactive")}
          checked={showInactive}
          onChange={(event) => setShowInactive(event.currentTarget.checked)}
          mb={6}
        />
      </Group>
      <ApiErrorAlert error={list.error} />
      {list.isPending ? (
        <Skeleton h={240} />
      ) : shown.length === 0 && !list.isError ? (
        <Text c="dimmed" py="xl" ta="center" maw={640} mx="auto">
          {words.length > 0 ? t("categories.noMatch") : t("categories.empty")}
        </Text>
      ) : (
        <CategoryTree
          categories={shown}
          indent={words.length === 0}
          mayWrite={mayWrite}
          onEdit={(category) => setDrawer({ category })}
          onAddChild={(parent) => setDrawer({ parent, entityId: parent.entityId })}
        />
      )}
      {!list.isPending && shown.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t("categories.count", { count: shown.length })}
        </Text>
      )}
      {drawer && <CategoryDrawer key={drawerKey(drawer)} target={drawer} onClose={() => setDrawer(null)} />}
    </>
  );
}
