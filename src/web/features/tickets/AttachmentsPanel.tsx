import { Alert, Button, Checkbox, FileButton, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ATTACHMENT_MAX_FILES, type Attachment } from "../../../shared/api/attachments.js";
import { isApiError } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { errorText } from "../../components/error-text.js";
import { LoadMore } from "../../components/LoadMore.js";
import { FileRow, ImageCard, ImagePreview, formatBytes } from "./AttachmentItems.js";
import { useAttachments, useUploadAttachments } from "./useAttachments.js";

type Props = {
  ticketId: number;
  /** Staff may upload private files and see them. */
  staff: boolean;
  canUpload?: boolean;
  /** The portal's wording: "Ajouter un fichier". */
  portal?: boolean;
};

/**
 * A ticket's files: images as thumbnails that open full size, documents as download links
 * with their type and size. Files are added with the button or dropped onto the panel; a
 * file over the limit is refused here, before it is sent.
 */
export function AttachmentsPanel({ ticketId, staff, canUpload = true, portal = false }: Props) {
  const { t, i18n } = useTranslation();
  const attachments = useAttachments(ticketId);
  const upload = useUpload(ticketId, staff, attachments.maxBytes);
  const drop = useFileDrop(canUpload, upload.send);
  const limit = attachments.maxBytes ? formatBytes(attachments.maxBytes, i18n.language) : undefined;
  const hint = drop.dragging ? t("attachments.dropNow") : portal ? t("attachments.dropHintShort", { limit }) : t("attachments.dropHint", { limit });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`attachments-${ticketId}`}
      data-dragging={drop.dragging || undefined} style={drop.dragging ? DRAGGING_STYLE : undefined} {...drop.handlers}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} fz="sm" tt="uppercase" c="dimmed" id={`attachments-${ticketId}`}>
            {attachments.items.length > 0 ? t("attachments.titleCount", { count: attachments.items.length }) : t("attachments.title")}
          </Title>
          {canUpload && <UploadControls upload={upload} staff={staff} portal={portal} />}
        </Group>
        {canUpload && limit && (
          <Text size="xs" c="dimmed" aria-live="polite">
            {hint}
          </Text>
        )}
        {upload.problem && (
          <Alert color="red" variant="light" role="alert" withCloseButton onClose={upload.clearProblem}>
            {upload.problem}
          </Alert>
        )}
        <ApiErrorAlert error={attachments.error} />
        {attachments.isPending && <Skeleton h={48} />}
        {attachments.isSuccess && attachments.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("attachments.empty")}
          </Text>
        )}
        <AttachmentList items={attachments.items} />
        {attachments.hasNextPage && (
          <LoadMore shown={attachments.items.length} hasNextPage isFetchingNextPage={attachments.isFetchingNextPage}
            fetchNextPage={attachments.fetchNextPage} />
        )}
      </Stack>
    </Paper>
  );
}

const DRAGGING_STYLE = {
  borderStyle: "dashed",
  borderColor: "var(--mantine-primary-color-filled)",
  background: "var(--mantine-primary-color-light)",
};

function AttachmentList({ items }: { items: Attachment[] }) {
  const [preview, setPreview] = useState<Attachment>();
  const images = items.filter((a) => a.isImage);
  return (
    <>
      {images.length > 0 && (
        <SimpleGrid cols={{ base: 2, xs: 3, md: 4 }} spacing="xs">
          {images.map((attachment) => (
            <ImageCard key={attachment.id} attachment={attachment} onOpen={() => setPreview(attachment)} />
          ))}
        </SimpleGrid>
      )}
      {items.filter((a) => !a.isImage).map((attachment) => (
        <FileRow key={attachment.id} attachment={attachment} />
      ))}
      <ImagePreview attachment={preview} onClose={() => setPreview(undefined)} />
    </>
  );
}

type Upload = ReturnType<typeof useUpload>;

function UploadControls({ upload, staff, portal }: { upload: Upload; staff: boolean; portal: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap">
      {staff && (
        <Checkbox size="xs" label={t("attachments.privateUpload")} checked={upload.isPrivate}
          onChange={(event) => upload.setIsPrivate(event.currentTarget.checked)} />
      )}
      <FileButton onChange={upload.send} multiple>
        {(props) => (
          <Button {...props} size="xs" variant="light" loading={upload.isPending}>
            {portal ? t("attachments.addPortal") : t("attachments.add")}
          </Button>
        )}
      </FileButton>
    </Group>
  );
}

/** Sends files after the checks the browser can make itself; `problem` says what went wrong, translated. */
function useUpload(ticketId: number, staff: boolean, maxBytes: number | undefined) {
  const { t, i18n } = useTranslation();
  const mutation = useUploadAttachments(ticketId);
  const [isPrivate, setIsPrivate] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const bytes = (n: number) => formatBytes(n, i18n.language);

  function send(files: File[]) {
    mutation.reset();
    setRefusal(undefined);
    if (files.length === 0) return;
    if (files.length > ATTACHMENT_MAX_FILES) return setRefusal(t("attachments.tooMany", { max: ATTACHMENT_MAX_FILES }));
    const big = maxBytes ? files.find((file) => file.size > maxBytes) : undefined;
    if (big && maxBytes) return setRefusal(t("attachments.tooLarge", { name: big.name, limit: bytes(maxBytes) }));
    mutation.mutate({ files, isPrivate: staff && isPrivate }, {
      onSuccess: (result) => {
        setIsPrivate(false);
        notifications.show({ color: "green", message: t("attachments.uploaded", { count: result.data.length }) });
      },
    });
  }

  const problem = refusal ?? (mutation.error ? uploadErrorText(mutation.error, t, bytes, maxBytes) : undefined);
  const clearProblem = () => {
    setRefusal(undefined);
    mutation.reset();
  };
  return { send, isPrivate, setIsPrivate, isPending: mutation.isPending, problem, clearProblem };
}

/** The refusals say what to do: the limit for a big file, the accepted types for a refused one. */
function uploadErrorText(error: unknown, t: TFunction, bytes: (n: number) => string, maxBytes?: number): string {
  if (isApiError(error, "FILE_TOO_LARGE")) {
    const limit = error.issues.find((issue) => issue.maximum !== undefined)?.maximum ?? maxBytes;
    return limit ? t("attachments.tooLargeServer", { limit: bytes(limit) }) : errorText(error, t);
  }
  if (isApiError(error, "FILE_TYPE_REFUSED")) return t("attachments.typeRefused");
  return errorText(error, t);
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");

/** Files dragged over the panel light it up; dropped, they are sent like picked ones. */
function useFileDrop(enabled: boolean, onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  if (!enabled) return { dragging: false, handlers: {} };
  const handlers = {
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      onFiles(Array.from(event.dataTransfer.files));
    },
  };
  return { dragging, handlers };
}
