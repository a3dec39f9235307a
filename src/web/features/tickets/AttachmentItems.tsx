import { Anchor, Badge, Group, Image, Modal, Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Attachment } from "../../../shared/api/attachments.js";
import { ConfirmButton } from "../../components/ConfirmButton.js";
import { useFormat } from "../../i18n/format.js";
import { attachmentUrl, useDeleteAttachment } from "./useAttachments.js";

const TYPE_KEYS: Record<string, keyof ReturnType<typeof typeKeys>> = {
  "application/pdf": "pdf",
  "application/msword": "word",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word",
  "application/vnd.ms-excel": "excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "excel",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "powerpoint",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/zip": "zip",
  "application/x-7z-compressed": "sevenZip",
  "text/plain; charset=utf-8": "text",
  "text/csv; charset=utf-8": "csv",
  "message/rfc822": "email",
  "application/vnd.ms-outlook": "email",
};

function typeKeys(t: TFunction) {
  return {
    pdf: t("attachments.types.pdf"), word: t("attachments.types.word"), excel: t("attachments.types.excel"),
    powerpoint: t("attachments.types.powerpoint"), odt: t("attachments.types.odt"), ods: t("attachments.types.ods"),
    zip: t("attachments.types.zip"), sevenZip: t("attachments.types.sevenZip"), text: t("attachments.types.text"),
    csv: t("attachments.types.csv"), email: t("attachments.types.email"), other: t("attachments.types.other"),
  };
}

/** "Image PNG", "Classeur Excel"… rather than a MIME type. */
export function typeLabel(contentType: string, t: TFunction): string {
  if (contentType.startsWith("image/")) return t("attachments.types.image", { format: contentType.slice(6).toUpperCase() });
  return typeKeys(t)[TYPE_KEYS[contentType] ?? "other"];
}

/** 56 octets, 2,5 Mo / 56 bytes, 2.5 MB: binary multiples, as the server's limit is counted. */
export function formatBytes(bytes: number, language: string): string {
  if (bytes < 1024) return new Intl.NumberFormat(language, { style: "unit", unit: "byte", unitDisplay: "long" }).format(bytes);
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "kilobyte"] : [bytes / 1024 / 1024, "megabyte"];
  return new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value as number);
}

function PaperclipIcon() {
  return (
    <svg width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round"
      strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M20 11.5l-7.8 7.8a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4L15 7" />
    </svg>
  );
}

/** Type, size, who and when, on one line under the name. */
function Details({ attachment }: { attachment: Attachment }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const parts = [typeLabel(attachment.contentType, t), formatBytes(attachment.size, i18n.language)];
  if (attachment.uploadedByName) parts.push(t("attachments.byOn", { name: attachment.uploadedByName, date: format.dateTime(attachment.createdAt) }));
  return (
    <Text size="xs" c="dimmed">
      {parts.join(" · ")}
    </Text>
  );
}

function PrivateBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="xs" color="orange" variant="filled" title={t("attachments.privateHelp")}>
      {t("attachments.private")}
    </Badge>
  );
}

function DeleteAttachment({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const remove = useDeleteAttachment(attachment.ticketId);
  if (!attachment.canDelete) return null;
  return (
    <ConfirmButton
      label={t("attachments.delete")}
      ariaLabel={t("attachments.deleteName", { name: attachment.fileName })}
      title={t("attachments.deleteTitle")}
      message={t("attachments.deleteMessage", { name: attachment.fileName })}
      confirmLabel={t("attachments.delete")}
      loading={remove.isPending}
      error={remove.error}
      onOpen={() => remove.reset()}
      onConfirm={() =>
        remove.mutateAsync(attachment.id).then(() => notifications.show({ color: "green", message: t("attachments.deleted") }))
      }
      buttonProps={{ variant: "subtle", size: "compact-xs" }}
    />
  );
}

/** A document: its name downloads it; nothing but images is ever opened by the browser. */
export function FileRow({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" className="attachment" data-testid="attachment-file">
      <Text c="dimmed" mt={2} component="span" style={{ flexShrink: 0 }}>
        <PaperclipIcon />
      </Text>
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Group gap="xs" wrap="nowrap">
          <Anchor href={attachmentUrl(attachment.id)} download={attachment.fileName} size="sm" fw={500} truncate="end"
            aria-label={t("attachments.downloadName", { name: attachment.fileName })}>
            {attachment.fileName}
          </Anchor>
          {attachment.isPrivate && <PrivateBadge />}
        </Group>
        <Details attachment={attachment} />
      </Stack>
      <DeleteAttachment attachment={attachment} />
    </Group>
  );
}

/** An image as a thumbnail: a button that opens it full size. */
export function ImageCard({ attachment, onOpen }: { attachment: Attachment; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="sm" p={6} className="attachment" data-testid="attachment-image">
      <UnstyledButton onClick={onOpen} aria-label={t("attachments.open", { name: attachment.fileName })} w="100%"
        style={{ borderRadius: "var(--mantine-radius-sm)", display: "block" }}>
        <Image src={attachmentUrl(attachment.id, true)} alt={attachment.fileName} h={110} fit="cover" radius="sm" loading="lazy"
          bg="var(--mantine-color-default-hover)" />
      </UnstyledButton>
      <Group gap={4} mt={6} wrap="nowrap" justify="space-between">
        <Text size="xs" fw={500} truncate="end" title={attachment.fileName} style={{ minWidth: 0 }}>
          {attachment.fileName}
        </Text>
        {attachment.isPrivate && <PrivateBadge />}
      </Group>
      <Details attachment={attachment} />
      <Group gap={4} mt={4} justify="space-between">
        <Anchor href={attachmentUrl(attachment.id)} download={attachment.fileName} size="xs"
          aria-label={t("attachments.downloadName", { name: attachment.fileName })}>
          {t("attachments.download")}
        </Anchor>
        <DeleteAttachment attachment={attachment} />
      </Group>
    </Paper>
  );
}

/** The image at its own size (within the screen), with a way to save it. */
export function ImagePreview({ attachment, onClose }: { attachment: Attachment | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={attachment !== undefined} onClose={onClose} title={attachment?.fileName} size="auto" centered>
      {attachment && (
        <Stack gap="sm" align="center">
          <Image src={attachmentUrl(attachment.id, true)} alt={attachment.fileName} maw="min(90vw, 1200px)" mah="75vh" fit="contain" w="auto" />
          <Anchor href={attachmentUrl(attachment.id)} download={attachment.fileName} size="sm">
            {t("attachments.download")}
          </Anchor>
        </Stack>
      )}
    </Modal>
  );
}
