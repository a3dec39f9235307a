import { type ComboboxItem, type OptionsFilter, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { fold } from "./useReferences.js";

/** The props every reference picker takes, so forms use them alike. */
export type ReferenceSelectProps = {
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  entityId?: number;
  required?: boolean;
  error?: string;
  disabled?: boolean;
};

/** Every word typed must appear in the label, accents and case aside. */
const filterByWords: OptionsFilter = ({ options, search }) => {
  const words = fold(search).split(/\s+/).filter(Boolean);
  return (options as ComboboxItem[]).filter((option) => words.every((word) => fold(option.label).includes(word)));
};

/** A searchable Mantine Select over id → label pairs; the picked id comes back as a number. */
export function ReferenceSelect({ label, value, onChange, required, error, disabled, options, loading, placeholder }: Omit<ReferenceSelectProps, "entityId"> & {
  options: { value: number; label: string }[];
  loading: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const data = options.map((o) => ({ value: String(o.value), label: o.label }));
  // A value no longer listed (deactivated since) still shows as a number rather than vanishing.
  if (value !== null && !data.some((o) => o.value === String(value)) && !loading) data.unshift({ value: String(value), label: `#${value}` });
  return (
    <Select
      label={label}
      placeholder={placeholder}
      required={required}
      error={error}
      disabled={disabled}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : null)}
      searchable
      clearable={!required}
      filter={filterByWords}
      nothingFoundMessage={loading ? t("common.loading") : t("common.nothingFound")}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
