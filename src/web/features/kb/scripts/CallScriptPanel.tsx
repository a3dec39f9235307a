import { Button, Group, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ScriptRun } from "../../../../shared/api/kb-scripts.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ScriptPicker } from "./ScriptPicker.js";
import { ScriptRunner } from "./ScriptRunner.js";
import { useStartRun } from "./useScripts.js";

/**
 * The diagnostic during a call, before the ticket exists: the run is kept on the server and,
 * when the technician saves the ticket, attached to it and its outcome applied (CallPage).
 */
export function CallScriptPanel({ run, onRun }: { run: ScriptRun | null; onRun: (run: ScriptRun | null) => void }) {
  const { t } = useTranslation();
  const start = useStartRun();
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="sm" tt="uppercase" c="dimmed">{t("scripts.run.title")}</Title>
        {run && <Button variant="subtle" size="xs" onClick={() => onRun(null)}>{t("scripts.run.close")}</Button>}
      </Group>
      {run ? (
        <>
          <Text fw={600} mb="xs">{run.scriptName}</Text>
          <ScriptRunner run={run} onChange={onRun} />
          {run.state === "finished" && <Text size="sm" c="dimmed" mt="xs">{t("scripts.run.callHelp")}</Text>}
        </>
      ) : (
        <ScriptPicker busy={start.isPending} onStart={(scriptId) => start.mutate({ scriptId }, { onSuccess: onRun })} />
      )}
      <ApiErrorAlert error={start.error} />
    </Paper>
  );
}

/** What the ticket form takes from a finished run: the questions and answers, as text. */
export function runSummary(run: ScriptRun): string {
  const lines = run.path.map((s) => `${s.question} — ${s.answer}`);
  return [run.scriptName, ...lines, run.current.type === "outcome" ? `→ ${run.current.title}` : ""].filter(Boolean).join("\n");
}
