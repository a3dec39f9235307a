import { Button, Drawer, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { type Contract, CreateContractBodySchema, UpdateContractBodySchema } from "../../../../shared/api/contracts.js";
import { CONTRACT_TYPES, type ContractType, addMonths } from "../../../../shared/domain/assets.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { changedFields } from "../../../lib/diff.js";
import { emptyToNull, useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { SupplierSelect } from "../references/SupplierSelect.js";
import { localToday, useDayFormat } from "./contract-ui.js";
import { useCreateContract, useUpdateContract } from "./useContracts.js";

type Values = {
  entityId: number | null; contractType: ContractType; name: string; number: string; supplierId: number | null; startDate: string;
  durationMonths: number | ""; noticeMonths: number | ""; tacitRenewal: boolean; yearlyCost: number | ""; notes: string;
};

function initialValues(contract: Contract | null, entityId: number | null): Values {
  if (!contract) {
    return { entityId, contractType: "maintenance", name: "", number: "", supplierId: null, startDate: localToday(), durationMonths: 12,
      noticeMonths: 3, tacitRenewal: false, yearlyCost: "", notes: "" };
  }
  return {
    entityId: contract.entityId, contractType: contract.contractType, name: contract.name, number: contract.number ?? "",
    supplierId: contract.supplierId, startDate: contract.startDate, durationMonths: contract.durationMonths, noticeMonths: contract.noticeMonths,
    tacitRenewal: contract.tacitRenewal, yearlyCost: contract.yearlyCostCents === null ? "" : contract.yearlyCostCents / 100, notes: contract.notes ?? "",
  };
}

/** The form as the API takes it: euros to cents, empty texts to "none". Empty numbers go as null so the schema says "required". */
function toBody(v: Values) {
  return {
    contractType: v.contractType, name: v.name.trim(), number: emptyToNull(v.number), supplierId: v.supplierId, startDate: v.startDate,
    durationMonths: v.durationMonths === "" ? null : v.durationMonths, noticeMonths: v.noticeMonths === "" ? 0 : v.noticeMonths,
    tacitRenewal: v.tacitRenewal, yearlyCostCents: v.yearlyCost === "" ? null : Math.round(v.yearlyCost * 100), notes: emptyToNull(v.notes),
  };
}

/** The end and notice dates the server will compute, shown while typing. */
function ComputedDates({ values }: { values: Values }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.startDate) || values.durationMonths === "") return null;
  const end = addMonths(values.startDate, values.durationMonths);
  const notice = addMonths(end, -(values.noticeMonths === "" ? 0 : values.noticeMonths));
  return <Text size="sm" c="dimmed" aria-live="polite">{t("contracts.computed", { end: day(end), notice: day(notice) })}</Text>;
}

/** Creates a contract, or edits one (`contract`); the entity is chosen at creation only. */
export function ContractDrawer({ contract, entityId, onClose }: { contract: Contract | null; entityId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const initial = initialValues(contract, entityId);
  const form = useForm(initial);
  const create = useCreateContract();
  const update = useUpdateContract();
  const mutation = contract ? update : create;
  const { values, errors, setField } = form;

  function done(saved: Contract, message: "contracts.created" | "contracts.saved") {
    notifications.show({ color: "green", message: t(message, { name: saved.name }) });
    onClose();
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const onError = (error: unknown) => form.setErrors(serverFieldErrors(error, t));
    if (!contract) {
      const result = validate(CreateContractBodySchema, { ...toBody(values), entityId: values.entityId ?? undefined }, t);
      if (!result.ok) return form.setErrors(result.errors);
      return create.mutate(result.data, { onSuccess: (saved) => done(saved, "contracts.created"), onError });
    }
    const changes = changedFields(toBody(initial), toBody(values));
    if (Object.keys(changes).length === 0) return onClose();
    const result = validate(UpdateContractBodySchema, changes, t);
    if (!result.ok) return form.setErrors(result.errors);
    update.mutate({ id: contract.id, body: result.data }, { onSuccess: (saved) => done(saved, "contracts.saved"), onError });
  }

  const number = (value: string | number) => (typeof value === "number" ? value : "");
  return (
    <Drawer opened onClose={onClose} position="right" size="lg"
      title={contract ? t("contracts.editTitle", { name: contract.name }) : t("contracts.new")}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={mutation.error} />
          {!contract && (
            <EntitySelect label={t("contracts.fields.entity")} description={t("contracts.fields.entityHelp")} value={values.entityId}
              onChange={(id) => setField("entityId", id)} error={errors.entityId} required />
          )}
          <Select label={t("contracts.fields.contractType")} required value={values.contractType} allowDeselect={false}
            data={CONTRACT_TYPES.map((type) => ({ value: type, label: t(`contracts.types.${type}`) }))}
            onChange={(type) => type && setField("contractType", type as ContractType)} error={errors.contractType} />
          <TextInput label={t("contracts.fields.name")} required value={values.name} error={errors.name}
            onChange={(e) => setField("name", e.currentTarget.value)} />
          <TextInput label={t("contracts.fields.number")} value={values.number} error={errors.number}
            onChange={(e) => setField("number", e.currentTarget.value)} />
          <SupplierSelect label={t("contracts.fields.supplier")} value={values.supplierId} entityId={values.entityId ?? contract?.entityId}
            onChange={(id) => setField("supplierId", id)} error={errors.supplierId} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t("contracts.fields.startDate")} required value={values.startDate} error={errors.startDate}
              onChange={(e) => setField("startDate", e.currentTarget.value)} />
            <NumberInput label={t("contracts.fields.durationMonths")} required min={1} max={1200} allowDecimal={false}
              value={values.durationMonths} error={errors.durationMonths} onChange={(v) => setField("durationMonths", number(v))} />
            <NumberInput label={t("contracts.fields.noticeMonths")} description={t("contracts.fields.noticeHelp")} min={0} max={1200}
              allowDecimal={false} value={values.noticeMonths} error={errors.noticeMonths} onChange={(v) => setField("noticeMonths", number(v))} />
          </SimpleGrid>
          <ComputedDates values={values} />
          <Switch label={t("contracts.fields.tacitRenewal")} description={t("contracts.fields.tacitRenewalHelp")} checked={values.tacitRenewal}
            onChange={(e) => setField("tacitRenewal", e.currentTarget.checked)} />
          <NumberInput label={t("contracts.fields.yearlyCost")} min={0} decimalScale={2} value={values.yearlyCost}
            error={errors.yearlyCostCents} onChange={(v) => setField("yearlyCost", number(v))} />
          <Textarea label={t("contracts.fields.notes")} autosize minRows={2} value={values.notes} error={errors.notes}
            onChange={(e) => setField("notes", e.currentTarget.value)} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={mutation.isPending}>{contract ? t("common.save") : t("common.create")}</Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
