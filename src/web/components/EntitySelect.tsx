import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useEntity, useEntityList } from "../features/identity/entities/useEntities.js";

/** Picks an entity by its complete name ("Groupe > Lyon > Atelier"), searching on the server. */
export function EntitySelect({
  label,
  value,
  onChange,
  error,
  required,
  clearable,
  description,
  excludeId,
  placeholder,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  description?: string;
  excludeId?: number;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const selected = useEntity(value);
  const isShowingSelection = selected.data !== undefined && search === selected.data.completeName;
  const [debounced] = useDebouncedValue(isShowingSelection ? "" : search, 250);
  const list = useEntityList({ q: debounced || undefined });

  const options = list.items.filter((entity) => entity.id !== excludeId);
  if (selected.data && !options.some((entity) => entity.id === selected.data.id)) options.unshift(selected.data);

  return (
    <Select<number>
      label={label}
      description={description}
      placeholder={placeholder ?? t("common.searchPlaceholder")}
      data={options.map((entity) => ({ value: entity.id, label: entity.completeName }))}
      value={value}
      onChange={(next) => onChange(next ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={list.isFetching ? t("common.loading") : t("common.nothingFound")}
      clearable={clearable}
      required={required}
      error={error}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
