import { Alert, Button, FileButton, Group, Paper, Skeleton, Stack, Tabs, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type ClipboardEvent, type DragEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { INLINE_IMAGE_TYPES } from "../../../shared/api/attachments.js";
import type { KbFile } from "../../../shared/api/kb-files.js";
import type { KbArticle } from "../../../shared/api/kb.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EditorFiles, kbUploadErrorText } from "./KbFiles.js";
import { ArticleBody } from "./kb-ui.js";
import { usePreview } from "./useKb.js";
import { kbFileMarkdown, useUploadKbFiles } from "./useKbFiles.js";

const IMAGE_ACCEPT = INLINE_IMAGE_TYPES.join(",");

/** `snippet` on lines of its own where the selection was; also where the caret goes after it. */
export function insertSnippet(text: string, snippet: string, start: number, end: number): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before === "" || before.endsWith("\n") ? "" : "\n";
  const inserted = `${lead}${snippet}\n`;
  return { text: `${before}${inserted}${after}`, caret: before.length + inserted.length };
}

const imagesOf = (list: FileList) => Array.from(list).filter((f) => (INLINE_IMAGE_TYPES as readonly string[]).includes(f.type));

/**
 * Markdown on one tab, the server's rendering (the very HTML readers will get) on the other.
 * On a saved article, images are uploaded and inserted where the caret is: with the button,
 * or pasted or dropped into the text (a dropped document becomes a link); files attached
 * from the list below are only listed until inserted.
 */
export function BodyField({ value, onChange, article }: { value: string; onChange: (v: string) => void; article?: KbArticle }) {
  const { t, i18n } = useTranslation();
  const preview = usePreview();
  const [tab, setTab] = useState<string | null>("write");
  const input = useRef<HTMLTextAreaElement>(null);
  // An upload ends after more typing: insert into the text as it is then, not as it was.
  const latest = useRef(value);
  useEffect(() => { latest.current = value; }, [value]);
  const upload = useUploadKbFiles(article?.id ?? 0);

  const insert = (files: KbFile[]) => {
    const el = input.current;
    const end = el ? el.selectionEnd : latest.current.length;
    const result = insertSnippet(latest.current, files.map(kbFileMarkdown).join("\n"), el ? el.selectionStart : end, end);
    onChange(result.text);
    requestAnimationFrame(() => { el?.focus(); el?.setSelectionRange(result.caret, result.caret); });
  };
  const send = (files: File[], inText: boolean) => {
    if (!article || files.length === 0) return;
    upload.mutate(files, {
      onSuccess: (saved) => {
        if (inText) insert(saved);
        notifications.show({ color: "green", message: t("kb.files.uploaded", { count: saved.length }) });
      },
    });
  };
  // A pasted screenshot is uploaded; a paste that also carries text (cells copied from a sheet) stays text.
  const handlePaste = (event: ClipboardEvent) => {
    const images = imagesOf(event.clipboardData.files);
    if (!article || images.length === 0 || event.clipboardData.getData("text/plain") !== "") return;
    event.preventDefault();
    send(images, true);
  };
  // Dropped files go where they are dropped: images shown, documents as links.
  const handleDrop = (event: DragEvent) => {
    const files = Array.from(event.dataTransfer.files);
    if (!article || files.length === 0) return;
    event.preventDefault();
    send(files, true);
  };

  return (
    <Stack gap="xs">
      <Tabs value={tab} onChange={(v) => { setTab(v); if (v === "preview") preview.mutate({ body: value, articleId: article?.id }); }}>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
          <Tabs.List>
            <Tabs.Tab value="write">{t("kb.editor.write")}</Tabs.Tab>
            <Tabs.Tab value="preview">{t("kb.editor.preview")}</Tabs.Tab>
          </Tabs.List>
          <FileButton onChange={(files) => send(files, true)} accept={IMAGE_ACCEPT} multiple disabled={!article}>
            {(props) => <Button {...props} size="xs" variant="default" loading={upload.isPending}>{t("kb.files.insertImage")}</Button>}
          </FileButton>
        </Group>
        <Tabs.Panel value="write" pt="xs">
          <Textarea ref={input} label={t("kb.editor.body")} autosize minRows={12} maxRows={40}
            description={article ? `${t("kb.editor.bodyHelp")} ${t("kb.files.pasteHint")}` : `${t("kb.editor.bodyHelp")} ${t("kb.files.saveFirst")}`}
            value={value} onChange={(e) => onChange(e.currentTarget.value)}
            onPaste={handlePaste} onDrop={handleDrop}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }} />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          <Paper withBorder p="md" mih={200}>
            <ApiErrorAlert error={preview.error} />
            {preview.isPending ? <Skeleton h={120} /> : preview.data?.html ? <ArticleBody html={preview.data.html} /> : <Text c="dimmed">{t("kb.editor.previewEmpty")}</Text>}
          </Paper>
        </Tabs.Panel>
      </Tabs>
      {upload.error !== null && (
        <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => upload.reset()}>
          {kbUploadErrorText(upload.error, t, i18n.language)}
        </Alert>
      )}
      {article && <EditorFiles article={article} onAttach={(files) => send(files, false)} onInsert={(f) => insert([f])} uploading={upload.isPending} />}
    </Stack>
  );
}
