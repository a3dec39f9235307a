import { Alert, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ScanResult } from "../../../../shared/api/inventory.js";
import { ScanIcon } from "../../../components/icons.js";
import { QrScanner } from "./QrScanner.js";
import { InventoryErrorAlert, VERDICT_COLORS, VerdictBadge } from "./inventory-ui.js";
import { useRecordScan } from "./useInventory.js";

/** What the last scan gave: the verdict in words and colour, big enough to read at arm's length. */
function LastScan({ result }: { result: ScanResult }) {
  const { t } = useTranslation();
  const { line, duplicate } = result;
  return (
    <Alert color={VERDICT_COLORS[line.verdict]} variant="light" title={<Group gap="xs"><Text fw={700}>{line.tag}</Text><VerdictBadge verdict={line.verdict} /></Group>}>
      <Text size="sm">{line.name ?? t("inventory.scan.unknownHint")}</Text>
      {line.verdict === "unexpected" && (
        <Text size="sm">{t("inventory.scan.recordedAt", { location: line.locationName ?? t("inventory.noLocation") })}</Text>
      )}
      {duplicate && <Text size="sm" c="dimmed">{t("inventory.scan.duplicate")}</Text>}
    </Alert>
  );
}

/** The phone's side of a campaign: a big button for the camera, and a field for a tag read by eye. */
export function ScanPanel({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const [last, setLast] = useState<ScanResult | null>(null);
  const [scanning, scanner] = useDisclosure(false);
  const record = useRecordScan(campaignId);

  async function send(value: string) {
    const trimmed = value.trim();
    if (!trimmed) return;
    try {
      setLast(await record.mutateAsync(trimmed));
    } catch {
      setLast(null);
    }
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await send(code);
    setCode("");
  }

  const lastView = record.error ? <InventoryErrorAlert error={record.error} /> : last && <LastScan result={last} />;
  return (
    <Stack gap="sm">
      <Button size="xl" fullWidth leftSection={<ScanIcon size={28} />} onClick={scanner.open}>
        {t("inventory.scan.camera")}
      </Button>
      <form onSubmit={(event) => void handleSubmit(event)}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t("inventory.scan.typed")}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            autoCapitalize="characters"
            autoComplete="off"
            enterKeyHint="send"
            style={{ flex: 1 }}
            size="md"
          />
          <Button type="submit" size="md" loading={record.isPending} disabled={!code.trim()}>{t("common.add")}</Button>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>{t("inventory.scan.typedHint")}</Text>
      </form>
      <div aria-live="polite">{lastView}</div>
      <QrScanner opened={scanning} onClose={scanner.close} onCode={(value) => void send(value)} lastResult={lastView} />
    </Stack>
  );
}
