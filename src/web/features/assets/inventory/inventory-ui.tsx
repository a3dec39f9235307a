import { Alert, Badge } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CampaignStatus, InventoryLine } from "../../../../shared/api/inventory.js";
import { isApiError } from "../../../api/client.js";
import { errorText } from "../../../components/error-text.js";

/** An asset missing from a sheet of labels is said in this part's words; the other codes as everywhere else. */
const OWN_ERRORS = ["ASSET_NOT_FOUND"] as const;

export function inventoryErrorText(error: unknown, t: TFunction): string {
  const code = OWN_ERRORS.find((c) => isApiError(error, c));
  return code ? t(`inventory.errors.${code}`) : errorText(error, t);
}

export function InventoryErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert color="red" variant="light" role="alert">{inventoryErrorText(error, t)}</Alert>;
}

/** Colours that say the verdict at a glance, with the word for those who do not see colours. */
export const VERDICT_COLORS: Record<InventoryLine["verdict"], string> = { found: "green", missing: "red", unexpected: "orange", unknown: "gray" };

export function VerdictBadge({ verdict }: { verdict: InventoryLine["verdict"] }) {
  const { t } = useTranslation();
  // Never squeezed: the verdict is the point of the line.
  return <Badge color={VERDICT_COLORS[verdict]} variant="light" style={{ flexShrink: 0, overflow: "visible" }}>{t(`inventory.verdicts.${verdict}`)}</Badge>;
}

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Badge color={status === "open" ? "blue" : "gray"} variant="light">{t(`inventory.statusBadge.${status}`)}</Badge>;
}
