import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAssetHealth } from "./useHealth.js";

/**
 * The asset's health signals as badges, for its page header: nothing at all when all is well.
 * Each badge leads to the fleet's list of that signal.
 */
export function AssetHealthBadges({ assetId }: { assetId: number }) {
  const { t } = useTranslation();
  const health = useAssetHealth(assetId);
  const signals = health.data?.signals ?? [];
  if (signals.length === 0) return null;
  return (
    <Group gap={6} role="list" aria-label={t("health.badgesLabel")}>
      {signals.map((item) => (
        <Badge key={item.signal} role="listitem" color={item.signal === "silent" ? "orange" : "red"} variant="light"
          component={Link} to={`/assets/health?signal=${item.signal}`} style={{ cursor: "pointer" }}>
          {item.signal === "disk" ? t("health.badge.disk", { pct: item.fullestVolumePct ?? 0 }) : t(`health.badge.${item.signal}`)}
        </Badge>
      ))}
    </Group>
  );
}

