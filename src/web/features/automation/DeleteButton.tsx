import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton.js";

/** The delete button of the automation lists: asks first, names what goes; a refusal (template in use) shows in the dialog. */
export function DeleteButton({ name, onConfirm, mutation }: { name: string; onConfirm: () => Promise<unknown>; mutation: { error: unknown; reset: () => void } }) {
  const { t } = useTranslation();
  return (
    <ConfirmButton label={t("automation.delete")} title={t("automation.deleteTitle", { name })} message={t("automation.deleteMessage")}
      confirmLabel={t("automation.delete")} onConfirm={onConfirm} error={mutation.error} onOpen={mutation.reset} buttonProps={{ variant: "subtle", color: "red", size: "xs" }} />
  );
}
