import { Alert, Badge, type MantineSize } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ERRORS } from "../../../../shared/api/errors.js";
import type { AssetStatus } from "../../../../shared/domain/assets.js";
import { isApiError } from "../../../api/client.js";

const STATUS_COLORS: Record<AssetStatus, string> = {
  ordered: "grape",
  in_stock: "blue",
  in_use: "green",
  in_repair: "orange",
  loaned: "cyan",
  retired: "gray",
  disposed: "dark",
};

/** Colour and words together: the status never relies on colour alone. */
export function AssetStatusBadge({ status, size = "sm" }: { status: AssetStatus; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" color={STATUS_COLORS[status]} variant={status === "disposed" ? "outline" : "light"} size={size} miw="max-content">
      {t(`assets.statuses.${status}`)}
    </Badge>
  );
}

export type WarrantyState = "over" | "near" | "ok" | "none";

/** "Near" is the last 90 days: time to order a replacement or extend the warranty. */
export function warrantyState(warrantyEnd: string | null, today = new Date().toISOString().slice(0, 10)): WarrantyState {
  if (!warrantyEnd) return "none";
  if (warrantyEnd < today) return "over";
  const soon = new Date(Date.parse(today) + 90 * 86_400_000).toISOString().slice(0, 10);
  return warrantyEnd <= soon ? "near" : "ok";
}

const WARRANTY_COLORS: Record<WarrantyState, string> = { over: "red", near: "yellow", ok: "green", none: "gray" };

export function WarrantyBadge({ warrantyEnd, size = "sm" }: { warrantyEnd: string | null; size?: MantineSize }) {
  const { t } = useTranslation();
  const state = warrantyState(warrantyEnd);
  return (
    <Badge component="span" color={WARRANTY_COLORS[state]} variant="light" size={size} miw="max-content">
      {t(`assets.warranty.${state}`)}
    </Badge>
  );
}

/** Euros from cents, in the reader's language. */
export function formatMoney(cents: number | null, language: string): string {
  if (cents === null) return "—";
  return new Intl.NumberFormat(language, { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** A date-only value (YYYY-MM-DD) shown as the reader writes dates, without a time zone shift. */
export function formatDay(day: string | null | undefined, language: string): string {
  if (!day) return "—";
  const date = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

const ASSET_CODES = [
  "ASSET_NOT_FOUND", "ASSET_TAG_TAKEN", "SERIAL_TAKEN", "ASSET_TRANSITION_REFUSED", "ASSET_DISPOSED", "ASSET_VERSION_CONFLICT",
] as const;

/** The fleet's own error codes are translated here; the others by the app's table. */
export function assetErrorText(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t("errors.INTERNAL");
  const code = error.code as string;
  if ((ASSET_CODES as readonly string[]).includes(code)) return t(`assets.errors.${code as (typeof ASSET_CODES)[number]}`);
  if (code in ERRORS) return t(`errors.${error.code}` as "errors.INTERNAL", { defaultValue: t("errors.BAD_REQUEST") });
  return t("errors.INTERNAL");
}

/** Which form field a conflict or a kind's field problem is about, so the message shows under it. */
export function assetFieldErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!isApiError(error)) return {};
  if ((error.code as string) === "ASSET_TAG_TAKEN") return { assetTag: assetErrorText(error, t) };
  if ((error.code as string) === "SERIAL_TAKEN") return { serial: assetErrorText(error, t) };
  const errors: Record<string, string> = {};
  for (const issue of error.code === "VALIDATION_FAILED" ? error.issues : []) {
    // The kind's own fields come back as body.fields.<key>, with developer text: say it in words.
    const key = /^body\.fields\.(.+)$/.exec(issue.path)?.[1];
    if (key) errors[`fields.${key}`] = issue.message.endsWith("required") ? t("validation.required") : t("validation.invalid");
  }
  return errors;
}

/** Whole years and months since a date: "3 years", or months under a year. */
export function ageText(purchaseDate: string | null, t: TFunction, today = new Date()): string {
  if (!purchaseDate) return "—";
  const [y, m] = purchaseDate.split("-").map(Number) as [number, number];
  const months = (today.getUTCFullYear() - y) * 12 + (today.getUTCMonth() + 1 - m);
  if (months < 12) return t("assets.renewal.months", { count: Math.max(months, 0) });
  return t("assets.renewal.years", { count: Math.floor(months / 12) });
}

/** A failed request, in words, with the fleet's own codes translated. */
export function AssetErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert color="red" variant="light" role="alert">{assetErrorText(error, t)}</Alert>;
}
