import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { QuestionNode, ScriptGraph, ScriptNode } from "../../../../shared/api/kb-scripts.js";
import { OutcomeFields } from "./OutcomeFields.js";

/** "Answer leads to": an existing node, or a new question or outcome made on the spot. */
export const NEW_QUESTION = "__new_question";
export const NEW_OUTCOME = "__new_outcome";

/** The selected node's form: its text and answers (question) or what it does (outcome). */
export function NodeForm({ graph, node, entityId, onChange, onCreateNext, onDelete, onMakeStart }: {
  graph: ScriptGraph;
  node: ScriptNode;
  entityId: number | null;
  onChange: (node: ScriptNode) => void;
  onCreateNext: (answer: number, type: "question" | "outcome") => void;
  onDelete: () => void;
  onMakeStart: () => void;
}) {
  const { t } = useTranslation();
  const isStart = graph.start === node.id;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} fz="md">{node.type === "question" ? t("scripts.editor.question") : t("scripts.editor.outcome")}</Title>
        <Group gap="xs">
          {!isStart && node.type === "question" && <Button size="xs" variant="default" onClick={onMakeStart}>{t("scripts.editor.makeStart")}</Button>}
          <Button size="xs" color="red" variant="light" onClick={onDelete}>{t("scripts.editor.deleteNode")}</Button>
        </Group>
      </Group>
      <TextInput label={t("scripts.editor.nodeId")} description={t("scripts.editor.nodeIdHelp")} value={node.id}
        onChange={(e) => onChange({ ...node, id: e.currentTarget.value.replace(/[^A-Za-z0-9_-]/g, "") })} />
      {node.type === "question"
        ? <QuestionFields graph={graph} node={node} onChange={onChange} onCreateNext={onCreateNext} />
        : (
          <>
            <TextInput label={t("scripts.editor.outcomeTitle")} value={node.title} required
              onChange={(e) => onChange({ ...node, title: e.currentTarget.value })} />
            <OutcomeFields outcome={node.outcome} entityId={entityId} onChange={(outcome) => onChange({ ...node, outcome })} />
          </>
        )}
    </Stack>
  );
}

function QuestionFields({ graph, node, onChange, onCreateNext }: {
  graph: ScriptGraph;
  node: QuestionNode;
  onChange: (node: ScriptNode) => void;
  onCreateNext: (answer: number, type: "question" | "outcome") => void;
}) {
  const { t } = useTranslation();
  const targets = [
    ...graph.nodes.filter((n) => n.id !== node.id).map((n) => ({ value: n.id, label: `${n.id} — ${n.type === "question" ? n.text : n.title}` })),
    { value: NEW_QUESTION, label: t("scripts.editor.newQuestion") }, { value: NEW_OUTCOME, label: t("scripts.editor.newOutcome") },
  ];
  const setAnswer = (i: number, change: Partial<QuestionNode["answers"][number]>) =>
    onChange({ ...node, answers: node.answers.map((a, j) => (j === i ? { ...a, ...change } : a)) });
  return (
    <>
      <Textarea label={t("scripts.editor.questionText")} value={node.text} required autosize minRows={2}
        onChange={(e) => onChange({ ...node, text: e.currentTarget.value })} />
      <Textarea label={t("scripts.editor.help")} value={node.help ?? ""} autosize minRows={1}
        onChange={(e) => onChange({ ...node, help: e.currentTarget.value || undefined })} />
      <Text size="sm" fw={500}>{t("scripts.editor.answers")}</Text>
      {node.answers.map((a, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput label={t("scripts.editor.answerN", { n: i + 1 })} value={a.label} style={{ flex: 1 }}
            onChange={(e) => setAnswer(i, { label: e.currentTarget.value })} />
          <Select label={t("scripts.editor.leadsTo")} data={targets} value={a.next || null} style={{ flex: 1 }} searchable
            error={a.next && !graph.nodes.some((n) => n.id === a.next) ? t("scripts.issues.DANGLING_ANSWER") : undefined}
            onChange={(value) => {
              if (value === NEW_QUESTION || value === NEW_OUTCOME) onCreateNext(i, value === NEW_QUESTION ? "question" : "outcome");
              else setAnswer(i, { next: value ?? "" });
            }} />
          <ActionIcon variant="subtle" color="red" mb={4} aria-label={t("scripts.editor.removeAnswer", { n: i + 1 })}
            onClick={() => onChange({ ...node, answers: node.answers.filter((_, j) => j !== i) })}>×</ActionIcon>
        </Group>
      ))}
      {node.answers.length < 9 && (
        <Button variant="default" size="xs" w="fit-content" onClick={() => onChange({ ...node, answers: [...node.answers, { label: "", next: "" }] })}>
          {t("scripts.editor.addAnswer")}
        </Button>
      )}
    </>
  );
}
