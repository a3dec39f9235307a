import { type ComboboxItem, type OptionsFilter, Select, type SelectProps } from "@mantine/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Category } from "../../../shared/api/categories.js";
import type { TicketType } from "../../../shared/domain/tickets.js";
import { branchIds, fold, useCategoryList } from "./useCategories.js";

type CategorySelectProps = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: number | null;
  onChange: (value: number | null, category: Category | undefined) => void;
  /** Only the categories usable in this entity (a ticket's, a caller's). */
  entityId?: number;
  /** The current category's name when it may be missing from the list (deactivated since). */
  initialLabel?: string | null;
  /** Leaves out this category and its branch: where it cannot move. */
  excludeBranchOf?: number;
  includeInactive?: boolean;
};

/** Every word typed must appear in the complete name, accents and case aside. */
const filterByWords: OptionsFilter = ({ options, search }) => {
  const words = fold(search).split(/\s+/).filter(Boolean);
  return (options as ComboboxItem[]).filter((option) => words.every((word) => fold(option.label).includes(word)));
};

/** Picks a category by its complete name ("Matériel > Impression"), searching as one types. */
export function CategorySelect({ value, onChange, entityId, initialLabel, excludeBranchOf, includeInactive, ...props }: CategorySelectProps) {
  const { t } = useTranslation();
  const list = useCategoryList({ entityId, includeInactive });
  const all = list.data ?? [];
  const excluded = excludeBranchOf === undefined ? undefined : branchIds(all, excludeBranchOf);
  const categories = all.filter((category) => !excluded?.has(category.id));
  const data = categories.map((category) => ({ value: String(category.id), label: category.completeName }));
  if (value !== null && initialLabel && !data.some((option) => option.value === String(value))) {
    data.unshift({ value: String(value), label: initialLabel });
  }
  return (
    <Select
      placeholder={t("categories.pickerPlaceholder")}
      {...props}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(next) => {
        const id = next ? Number(next) : null;
        onChange(id, categories.find((category) => category.id === id));
      }}
      searchable
      clearable
      filter={filterByWords}
      nothingFoundMessage={list.isFetching ? t("common.loading") : t("common.nothingFound")}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export type DefaultableFields = { type: TicketType; groupId: number | null; urgency: number; impact: number };
const DEFAULTABLE = ["type", "groupId", "urgency", "impact"] as const;

/** What a new ticket gets without a category, and what a category's defaults replace. */
function defaultsOf(category: Category | undefined): DefaultableFields {
  return {
    type: category?.defaultType ?? "incident",
    groupId: category?.defaultGroupId ?? null,
    urgency: category?.defaultUrgency ?? 3,
    impact: category?.defaultImpact ?? 3,
  };
}

/**
 * In a new-ticket form, choosing a category fills type, group, urgency and impact with its
 * defaults, except the fields the user already set by hand: those are theirs.
 */
export function useCategoryPrefill<T extends DefaultableFields>(setField: <K extends keyof T>(key: K, value: T[K]) => void) {
  const touched = useRef(new Set<keyof DefaultableFields>());
  return {
    setByHand<K extends keyof DefaultableFields>(key: K, value: T[K]) {
      touched.current.add(key);
      setField(key, value);
    },
    applyCategory(category: Category | undefined) {
      const defaults = defaultsOf(category);
      for (const key of DEFAULTABLE) {
        if (!touched.current.has(key)) setField(key, defaults[key] as T[typeof key]);
      }
    },
  };
}
