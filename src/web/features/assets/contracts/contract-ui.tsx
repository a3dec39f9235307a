import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Contract, FLEET_ALERT_KINDS, type FleetAlertKind } from "../../../../shared/api/contracts.js";

/** A contract is "ending soon" or its notice "soon" within this many days, as the alerts default. */
export const SOON_DAYS = 60;

/** Today as YYYY-MM-DD in the browser's zone: contract dates are plain days. */
export function localToday(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` has passed. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** A plain day (YYYY-MM-DD) in the user's language, without any time-zone shift. */
export function useDayFormat() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  return (day: string | null | undefined) => (day ? format.format(new Date(`${day}T00:00:00Z`)) : "—");
}

export function useMoneyFormat() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { style: "currency", currency: "EUR" });
  return (cents: number | null) => (cents === null ? "—" : format.format(cents / 100));
}

/** What a manager must look at: ended, notice soon, ending soon; and whether it renews by itself. */
export function ContractBadges({ contract, today = localToday() }: { contract: Contract; today?: string }) {
  const { t } = useTranslation();
  const toEnd = daysBetween(today, contract.endDate);
  const toNotice = daysBetween(today, contract.noticeDate);
  return (
    <Group gap={4} wrap="wrap">
      {toEnd < 0 && <Badge color="gray" variant="outline" size="sm">{t("contracts.badges.ended")}</Badge>}
      {toNotice >= 0 && toNotice <= SOON_DAYS && contract.noticeMonths > 0 && (
        <Badge color="red" variant="light" size="sm">{t("contracts.badges.noticeSoon")}</Badge>
      )}
      {toEnd >= 0 && toEnd <= SOON_DAYS && <Badge color="orange" variant="light" size="sm">{t("contracts.badges.endingSoon")}</Badge>}
      {contract.tacitRenewal && <Badge color="blue" variant="outline" size="sm">{t("contracts.badges.tacit")}</Badge>}
    </Group>
  );
}

/** The notifications about an asset's warranty or a contract, rather than a ticket. */
export function isFleetAlert(kind: string): kind is FleetAlertKind {
  return (FLEET_ALERT_KINDS as readonly string[]).includes(kind);
}
