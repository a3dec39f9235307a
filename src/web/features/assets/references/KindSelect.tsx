import { useTranslation } from "react-i18next";
import { useKindName } from "./kind-name.js";
import { ReferenceSelect, type ReferenceSelectProps } from "./ReferenceSelect.js";
import { useKindList } from "./useReferences.js";

/** Picks an active kind of asset, built-in ones under their translated name. */
export function KindSelect({ entityId: _entityId, ...props }: ReferenceSelectProps) {
  const { t } = useTranslation();
  const list = useKindList();
  const kindName = useKindName();
  const options = (list.data ?? []).map((k) => ({ value: k.id, label: kindName(k) }));
  return <ReferenceSelect {...props} options={options} loading={list.isFetching} placeholder={t("assetRefs.pickers.kind")} />;
}
