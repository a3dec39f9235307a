import { MultiSelect, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AssetModel } from "../../../shared/api/asset-references.js";
import type { Page } from "../../../shared/api/common.js";
import type { KbTarget, KbTargetType } from "../../../shared/api/kb.js";
import type { SoftwareSummary } from "../../../shared/api/software.js";
import { api } from "../../api/client.js";
import { useCategoryList } from "../categories/useCategories.js";

type Option = { value: string; label: string };

/** The options of one type, with the targets already chosen kept even when the list does not hold them. */
function withChosen(options: Option[], chosen: KbTarget[]): Option[] {
  const known = new Set(options.map((o) => o.value));
  return [...options, ...chosen.filter((c) => !known.has(String(c.id))).map((c) => ({ value: String(c.id), label: c.name }))];
}

/** What a known error applies to: ticket categories, asset models and software (searched by name). */
export function TargetsPicker({ value, onChange }: { value: KbTarget[]; onChange: (targets: KbTarget[]) => void }) {
  const { t } = useTranslation();
  const [softwareSearch, setSoftwareSearch] = useState("");
  const [q] = useDebouncedValue(softwareSearch, 250);
  const categories = useCategoryList({});
  const models = useQuery({ queryKey: ["/api/asset-models"], queryFn: ({ signal }) => api<{ data: AssetModel[] }>("/api/asset-models", { signal }), staleTime: 60_000 });
  const software = useQuery({
    queryKey: ["/api/software", { q, limit: 50 }],
    queryFn: ({ signal }) => api<Page<SoftwareSummary>>("/api/software", { query: { q: q || undefined, limit: 50 }, signal }),
  });
  const lists: Record<KbTargetType, Option[]> = {
    ticket_category: (categories.data ?? []).map((c) => ({ value: String(c.id), label: c.completeName })),
    asset_model: (models.data?.data ?? []).map((m) => ({ value: String(m.id), label: [m.manufacturerName, m.name].filter(Boolean).join(" ") })),
    software: (software.data?.data ?? []).map((s) => ({ value: String(s.id), label: s.name })),
  };
  const picker = (type: KbTargetType) => {
    const chosen = value.filter((v) => v.type === type);
    const options = withChosen(lists[type], chosen);
    return (
      <MultiSelect key={type} label={t(`kb.article.targetTypes.${type}`)} searchable clearable data={options}
        value={chosen.map((c) => String(c.id))}
        onSearchChange={type === "software" ? setSoftwareSearch : undefined}
        onChange={(ids) => onChange([...value.filter((v) => v.type !== type),
          ...ids.map((id) => ({ type, id: Number(id), name: options.find((o) => o.value === id)?.label ?? id }))])} />
    );
  };
  return <Stack gap="xs">{(["ticket_category", "asset_model", "software"] as const).map(picker)}</Stack>;
}
