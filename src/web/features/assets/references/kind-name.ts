import { useTranslation } from "react-i18next";

/**
 * A kind's name as the user reads it: a built-in kind (with a code) in the interface's
 * language, unless an admin renamed it; an admin's own kind as they typed it.
 */
export function useKindName() {
  const { t } = useTranslation();
  return (kind: { code: string | null; name: string }) => {
    if (!kind.code) return kind.name;
    const french = t(`assetRefs.kinds.${kind.code}`, { lng: "fr", defaultValue: kind.name });
    return french === kind.name ? t(`assetRefs.kinds.${kind.code}`, { defaultValue: kind.name }) : kind.name;
  };
}
