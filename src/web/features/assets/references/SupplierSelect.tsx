import { useTranslation } from "react-i18next";
import { ReferenceSelect, type ReferenceSelectProps } from "./ReferenceSelect.js";
import { useSupplierList } from "./useReferences.js";

/** Picks an active supplier usable in the entity (its own and its parents'). */
export function SupplierSelect({ entityId, ...props }: ReferenceSelectProps) {
  const { t } = useTranslation();
  const list = useSupplierList({ entityId });
  const options = (list.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  return <ReferenceSelect {...props} options={options} loading={list.isFetching} placeholder={t("assetRefs.pickers.supplier")} />;
}
