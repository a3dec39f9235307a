import { Badge, Group, Paper, Skeleton, Stack, Text, Title, Tooltip, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SlaDeadline, SlaState } from "../../../shared/api/sla.js";
import type { Ticket } from "../../../shared/api/tickets.js";
import { useFormat } from "../../i18n/format.js";
import { useRelativeTime } from "../tickets/ticket-ui.js";
import { useTicketSla } from "./useSla.js";

const COLORS: Record<SlaState, string> = { ok: "green", at_risk: "orange", late: "red", met: "teal", missed: "red", paused: "gray" };

/** "3 h 20" of business time; negative once late. */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number) => {
    const abs = Math.abs(minutes);
    const text = abs >= 60 ? t("sla.ticket.hours", { h: Math.floor(abs / 60), m: String(abs % 60).padStart(2, "0") }) : t("sla.ticket.minutes", { m: abs });
    return minutes < 0 ? t("sla.ticket.over", { duration: text }) : text;
  };
}

/** The ticket page's deadlines: time to own and time to resolve, each with its due date, business time left and colour. */
export function TicketSlaPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const sla = useTicketSla(ticket.id);
  if (ticket.sla === null && !sla.data?.slaId) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="ticket-sla-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5" id="ticket-sla-title">{t("sla.ticket.title")}</Title>
          {sla.data?.slaName && <Text size="xs" c="dimmed">{sla.data.slaName}</Text>}
        </Group>
        {sla.data?.contractName && <Text size="xs" c="dimmed">{t("slaContracts.ticket.contract", { name: sla.data.contractName })}</Text>}
        {sla.isPending ? <Skeleton h={60} /> : sla.data && (
          <>
            {sla.data.own && <DeadlineRow label={t("sla.targets.own")} deadline={sla.data.own} />}
            {sla.data.resolve && <DeadlineRow label={t("sla.targets.resolve")} deadline={sla.data.resolve} />}
            <Text size="xs" c="dimmed">
              {sla.data.calendarName ? t("sla.ticket.calendar", { name: sla.data.calendarName }) : t("sla.ticket.alwaysOpen")}
              {sla.data.escalations.length > 0 && ` · ${t("sla.ticket.escalations", { count: sla.data.escalations.length })}`}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function DeadlineRow({ label, deadline }: { label: string; deadline: SlaDeadline }) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const detail = deadline.state === "met" || deadline.state === "missed"
    ? t("sla.ticket.metAt", { date: format.dateTime(deadline.metAt) })
    : deadline.state === "paused" ? t("sla.ticket.pausedLeft", { duration: duration(deadline.leftMinutes) })
    : deadline.leftMinutes >= 0 ? t("sla.ticket.left", { duration: duration(deadline.leftMinutes) }) : duration(deadline.leftMinutes);
  return (
    <div data-testid={`sla-${label}`}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>{label}</Text>
        <Badge color={COLORS[deadline.state]} variant="light">{t(`sla.states.${deadline.state}`)}</Badge>
      </Group>
      <Text size="sm">{deadline.dueAt ? t("sla.ticket.due", { date: format.dateTime(deadline.dueAt) }) : t("sla.ticket.dueUnknown")}</Text>
      <Text size="xs" c="dimmed">{detail}</Text>
    </div>
  );
}

/** The queue's SLA column: the next deadline, as time left, amber from 75 % of its time used, red once passed. */
export function SlaQueueCell({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const relative = useRelativeTime();
  const sla = ticket.sla;
  if (!sla) return <Text span c="dimmed" fz="sm">—</Text>;
  if (sla.pausedAt) return <Text span fz="sm" c="dimmed">{t("sla.states.paused")}</Text>;
  if (!sla.nextDueAt) return <Text span c="dimmed" fz="sm">{t("sla.states.met")}</Text>;
  const now = new Date().toISOString();
  const state: SlaState = now >= sla.nextDueAt ? "late" : sla.nextWarnAt && now >= sla.nextWarnAt ? "at_risk" : "ok";
  return (
    <Tooltip label={t("sla.ticket.due", { date: format.dateTime(sla.nextDueAt) })} openDelay={300}>
      <Text span fz="sm" c={state === "ok" ? undefined : `${COLORS[state]}.8`} fw={state === "ok" ? undefined : 600} data-sla-state={state}
        style={{ whiteSpace: "nowrap" }}>
        {state !== "ok" && "● "}{relative(sla.nextDueAt)}<VisuallyHidden> ({t(`sla.states.${state}`)})</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}
