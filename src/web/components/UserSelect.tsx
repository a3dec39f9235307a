import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../shared/api/users.js";
import { useUserList } from "../features/identity/users/useUsers.js";

export function userLabel(user: Pick<User, "firstName" | "lastName" | "login">): string {
  return `${user.lastName} ${user.firstName} (${user.login})`;
}

/** Finds an active user by name, login or email, searching on the server as one types. */
export function UserSelect({
  label,
  value,
  onChange,
  error,
  excludeIds,
  initialLabel,
  disabled,
  size,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
  excludeIds?: number[];
  /** The name to show for `value` before the user list has it (a record's current assignee). */
  initialLabel?: string | null;
  disabled?: boolean;
  size?: "xs" | "sm" | "md";
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<User | null>(null);
  const isShowingSelection = picked !== null && search === userLabel(picked);
  const [debounced] = useDebouncedValue(isShowingSelection ? "" : search, 250);
  const list = useUserList({ q: debounced || undefined, isActive: true, limit: 20 });

  const options = list.items.filter((user) => !excludeIds?.includes(user.id));
  if (picked && value === picked.id && !options.some((user) => user.id === picked.id)) options.unshift(picked);

  const data = options.map((user) => ({ value: user.id, label: userLabel(user) }));
  if (value !== null && initialLabel && !data.some((option) => option.value === value)) {
    data.unshift({ value, label: initialLabel });
  }

  function handleChange(next: number | null) {
    setPicked(options.find((user) => user.id === next) ?? null);
    onChange(next ?? null);
  }

  return (
    <Select<number>
      label={label}
      placeholder={t("common.searchUserPlaceholder")}
      data={data}
      value={value}
      onChange={handleChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={list.isFetching ? t("common.loading") : t("common.nothingFound")}
      error={error}
      clearable
      maxDropdownHeight={280}
      disabled={disabled}
      size={size}
    />
  );
}
