import { Anchor, Button, FileButton, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type KbFile, kbFileUrl } from "../../../shared/api/kb-files.js";
import type { KbArticle } from "../../../shared/api/kb.js";
import { isApiError } from "../../api/client.js";
import { errorText } from "../../components/error-text.js";
import { ConfirmButton } from "../../components/ConfirmButton.js";
import { formatBytes, typeLabel } from "../tickets/AttachmentItems.js";
import { useDeleteKbFile } from "./useKbFiles.js";

/** Whether the text shows this file as an image (its id, not a longer one that starts with it). */
function shownInText(body: string, id: number): boolean {
  return new RegExp(`/api/kb/files/${id}(?!\\d)`).test(body);
}

/** The refusals say what to do: the limit for a big file, the accepted types for a refused one. */
export function kbUploadErrorText(error: unknown, t: TFunction, language: string): string {
  if (isApiError(error, "FILE_TOO_LARGE")) {
    const limit = error.issues.find((issue) => issue.maximum !== undefined)?.maximum;
    if (limit) return t("attachments.tooLargeServer", { limit: formatBytes(limit, language) });
  }
  if (isApiError(error, "FILE_TYPE_REFUSED")) return t("attachments.typeRefused");
  return errorText(error, t);
}

function FileLine({ file, children }: { file: KbFile; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" justify="space-between" data-testid="kb-file">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor href={kbFileUrl(file.id)} download={file.fileName} size="sm" fw={500} truncate="end"
          aria-label={t("attachments.downloadName", { name: file.fileName })}>{file.fileName}</Anchor>
        <Text size="xs" c="dimmed">{typeLabel(file.contentType, t)} · {formatBytes(file.size, i18n.language)}</Text>
      </Stack>
      {children && <Group gap={4} wrap="nowrap">{children}</Group>}
    </Group>
  );
}

/** For readers: the documents to download, and any image the text does not show. */
export function ArticleFiles({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const files = article.files.filter((f) => !f.isImage || !shownInText(article.body, f.id));
  if (files.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`kb-files-${article.id}`}>
      <Title order={2} fz="sm" tt="uppercase" c="dimmed" id={`kb-files-${article.id}`} mb="xs">{t("kb.files.title")}</Title>
      <Stack gap="xs">{files.map((f) => <FileLine key={f.id} file={f} />)}</Stack>
    </Paper>
  );
}

/** For the editor: every file, to insert in the text, download or delete; and a button to attach more. */
export function EditorFiles({ article, onAttach, onInsert, uploading }: {
  article: KbArticle; onAttach: (files: File[]) => void; onInsert: (file: KbFile) => void; uploading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="kb-editor-files">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} fz="sm" tt="uppercase" c="dimmed" id="kb-editor-files">{t("kb.files.title")}</Title>
          <FileButton onChange={onAttach} multiple>
            {(props) => <Button {...props} size="xs" variant="light" loading={uploading}>{t("kb.files.attach")}</Button>}
          </FileButton>
        </Group>
        {article.files.length === 0 && <Text size="sm" c="dimmed">{t("kb.files.empty")}</Text>}
        {article.files.map((f) => (
          <FileLine key={f.id} file={f}>
            <Button variant="subtle" size="compact-xs" onClick={() => onInsert(f)}
              aria-label={t("kb.files.insertName", { name: f.fileName })}>{t("kb.files.insert")}</Button>
            <DeleteFile file={f} />
          </FileLine>
        ))}
      </Stack>
    </Paper>
  );
}

function DeleteFile({ file }: { file: KbFile }) {
  const { t } = useTranslation();
  const remove = useDeleteKbFile(file.articleId);
  return (
    <ConfirmButton label={t("attachments.delete")} ariaLabel={t("attachments.deleteName", { name: file.fileName })}
      title={t("attachments.deleteTitle")} message={t("kb.files.deleteMessage", { name: file.fileName })} confirmLabel={t("attachments.delete")}
      loading={remove.isPending} error={remove.error} onOpen={() => remove.reset()}
      onConfirm={() => remove.mutateAsync(file.id).then(() => notifications.show({ color: "green", message: t("attachments.deleted") }))}
      buttonProps={{ variant: "subtle", size: "compact-xs", color: "red" }} />
  );
}
