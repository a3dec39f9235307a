import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Role } from "../../shared/domain/roles.js";

const ROLE_COLORS: Record<Role, string> = {
  requester: "gray",
  technician: "blue",
  supervisor: "grape",
  admin: "red",
};

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" size="sm" miw="max-content">
      {t(`roles.${role}`)}
    </Badge>
  );
}

export function ActiveBadge({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={isActive ? "green" : "gray"} variant={isActive ? "light" : "outline"} size="sm" miw="max-content">
      {isActive ? t("common.active") : t("common.inactive")}
    </Badge>
  );
}
