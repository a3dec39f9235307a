import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Ticket } from "../../../shared/api/tickets.js";
import { can } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";

/** On a solved ticket: "turn this solution into an article" opens the editor pre-filled from the ticket. */
export function TicketKbButton({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me, "kb.write") || (ticket.status !== "solved" && ticket.status !== "closed")) return null;
  return <Button component={Link} to={`/kb/new?ticket=${ticket.id}`} variant="light" fullWidth>{t("kb.fromTicket")}</Button>;
}
