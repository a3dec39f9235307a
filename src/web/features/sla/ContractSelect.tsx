import { Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ContractType } from "../../../shared/domain/assets.js";
import { useDayFormat } from "../assets/contracts/contract-ui.js";
import { useEntityContracts, useTicketContracts } from "./useSlaContracts.js";

type Option = { value: string; label: string };
type PickerProps = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: number | null;
  onChange: (value: number | null) => void;
  /** The current contract's name, shown even when it is no longer offered. */
  initialLabel?: string | null;
};

function withCurrent(options: Option[], value: number | null, initialLabel?: string | null): Option[] {
  if (value === null || options.some((o) => o.value === String(value))) return options;
  return [{ value: String(value), label: initialLabel ?? `#${value}` }, ...options];
}

function useOptionLabel() {
  const { t } = useTranslation();
  const day = useDayFormat();
  return (c: { name: string; number: string | null; contractType: string; endDate: string }) =>
    t("slaContracts.option", { name: c.number ? `${c.name} (${c.number})` : c.name, type: t(`contracts.types.${c.contractType as ContractType}`),
      end: day(c.endDate) });
}

/** The SLA forms' contract: one of exactly the chosen entity's contracts, or none (the entity's own calendar or SLA). */
export function EntityContractSelect({ entityId, value, onChange, initialLabel, ...props }: PickerProps & { entityId: number | null }) {
  const { t } = useTranslation();
  const contracts = useEntityContracts(entityId);
  const label = useOptionLabel();
  const data = withCurrent((contracts.data ?? []).map((c) => ({ value: String(c.id), label: label(c) })), value, initialLabel);
  return (
    <Select label={t("slaContracts.contract")} placeholder={entityId === null ? t("slaContracts.pickEntityFirst") : t("slaContracts.entityOnly")}
      {...props} data={data} value={value === null ? null : String(value)} onChange={(next) => onChange(next ? Number(next) : null)}
      disabled={props.disabled || entityId === null} clearable searchable
      nothingFoundMessage={contracts.isFetching ? t("common.loading") : t("common.nothingFound")} comboboxProps={{ withinPortal: true }} />
  );
}

/** The ticket's contract: those in force of its entity or a parent, the ones with an SLA marked. */
export function TicketContractSelect({ ticketId, value, onChange, initialLabel, ...props }: PickerProps & { ticketId: number }) {
  const { t } = useTranslation();
  const contracts = useTicketContracts(ticketId, !props.disabled);
  const label = useOptionLabel();
  const data = withCurrent((contracts.data ?? []).map((c) => ({ value: String(c.id),
    label: c.hasSla ? `${label(c)} · ${t("slaContracts.withSla")}` : label(c) })), value, initialLabel);
  return (
    <Select label={t("slaContracts.ticket.picker")} placeholder={props.disabled ? "—" : t("slaContracts.ticket.placeholder")}
      {...props} data={data} value={value === null ? null : String(value)} onChange={(next) => onChange(next ? Number(next) : null)}
      clearable searchable nothingFoundMessage={contracts.isFetching ? t("common.loading") : t("common.nothingFound")}
      comboboxProps={{ withinPortal: true }} />
  );
}
