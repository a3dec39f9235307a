import { Select } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["Europe/Paris", "UTC"];
  }
}

export function TimeZoneSelect({
  label,
  value,
  onChange,
  clearable,
  description,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  clearable?: boolean;
  description?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    const zones = timeZones();
    return value && !zones.includes(value) ? [value, ...zones] : zones;
  }, [value]);
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable={clearable}
      placeholder={clearable ? t("profile.timeZoneDefault") : undefined}
      nothingFoundMessage={t("common.nothingFound")}
      error={error}
      limit={200}
    />
  );
}
