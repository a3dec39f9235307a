import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Asset, AssetOperationBodySchema } from "../../../../shared/api/assets.js";
import { ASSET_TRANSITIONS, type AssetStatus } from "../../../../shared/domain/assets.js";
import { UserSelect } from "../../../components/UserSelect.js";
import { validate } from "../../../lib/validation.js";
import { LocationSelect } from "../references/LocationSelect.js";
import { assetErrorText } from "./asset-ui.js";
import { useAssetOperation } from "./useAssets.js";

export type OperationType = "assign" | "unassign" | "move" | "loan" | "return" | "status" | "dispose";

/** The statuses a plain status change may reach: loans and disposal have their own operations. */
export function nextStatuses(status: AssetStatus): AssetStatus[] {
  return ASSET_TRANSITIONS[status].filter((s) => s !== "loaned" && s !== "disposed");
}

/** The operations the asset's status allows, in the order a technician uses them. */
export function allowedOperations(asset: Asset): OperationType[] {
  const s = asset.status;
  if (s === "disposed") return [];
  const ops: OperationType[] = [];
  if (s === "in_stock" || s === "in_use" || s === "in_repair" || s === "ordered") ops.push("assign");
  if (asset.userId !== null && s !== "loaned") ops.push("unassign");
  ops.push("move");
  if (s === "in_stock") ops.push("loan");
  if (s === "loaned") ops.push("return");
  if (nextStatuses(s).length > 0) ops.push("status");
  if (ASSET_TRANSITIONS[s].includes("disposed")) ops.push("dispose");
  return ops;
}

type Values = { userId: number | null; locationId: number | null; status: string | null; dueAt: string; recycler: string;
  disposedAt: string; certificate: string; reason: string };

function toBody(type: OperationType, v: Values, version: number) {
  const reason = v.reason.trim() || undefined;
  switch (type) {
    case "assign": return { type, userId: v.userId, locationId: v.locationId ?? undefined, reason, version };
    case "unassign": return { type: "assign" as const, userId: null, locationId: v.locationId ?? undefined, reason, version };
    case "move": return { type, locationId: v.locationId, reason, version };
    case "loan": return { type, userId: v.userId, dueAt: v.dueAt, reason, version };
    case "return": return { type, locationId: v.locationId ?? undefined, reason, version };
    case "status": return { type, status: v.status, reason, version };
    case "dispose": return { type, recycler: v.recycler, disposedAt: v.disposedAt, certificate: v.certificate, reason, version };
  }
}

/** One small dialog per operation, each with its reason; the asset's version guards against a stale page. */
export function OperationModal({ asset, type, onClose }: { asset: Asset; type: OperationType; onClose: () => void }) {
  const { t } = useTranslation();
  const operation = useAssetOperation(asset.id);
  const [values, setValues] = useState<Values>({
    userId: null, locationId: null, status: null, dueAt: "", recycler: "", disposedAt: new Date().toISOString().slice(0, 10),
    certificate: "", reason: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((old) => ({ ...old, [key]: value }));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (type === "assign" && values.userId === null) return setErrors({ userId: t("validation.required") });
    const result = validate(AssetOperationBodySchema, toBody(type, values, asset.version), t);
    if (!result.ok) return setErrors(result.errors);
    operation.mutate(result.data, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("assets.ops.done") });
        onClose();
      },
    });
  }

  return (
    <Modal opened onClose={onClose} title={`${t(`assets.ops.${type}`)} · ${asset.assetTag}`}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          {operation.error ? <Alert color="red" variant="light" role="alert">{assetErrorText(operation.error, t)}</Alert> : null}
          {(type === "assign" || type === "loan") && (
            <UserSelect label={type === "loan" ? t("assets.ops.borrower") : t("assets.ops.toUser")} value={values.userId}
              onChange={(id) => set("userId", id)} error={errors.userId} />
          )}
          {type === "loan" && (
            <TextInput type="date" label={t("assets.ops.dueAt")} required value={values.dueAt} error={errors.dueAt}
              onChange={(e) => set("dueAt", e.currentTarget.value)} />
          )}
          {(type === "assign" || type === "unassign" || type === "move" || type === "return") && (
            <LocationSelect label={type === "move" ? t("assets.ops.toLocation") : type === "return" ? t("assets.ops.backTo") : t("assets.ops.alsoMove")}
              value={values.locationId} entityId={asset.entityId} onChange={(id) => set("locationId", id)} error={errors.locationId} />
          )}
          {type === "status" && (
            <Select label={t("assets.ops.newStatus")} required data={nextStatuses(asset.status).map((value) => ({ value, label: t(`assets.statuses.${value}`) }))}
              value={values.status} onChange={(v) => set("status", v)} error={errors.status} />
          )}
          {type === "dispose" && (
            <>
              <TextInput label={t("assets.fields.recycler")} required value={values.recycler} error={errors.recycler} maxLength={200}
                onChange={(e) => set("recycler", e.currentTarget.value)} />
              <TextInput type="date" label={t("assets.fields.disposedAt")} required value={values.disposedAt} error={errors.disposedAt}
                onChange={(e) => set("disposedAt", e.currentTarget.value)} />
              <TextInput label={t("assets.fields.disposalCertificate")} required value={values.certificate} error={errors.certificate}
                maxLength={100} onChange={(e) => set("certificate", e.currentTarget.value)} />
            </>
          )}
          {type === "unassign" && <Text size="sm" c="dimmed">{asset.userName}</Text>}
          <Textarea label={t("assets.ops.reason")} description={t("assets.ops.reasonHint")} value={values.reason} autosize minRows={2}
            maxLength={1000} onChange={(e) => set("reason", e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={operation.isPending} color={type === "dispose" ? "red" : undefined}>{t("assets.ops.submit")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
