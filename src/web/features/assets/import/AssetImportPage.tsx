import { Alert, Button, FileInput, Group, Progress, Stack, Stepper, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../../../shared/api/asset-import.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { assetErrorText } from "../core/asset-ui.js";
import { ImportMapping } from "./ImportMapping.js";
import { ImportResultPanel } from "./ImportResultPanel.js";
import { useRunImport, useUploadImport } from "./useAssetImport.js";

const DELIMITERS = { ",": "comma", ";": "semicolon", "\t": "tab" } as const;

/** Upload → check the columns' mapping and pick the entity → run → counts and report. */
export function AssetImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scopeQuery } = useEntityScope();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [entityId, setEntityId] = useState<number | null>(scopeQuery.entityId ?? me.entityId);
  const upload = useUploadImport();
  const run = useRunImport(preview?.importId);
  const step = run.data ? 2 : preview ? 1 : 0;

  const send = () => {
    if (!file) return;
    upload.mutate(file, { onSuccess: (data) => { setPreview(data); setMapping(data.suggested); run.reset(); } });
  };
  const restart = () => { setPreview(null); setFile(null); upload.reset(); run.reset(); };
  const hasKind = mapping.includes("kind");

  return (
    <>
      <PageHeader title={t("assetImport.title")} description={t("assetImport.description")}
        crumbs={[{ label: t("assets.title"), to: "/assets" }]} />
      <Stepper active={step} allowNextStepsSelect={false} mb="md">
        <Stepper.Step label={t("assetImport.steps.upload")} />
        <Stepper.Step label={t("assetImport.steps.mapping")} />
        <Stepper.Step label={t("assetImport.steps.result")} />
      </Stepper>
      {step === 0 && (
        <Stack maw={520}>
          <FileInput label={t("assetImport.file")} placeholder={t("assetImport.filePlaceholder")} description={t("assetImport.fileHelp")}
            accept=".csv,.txt,text/csv,text/plain" value={file} onChange={setFile} clearable />
          {upload.error && <Alert color="red" role="alert">{assetErrorText(upload.error, t)} {upload.error.message}</Alert>}
          <Group><Button onClick={send} disabled={!file} loading={upload.isPending}>{t("assetImport.send")}</Button></Group>
        </Stack>
      )}
      {step === 1 && preview && (
        <Stack>
          <Text>{t("assetImport.detected", { rows: preview.totalRows, encoding: preview.encoding.toUpperCase(),
            delimiter: t(`assetImport.delimiters.${DELIMITERS[preview.delimiter]}`) })}</Text>
          <ImportMapping preview={preview} mapping={mapping} onChange={setMapping} />
          <EntitySelect label={t("assetImport.entity")} description={t("assetImport.entityHelp")} required value={entityId} onChange={setEntityId} />
          {!hasKind && <Alert color="yellow">{t("assetImport.noKind")}</Alert>}
          {run.error && <Alert color="red" role="alert">{assetErrorText(run.error, t)} {run.error.message}</Alert>}
          {run.isPending && <Progress value={100} striped animated aria-label={t("assetImport.running")} />}
          <Group>
            <Button onClick={() => entityId && run.mutate({ entityId, mapping })} disabled={!entityId || !hasKind} loading={run.isPending}>
              {t("assetImport.run")}
            </Button>
            <Button variant="default" onClick={restart} disabled={run.isPending}>{t("assetImport.restart")}</Button>
          </Group>
        </Stack>
      )}
      {step === 2 && preview && run.data && <ImportResultPanel importId={preview.importId} result={run.data} onRestart={restart} />}
    </>
  );
}
