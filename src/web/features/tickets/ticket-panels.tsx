import type { ComponentType } from "react";
import type { Ticket } from "../../../shared/api/tickets.js";
import { TicketAssetsPanel } from "../assets/core/TicketAssetsPanel.js";
import { TicketMailsPanel } from "../mail-in/TicketMailsPanel.js";
import { TicketSlaPanel } from "../sla/TicketSla.js";
import { LinksPanel } from "./LinksPanel.js";
import { ObserversPanel } from "./ObserversPanel.js";
import { RequesterPanel } from "./RequesterPanel.js";

export type TicketPanelProps = { ticket: Ticket; staff: boolean };

/**
 * The side panels of the ticket page, in order. A module that relates its records to tickets
 * (the assets module: the requester's computers, the ticket's linked assets) adds its panel here.
 */
export const TICKET_SIDE_PANELS: { key: string; staffOnly: boolean; Panel: ComponentType<TicketPanelProps> }[] = [
  { key: "sla", staffOnly: true, Panel: TicketSlaPanel },
  { key: "requester", staffOnly: true, Panel: ({ ticket }) => <RequesterPanel ticket={ticket} /> },
  { key: "assets", staffOnly: true, Panel: TicketAssetsPanel },
  { key: "links", staffOnly: true, Panel: LinksPanel },
  { key: "mails", staffOnly: true, Panel: TicketMailsPanel },
  { key: "observers", staffOnly: false, Panel: ({ ticket, staff }) => <ObserversPanel ticketId={ticket.id} staff={staff} /> },
];
