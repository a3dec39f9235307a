import { useTranslation } from "react-i18next";
import { ReferenceSelect, type ReferenceSelectProps } from "./ReferenceSelect.js";
import { useModelList } from "./useReferences.js";

/** Picks a model of the kind (and of the manufacturer, when one is chosen); "Latitude 5440 (210-BGGH)". */
export function ModelSelect({ entityId: _entityId, kindId, manufacturerId, ...props }: ReferenceSelectProps & { kindId?: number; manufacturerId?: number | null }) {
  const { t } = useTranslation();
  const list = useModelList({ kindId, manufacturerId: manufacturerId ?? undefined });
  const options = (list.data ?? []).map((m) => ({
    value: m.id,
    label: [manufacturerId ? null : m.manufacturerName, m.name, m.partNumber ? `(${m.partNumber})` : null].filter(Boolean).join(" "),
  }));
  return <ReferenceSelect {...props} options={options} loading={list.isFetching} placeholder={t("assetRefs.pickers.model")} />;
}
