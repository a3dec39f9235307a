import { Alert, Anchor, Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ScriptRun } from "../../../../shared/api/kb-scripts.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { useRunAction } from "./useScripts.js";

/** Typing in a field must not answer a question. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/**
 * One run, question by question: answers are buttons numbered 1–9 and the number keys choose
 * them (a technician on the phone keeps their hands on the keyboard); Backspace goes back one step.
 * At the outcome, `actions` says what to do with it (apply on a ticket, open a request…).
 */
export function ScriptRunner({ run, onChange, actions, articleBase = "/kb/articles" }: {
  run: ScriptRun;
  onChange: (run: ScriptRun) => void;
  actions?: ReactNode;
  articleBase?: string;
}) {
  const { t } = useTranslation();
  const step = useRunAction();
  const node = run.current;
  const canAct = run.state === "running" || run.state === "finished";

  const answer = (index: number) => step.mutate({ runId: run.id, action: "answer", body: { answer: index } }, { onSuccess: onChange });
  const back = () => step.mutate({ runId: run.id, action: "back" }, { onSuccess: onChange });

  useEffect(() => {
    function handleKey(event: KeyboardEvent) {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey || step.isPending) return;
      if (event.key === "Backspace" && run.path.length > 0 && canAct) {
        event.preventDefault();
        back();
        return;
      }
      const n = Number(event.key);
      if (node.type !== "question" || run.state !== "running" || !Number.isInteger(n) || n < 1 || n > node.answers.length) return;
      event.preventDefault();
      answer(n - 1);
    }
    window.addEventListener("keydown", handleKey);
    return () => window.removeEventListener("keydown", handleKey);
  });

  return (
    <Stack gap="sm">
      {run.path.length > 0 && (
        <Stack gap={2} aria-label={t("scripts.run.path")}>
          {run.path.map((s, i) => (
            <Text key={`${s.nodeId}-${i}`} size="sm" c="dimmed">
              {s.question} — <Text span fw={600} c="var(--mantine-color-text)">{s.answer}</Text>
            </Text>
          ))}
        </Stack>
      )}
      {node.type === "question" ? (
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="lg" mb={node.help ? 4 : "sm"} id={`run-${run.id}-question`}>{node.text}</Title>
          {node.help && <Text size="sm" c="dimmed" mb="sm">{node.help}</Text>}
          <Stack gap="xs" role="group" aria-labelledby={`run-${run.id}-question`}>
            {node.answers.map((a, i) => (
              <Button key={i} variant="default" justify="flex-start" onClick={() => answer(i)} disabled={step.isPending}
                leftSection={<Kbd>{i + 1}</Kbd>} aria-keyshortcuts={String(i + 1)}>
                {a.label}
              </Button>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt="xs">{t("scripts.run.keyboardHint")}</Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
          <Group gap="xs" mb={4}>
            <Badge variant="light">{t(`scripts.outcomeKinds.${node.outcome.kind}`)}</Badge>
            {run.state === "applied" && <Badge color="green">{t("scripts.run.applied")}</Badge>}
          </Group>
          <Title order={3} fz="lg" mb={4}>{node.title}</Title>
          <OutcomeDetail run={run} articleBase={articleBase} />
          {actions && <Group mt="sm">{actions}</Group>}
        </Paper>
      )}
      <ApiErrorAlert error={step.error} />
      {run.path.length > 0 && canAct && (
        <Group>
          <Button variant="subtle" size="xs" onClick={back} disabled={step.isPending} aria-keyshortcuts="Backspace">
            {t("scripts.run.back")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function OutcomeDetail({ run, articleBase }: { run: ScriptRun; articleBase: string }) {
  const { t } = useTranslation();
  const node = run.current;
  if (node.type !== "outcome") return null;
  const o = node.outcome;
  if (o.kind === "article") {
    return o.articleId ? (
      <Text size="sm">
        {t("scripts.run.readArticle")}{" "}
        <Anchor component={Link} to={`${articleBase}/${o.articleId}`} target="_blank">{run.articleTitle ?? `#${o.articleId}`}</Anchor>
      </Text>
    ) : null;
  }
  if (o.kind === "fields") return <Text size="sm">{t("scripts.run.fieldsHelp")}</Text>;
  return o.text ? <Alert variant="light" color={o.kind === "escalate" ? "orange" : "green"} py="xs"><Text size="sm" style={{ whiteSpace: "pre-line" }}>{o.text}</Text></Alert> : null;
}
