import { ActionIcon, Anchor, Button, Group, NumberInput, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { KbArticle } from "../../../shared/api/kb.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useTicketLink } from "./useKb.js";

/** The tickets the article came from or helped solve; a writer links one by its number, or unlinks it. */
export function LinkedTickets({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const change = useTicketLink(article.id);
  const [ticketId, setTicketId] = useState<string | number>("");
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="h5" mb="xs">{t("kb.article.tickets")}</Title>
      <Stack gap={4}>
        {article.tickets.length === 0 && <Text c="dimmed" fz="sm">{t("kb.article.noTickets")}</Text>}
        {article.tickets.map((ticket) => (
          <Group key={ticket.id} gap="xs">
            <Anchor component={Link} to={`/tickets/${ticket.id}`} fz="sm">#{ticket.id} {ticket.title}</Anchor>
            {article.canWrite && (
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t("kb.article.unlinkTicket", { id: ticket.id })}
                onClick={() => change.mutate({ ticketId: ticket.id, link: false })}>×</ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      {article.canWrite && (
        <Group component="form" gap="xs" mt="sm" align="flex-end" onSubmit={(e) => {
          e.preventDefault();
          if (Number(ticketId) > 0) change.mutate({ ticketId: Number(ticketId), link: true }, { onSuccess: () => setTicketId("") });
        }}>
          <NumberInput label={t("kb.article.ticketNumber")} size="xs" w={160} min={1} hideControls value={ticketId} onChange={setTicketId} />
          <Button size="xs" type="submit" variant="default" loading={change.isPending}>{t("kb.article.linkTicket")}</Button>
        </Group>
      )}
      <ApiErrorAlert error={change.error} />
    </Paper>
  );
}
