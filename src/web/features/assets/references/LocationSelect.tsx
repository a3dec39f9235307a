import { useTranslation } from "react-i18next";
import { ReferenceSelect, type ReferenceSelectProps } from "./ReferenceSelect.js";
import { useLocationList } from "./useReferences.js";

/** Picks a location by its complete name ("Lyon > Bâtiment A > Salle 204"), among those usable in the entity. */
export function LocationSelect({ entityId, ...props }: ReferenceSelectProps) {
  const { t } = useTranslation();
  const list = useLocationList({ entityId });
  const options = (list.data ?? []).map((l) => ({ value: l.id, label: l.completeName }));
  return <ReferenceSelect {...props} options={options} loading={list.isFetching} placeholder={t("assetRefs.pickers.location")} />;
}
