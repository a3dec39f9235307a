import { Alert, Button, Code, FileInput, Group, Modal, Stack, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ERRORS } from "../../../../shared/api/errors.js";
import { CSV_IMPORT_LIMIT } from "../../../../shared/domain/limits.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { useFormat } from "../../../i18n/format.js";
import { useImportUsers } from "./useUsers.js";

const CSV_HEADER = "login;firstName;lastName;email;phone;entity";

/** A line error is translated when the server gives its code; otherwise its text is shown as is. */
function lineErrorText(error: { message: string; code?: string }, t: TFunction): string {
  return error.code && error.code in ERRORS ? t(`errors.${error.code as keyof typeof ERRORS}`) : error.message;
}

/** Posts the file's text as text/csv; the server creates or updates each line and reports errors. */
export function ImportUsersModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const importUsers = useImportUsers();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();

  async function handleImport() {
    if (!file) return setFileError(t("validation.required"));
    if (file.size > CSV_IMPORT_LIMIT) return setFileError(t("errors.PAYLOAD_TOO_LARGE"));
    importUsers.mutate(await file.text());
  }

  function handleClose() {
    importUsers.reset();
    setFile(null);
    setFileError(undefined);
    onClose();
  }

  const result = importUsers.data;
  return (
    <Modal opened={opened} onClose={handleClose} title={t("users.importTitle")}>
      <Stack gap="sm">
        <Text size="sm">{t("users.importHelp")}</Text>
        <Code block>{CSV_HEADER}</Code>
        <FileInput
          label={t("users.importFile")}
          placeholder={t("users.importPick")}
          accept=".csv,text/csv,text/plain"
          value={file}
          onChange={(next) => {
            setFile(next);
            setFileError(undefined);
            importUsers.reset();
          }}
          error={fileError}
          clearable
        />
        <ApiErrorAlert error={importUsers.error} />
        {result && (
          <Alert color={result.errors.length > 0 ? "orange" : "green"} title={t("users.importDone")} role="status">
            {t("users.importSummary", {
              created: format.number(result.created),
              updated: format.number(result.updated),
              errors: format.number(result.errors.length),
            })}
          </Alert>
        )}
        {result && result.errors.length > 0 && (
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t("users.importLine")}</Table.Th>
                <Table.Th>{t("users.importError")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.errors.map((error) => (
                <Table.Tr key={`${error.line}-${error.message}`}>
                  <Table.Td>{error.line}</Table.Td>
                  <Table.Td>{lineErrorText(error, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={handleClose}>
            {result ? t("common.close") : t("common.cancel")}
          </Button>
          <Button onClick={() => void handleImport()} loading={importUsers.isPending} disabled={!file}>
            {t("users.importSubmit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
