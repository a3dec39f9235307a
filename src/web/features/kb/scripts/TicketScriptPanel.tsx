import { Button, Modal, Paper, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ScriptRun } from "../../../../shared/api/kb-scripts.js";
import type { Ticket } from "../../../../shared/api/tickets.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ScriptPicker } from "./ScriptPicker.js";
import { ScriptRunner } from "./ScriptRunner.js";
import { useRunAction, useStartRun } from "./useScripts.js";

/**
 * "Diagnostic guidé" on a ticket: pick a script, answer with the number keys, and apply the
 * outcome in one click — the questions and answers go to the timeline with it.
 */
export function TicketScriptPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const start = useStartRun();
  const apply = useRunAction();
  const [run, setRun] = useState<ScriptRun | null>(null);

  function handleApply() {
    if (!run) return;
    apply.mutate({ runId: run.id, action: "apply" }, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("scripts.run.appliedToast") });
        setRun(null);
      },
    });
  }

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">{t("scripts.run.title")}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t("scripts.run.ticketHelp")}</Text>
      <ScriptPicker busy={start.isPending} onStart={(scriptId) => start.mutate({ scriptId, ticketId: ticket.id }, { onSuccess: setRun })} />
      <ApiErrorAlert error={start.error} />
      <Modal opened={run !== null} onClose={() => setRun(null)} size="lg" title={run?.scriptName ?? ""} returnFocus={false}>
        {run && (
          <ScriptRunner run={run} onChange={setRun} actions={run.state === "finished" && (
            <>
              <Button onClick={handleApply} loading={apply.isPending} data-autofocus>{t("scripts.run.apply")}</Button>
              <ApiErrorAlert error={apply.error} />
            </>
          )} />
        )}
      </Modal>
    </Paper>
  );
}
