import { Alert, Button, Paper, Skeleton, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { ScriptRun } from "../../../../shared/api/kb-scripts.js";
import { CreateTicketBodySchema } from "../../../../shared/api/tickets.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { RecordError } from "../../../components/StatusPages.js";
import { textToHtml } from "../../tickets/ticket-ui.js";
import { useCreateTicket } from "../../tickets/useTickets.js";
import { runSummary } from "./CallScriptPanel.js";
import { ScriptRunner } from "./ScriptRunner.js";
import { useRunAction, useScript, useStartRun } from "./useScripts.js";

/**
 * The portal's guided check: the requester answers, and at the end either the problem is gone
 * (counted as solved without a ticket) or they open a request already holding their answers.
 */
export function PortalScriptPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const script = useScript(id);
  const start = useStartRun();
  const finish = useRunAction();
  const [run, setRun] = useState<ScriptRun | null>(null);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);

  if (script.isPending) return <Skeleton h={200} />;
  if (script.isError) return <RecordError error={script.error} />;
  const outcome = run?.current.type === "outcome" ? run.current.outcome : undefined;
  const mayBeSolved = outcome?.kind === "solve" || outcome?.kind === "article";

  return (
    <Stack maw={720} mx="auto" w="100%" gap="sm">
      <PageHeader crumbs={[{ label: t("portal.title"), to: "/" }]} title={script.data.name} description={script.data.description} />
      {done ? (
        <Alert color="green" title={t("scripts.portal.solvedTitle")}>{t("scripts.portal.solvedMessage")}</Alert>
      ) : !run ? (
        <Paper withBorder radius="md" p="md">
          <Text mb="sm">{t("scripts.portal.startHelp")}</Text>
          <Button onClick={() => start.mutate({ scriptId: id }, { onSuccess: setRun })} loading={start.isPending}>{t("scripts.run.start")}</Button>
          <ApiErrorAlert error={start.error} />
        </Paper>
      ) : (
        <ScriptRunner run={run} onChange={setRun} articleBase="/help/articles" actions={run.state === "finished" && !asking && (
          <>
            {mayBeSolved && (
              <Button color="green" loading={finish.isPending} onClick={() => finish.mutate({ runId: run.id, action: "finish", body: { solved: true } },
                { onSuccess: () => setDone(true) })}>{t("scripts.portal.solved")}</Button>
            )}
            <Button variant={mayBeSolved ? "default" : "filled"} onClick={() => setAsking(true)}>{t("scripts.portal.openRequest")}</Button>
          </>
        )} />
      )}
      {run && asking && <PortalRequestForm run={run} />}
    </Stack>
  );
}

/** A request already holding the questions and answers, so nobody asks them again. */
function PortalRequestForm({ run }: { run: ScriptRun }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTicket();
  const finish = useRunAction();
  const [title, setTitle] = useState(run.scriptName);
  const [description, setDescription] = useState(`${runSummary(run)}\n\n`);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const body = CreateTicketBodySchema.safeParse({ title, description: textToHtml(description) });
    if (!body.success) return;
    create.mutate(body.data, {
      onSuccess: async (ticket) => {
        // The request is what matters: a run that could not be closed only misses from the statistics.
        await finish.mutateAsync({ runId: run.id, action: "finish", body: { solved: false } }).catch(() => undefined);
        void navigate(`/requests/${ticket.id}`);
      },
    });
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={handleSubmit}>
      <Stack gap="sm">
        <TextInput label={t("scripts.portal.requestTitle")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required minLength={3} />
        <Textarea label={t("scripts.portal.requestDescription")} value={description} onChange={(e) => setDescription(e.currentTarget.value)}
          autosize minRows={5} />
        <ApiErrorAlert error={create.error} />
        <Button type="submit" loading={create.isPending} w="fit-content">{t("scripts.portal.send")}</Button>
      </Stack>
    </Paper>
  );
}
