import { useTranslation } from "react-i18next";
import { ReferenceSelect, type ReferenceSelectProps } from "./ReferenceSelect.js";
import { useManufacturerList } from "./useReferences.js";

/** Picks a manufacturer (a global list). */
export function ManufacturerSelect({ entityId: _entityId, ...props }: ReferenceSelectProps) {
  const { t } = useTranslation();
  const list = useManufacturerList();
  const options = (list.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  return <ReferenceSelect {...props} options={options} loading={list.isFetching} placeholder={t("assetRefs.pickers.manufacturer")} />;
}
